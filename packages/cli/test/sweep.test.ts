import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { analyseDeal, dealValue, evaluate, resolveOpenPrices, rows } from "@tieup/core";
import { afterAll, describe, expect, it } from "vitest";
import { loadScenario } from "../src/scenario/load.js";
import { wilson } from "../src/sweep/format.js";
import { progressLine } from "../src/sweep/progress.js";
import { runCli } from "./run-cli.js";

const example = fileURLToPath(new URL("../../../scenarios/examples/contract-pickup.yaml", import.meta.url));
// Beside the examples (a dot-folder, removed afterwards): a scenario reads only under its project's root.
const dir = mkdtempSync(join(dirname(example), ".sweep-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The hand-checkable contract example with its retooling uncertain: the zone of agreement exists iff R < 95M. */
function uncertainContract(distribution = "{ type: uniform, min: 0, max: 190000000 }"): string {
  const file = join(dir, `contract-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(
    file,
    `extends: ${JSON.stringify(relative(dir, example))}\nuncertainty:\n  parameters:\n    - { id: retooling, path: "deals[cm].retooling.amount", distribution: ${distribution} }\n`,
  );
  return file;
}

describe("tieup sweep", () => {
  it("gives identical results with 1 and 2 workers on the default scenario", async () => {
    const args = ["sweep", "--draws", "24", "--seed", "3", "--format", "json", "--quiet"];
    const one = await runCli(...args, "--workers", "1");
    const two = await runCli(...args, "--workers", "2");
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const outputs = JSON.parse(one.stdout).outputs.map((o: { metric: { name: string } }) => o.metric.name);
    expect(outputs).toContain("company.honda.FY2026.companyOperatingProfit");
    expect(outputs).toContain("company.nissan.FY2026.companyOperatingProfit");
    expect(outputs).toContain("deal.canton-pickup.winwin");
  }, 120_000);

  it("prints the distributions and the probability that the deal is win-win", async () => {
    const r = await runCli("sweep", uncertainContract(), "--draws", "400", "--seed", "1", "--workers", "2", "--timing");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Distribution of each output");
    expect(r.stdout).toContain("company.host.FY2025.companyOperatingProfit");
    const p = (event: string) => Number(/ (\d+\.\d)%/.exec(r.stdout.split("\n").find((l) => l.startsWith("cm ") && l.includes(event)) ?? "")?.[1]);
    // R ~ U(0, 190M): a zone exists iff R < 95M (0.5); a win-win at the base-case Nash price 25,250 iff R < 52.5M
    // (0.276). With 400 draws the standard errors are 2.5 and 2.2 points.
    expect(Math.abs(p("a zone of agreement exists") - 50)).toBeLessThan(10);
    expect(Math.abs(p("win-win at the base-case price") - 27.6)).toBeLessThan(9);
    expect(r.stderr).toMatch(/400 draws in .* draws\/s, 2 workers/);
  }, 60_000);

  it("writes csv and md, and keeps the draws when asked", async () => {
    const file = uncertainContract();
    const csv = await runCli("sweep", file, "--draws", "20", "--quiet", "--format", "csv", "--raw", "--output", "deal.cm.jointSurplus");
    expect(csv.stdout.split("\n")[0]).toBe("output,unit,count,mean,sd,min,p5,p50,p95,max,es5,pNegative,pPositive");
    expect(csv.stdout.split("\n")[1]).toMatch(/^deal\.cm\.jointSurplus,USD,20,/);
    const md = await runCli("sweep", file, "--draws", "10", "--quiet", "--format", "md", "--output", "deal.cm.winwin");
    expect(md.stdout).toContain("## Probability that each deal is win-win");
    const json = await runCli("sweep", file, "--draws", "10", "--quiet", "--format", "json", "--keep-draws", "--output", "deal.cm.npv.host");
    expect(JSON.parse(json.stdout).outputs[0].draws).toHaveLength(10);
  }, 60_000);

  it("prints the timing line only to a terminal and without --quiet; --timing forces it", async () => {
    const file = uncertainContract();
    const args = ["sweep", file, "--draws", "4", "--workers", "1", "--output", "deal.cm.winwin"];
    const timing = /4 draws in [\d.]+ s \([\d.]+ draws\/s, 1 worker\)/;
    const tty = async (isTTY: boolean, ...more: string[]) => {
      const was = Object.getOwnPropertyDescriptor(process.stderr, "isTTY");
      Object.defineProperty(process.stderr, "isTTY", { value: isTTY, configurable: true });
      try {
        return await runCli(...args, ...more);
      } finally {
        if (was) Object.defineProperty(process.stderr, "isTTY", was);
        else delete (process.stderr as { isTTY?: boolean }).isTTY;
      }
    };
    const piped = await tty(false);
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe("");
    expect((await tty(true)).stderr).toMatch(timing);
    expect((await tty(true, "--quiet")).stderr).toBe("");
    expect((await tty(false, "--timing")).stderr).toMatch(timing);
    expect((await tty(false, "--timing")).stdout).toBe(piped.stdout);
  }, 60_000);

  it("refuses an unknown output with a suggestion, exit 2", async () => {
    const r = await runCli("sweep", uncertainContract(), "--draws", "5", "--output", "deal.cm.npv.hots");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--output: deal.cm.npv.hots: unknown company `hots`");
    expect(r.stderr).toContain("did you mean `host`?");
  });

  it("refuses a distribution that can draw outside its number's range, exit 2", async () => {
    // Retooling ~ N(10M, 5M) reaches 10M − 8.29 × 5M < 0, and an amount cannot be negative.
    const r = await runCli("sweep", uncertainContract("{ type: normal, mean: 10000000, sd: 5000000 }"), "--draws", "5");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("uncertainty.parameters[0].distribution");
    expect(r.stderr).toContain("deals[0].retooling.amount must be at least 0 but draws reach");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses to keep more draws than memory and output can hold, naming what would fit, exit 2", async () => {
    // Six outputs (two companies' operating profit, host and client NPVs, win-win, zone): 1,666,666 draws fit, one more does not.
    const r = await runCli("sweep", uncertainContract(), "--draws", "1666667", "--keep-draws");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--keep-draws: keeping 1,666,667 draws of 6 outputs is 10,000,002 numbers; at most 10,000,000 are kept");
    expect(r.stderr).toContain("keep at most 1,666,666 draws of these outputs");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses bad options and a scenario with nothing uncertain, exit 2", async () => {
    expect((await runCli("sweep", uncertainContract(), "--draws", "many")).stderr).toContain("--draws must be a whole number");
    const none = await runCli("sweep", example, "--draws", "5");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("uncertainty: the scenario has no uncertainty block");
    const bad = await runCli("sweep", uncertainContract("{ type: triangular, min: 0, mode: 5, max: 1 }"), "--draws", "5");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("uncertainty.parameters[0].distribution.mode");
  });
});

describe("zero spread on the default scenario", () => {
  it("reproduces the deterministic figures exactly", async () => {
    const base = fileURLToPath(new URL("../../../scenarios/nissan-honda-us.yaml", import.meta.url));
    const file = join(dir, "flat.yaml");
    writeFileSync(
      file,
      [
        `extends: ${JSON.stringify(relative(dir, base))}`,
        "uncertainty:",
        "  parameters:",
        '    - { id: tariff, path: "tariffs[jp-auto-15].rate", distribution: { type: discrete, values: [{ value: 0.15, probability: 1 }] } }',
        '    - { id: yen, path: "fx.rates.JPY.*", mode: scale, distribution: { type: lognormal, median: 1, sigma: 0 } }',
        '    - { id: demand, path: "deals[canton-pickup].volume.*", mode: scale, distribution: { type: triangular, min: 1, mode: 1, max: 1 } }',
        "",
      ].join("\n"),
    );
    const r = await runCli("sweep", file, "--draws", "3", "--quiet", "--format", "json", "--workers", "2");
    expect(r.code).toBe(0);
    const { scenario } = loadScenario(file);
    const companies = rows(evaluate(scenario).companies);
    const { prices } = resolveOpenPrices(scenario);
    const canton = analyseDeal(scenario, "canton-pickup", prices);
    for (const o of JSON.parse(r.stdout).outputs as { metric: { name: string }; summary: { min: number; max: number; sd: number } }[]) {
      const [kind, id, a, b] = o.metric.name.split(".");
      expect(o.summary.min).toBe(o.summary.max);
      expect(o.summary.sd).toBe(0);
      if (kind === "company") expect(o.summary.min).toBe(companies.find((x) => x.company === id && x.period === a)?.[b as string]);
      if (kind === "deal" && id === "canton-pickup" && a === "npv")
        expect(o.summary.min).toBeCloseTo(canton.values.find((v) => v.company === b)?.npv as number, 3);
    }
  }, 60_000);
});

describe("tieup sensitivity", () => {
  it("ranks the parameters of the default scenario by their effect", async () => {
    const r = await runCli("sensitivity", "--output", "company.honda.FY2026.operatingProfit", "--format", "csv", "--raw");
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("parameter,low,high,atLow,atHigh,swing,unit");
    expect(
      lines
        .slice(1)
        .map((l) => l.split(",")[0])
        .sort(),
    ).toEqual(["honda-pickup-demand", "japan-tariff", "jpy-per-usd"]);
    const swings = lines.slice(1).map((l) => Number(l.split(",")[5]));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
  }, 60_000);

  it("swings the contract's retooling by its P5-P95 range: joint surplus 95M − R", async () => {
    // R ~ U(0, 20M): P5 = 1M, P95 = 19M, so the joint surplus goes from 94M to 76M.
    const r = await runCli("sensitivity", uncertainContract("{ type: uniform, min: 0, max: 20000000 }"), "--output", "deal.cm.jointSurplus");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/retooling\s+1000000\s+19000000\s+94\.0\s+76\.0\s+18\.0/);
  });

  it("with --sobol, gives the one parameter of a linear output all the variance, alone and in total", async () => {
    // The joint surplus is 95M − R with R the only uncertain number: S = ST = 1 up to sampling error.
    const r = await runCli(
      "sensitivity",
      uncertainContract("{ type: uniform, min: 0, max: 20000000 }"),
      "--output",
      "deal.cm.jointSurplus",
      "--sobol",
      "256",
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { sobol: { n: number; evaluations: number; indices: { parameter: string; first: number; total: number }[] } };
    expect(out.sobol.evaluations).toBe(256 * 3);
    expect(out.sobol.indices[0]?.parameter).toBe("retooling");
    expect(out.sobol.indices[0]?.first).toBeGreaterThan(0.85);
    expect(out.sobol.indices[0]?.total).toBeGreaterThan(0.85);
    const bad = await runCli("sensitivity", "--sobol", "3");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--sobol");
  }, 60_000);
});

describe("progress line", () => {
  it("shows the share done, the rate and the time left", () => {
    // 250 of 1000 in 10 s: 25 draws/s, 750 left → 30 s.
    expect(progressLine(250, 1000, 10, 20)).toBe("[#####...............]  250/1000 draws  25.0/s  30 s left");
    expect(progressLine(0, 10, 0, 4)).toBe("[....]  0/10 draws  0.0/s");
  });
});

describe("deal values of a draw on the default scenario", () => {
  it("equal tieup deal's analysis for every deal", () => {
    const { scenario } = loadScenario(undefined);
    const { prices } = resolveOpenPrices(scenario);
    const on = evaluate(scenario);
    for (const d of scenario.deals) {
      const a = analyseDeal(scenario, d.id, prices);
      const v = dealValue(scenario, prices, on, d.id);
      expect(v.parties.sort()).toEqual([...a.parties].sort());
      for (const p of a.values) expect(Math.abs((v.npv[p.company] as number) - p.npv)).toBeLessThan(1e-6 * Math.max(1, Math.abs(p.npv)));
      expect(Math.abs(v.joint - a.jointNpvBase)).toBeLessThan(1e-6 * Math.max(1, Math.abs(a.jointNpvBase)));
    }
  });
});

describe("Wilson interval", () => {
  it("matches a hand-worked case and stays open at 100%", () => {
    // p = 0.5, n = 100, z = 1.96: d = 1.0384, centre = 0.5, half = 1.96 × √(0.0025 + 0.000096) / 1.0384 = 0.09617.
    const [lo, hi] = wilson(0.5, 100);
    expect(lo).toBeCloseTo(0.40383, 4);
    expect(hi).toBeCloseTo(0.59617, 4);
    // p = 1, n = 1000: lower end 1 − z²/(n + z²) = 1 − 3.8415/1003.8415 = 0.996173.
    expect(wilson(1, 1000)[0]).toBeCloseTo(0.996173, 5);
    expect(wilson(1, 1000)[1]).toBe(1);
  });
});

describe("a sweep interrupted by Ctrl-C", () => {
  it("prints the first draws' statistics, labelled, exits 130, and they equal a sweep of that many draws", async () => {
    const bin = fileURLToPath(new URL("../bin/tieup.js", import.meta.url));
    const child = spawn(process.execPath, [bin, "sweep", "--draws", "100000", "--seed", "5", "--workers", "1", "--quiet", "--format", "json"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += String(d);
    });
    child.stderr.on("data", (d) => {
      stderr += String(d);
    });
    const ended = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
    // Long enough, even on a loaded machine, to load the scenario and finish a first slice of 25 draws (about 2 s idle).
    await new Promise((r) => setTimeout(r, 10_000));
    child.kill("SIGINT");
    expect(await ended).toBe(130);
    const partial = JSON.parse(stdout) as { draws: number; interrupted: boolean; requested: number; outputs: { summary: { mean: number } }[] };
    expect(partial.interrupted).toBe(true);
    expect(partial.requested).toBe(100_000);
    expect(partial.draws).toBeGreaterThan(0);
    expect(partial.draws).toBeLessThan(100_000);
    expect(stderr).toContain(`INTERRUPTED after ${partial.draws} of 100000 draws`);
    const whole = await runCli("sweep", "--draws", String(partial.draws), "--seed", "5", "--workers", "1", "--quiet", "--format", "json");
    const same = JSON.parse(whole.stdout) as { outputs: { summary: { mean: number } }[] };
    expect(partial.outputs.map((o) => o.summary.mean)).toEqual(same.outputs.map((o) => o.summary.mean));
  }, 120_000);
});
