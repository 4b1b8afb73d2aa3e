import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const example = here("../../../scenarios/examples/two-plants.yaml");
const fiveMistakes = here("./fixtures/five-mistakes.yaml");
const tmp = mkdtempSync(join(tmpdir(), "tieup-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("tieup validate", () => {
  it("names each of five mistakes by its path and exits with code 2", async () => {
    const r = await runCli("validate", fiveMistakes);
    expect(r.code).toBe(2);
    for (const path of ["plants[0].capacity", "tariffs[1].rate", "plants[1].owner", "programs[0].sourcing[1].shares", "fx.rates.JPY"])
      expect(r.stderr).toContain(path);
    expect(r.stderr).toContain("5 errors");
    expect(r.stderr).toContain("did you mean `maker`?");
    expect(r.stderr).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
  });

  it("confirms a valid scenario on standard output", async () => {
    const r = await runCli("validate", example);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/two-plants: valid \(1 companies, 2 plants, 1 programs, 2 tariff measures\)/);
  });

  it("finds the citations of a base scenario when a file elsewhere extends it, with --root over both", async () => {
    const mine = join(tmp, "mine.yaml");
    writeFileSync(mine, `extends: ${relative(tmp, here("../../../scenarios/nissan-honda-us.yaml"))}\nid: mine\n`);
    // Without --root the base is outside mine's root (its own folder): refused, with the way out.
    const refused = await runCli("validate", mine);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("is outside the scenario's root");
    expect(refused.stderr).toContain("--root");
    const r = await runCli("validate", mine, "--root", "/");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });

  it("reports a missing file as bad input, not a crash", async () => {
    const r = await runCli("validate", join(tmp, "nope.yaml"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read/);
  });
});

describe("tieup run", () => {
  it("prints JSON tables with the duty worked by hand", async () => {
    const r = await runCli("run", example, "--format", "json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const fy25 = json.tables.companies.find((x: { period: string }) => x.period === "FY2025");
    // 40% of 150,000 from Japan; customs value 0.9 × 30,000; MFN 2.5% all year + 232 25% from 3 Apr (363 of 365 days); ¥150/$
    expect(fy25.vehicleDuty).toBeCloseTo(60_000 * 27_000 * (0.025 + (0.25 * 363) / 365) * 150, 0);
    expect(fy25.currency).toBe("JPY");
  });

  it("writes CSV atomically to --out, and writes nothing when the input is invalid", async () => {
    const ok = join(tmp, "plants.csv");
    expect((await runCli("run", example, "--format", "csv", "--table", "plants", "--out", ok)).code).toBe(0);
    expect(readFileSync(ok, "utf8").split("\n")[0]).toBe(
      "period,plant,owner,owners,country,output (units),capacity (units),utilisation (%),fixedCost (USD m),contribution (USD m),contributionPerUnit (USD/unit),breakEvenUtilisation (%),breakEvenReported (%),headcount (people)",
    );
    const bad = join(tmp, "bad.csv");
    expect((await runCli("run", fiveMistakes, "--format", "csv", "--out", bad)).code).toBe(2);
    expect(existsSync(bad)).toBe(false);
  });

  it("filters to one period and rejects an unknown one with the list of periods", async () => {
    const one = (await runCli("run", example, "--period", "FY2026")).stdout;
    // Every table row is FY2026's; only the bridge names the year it starts from.
    expect(one.split("\n").filter((l) => /^maker\s/.test(l) && l.includes("FY2025"))).toEqual([]);
    expect(one).toContain("Operating-profit bridge, FY2025 to FY2026");
    const r = await runCli("run", example, "--period", "FY2099");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("FY2025, FY2026");
  });

  it("prints a readable report without colour codes when not on a terminal", async () => {
    const r = await runCli("run", example);
    expect(r.stdout).toContain("Operating profit and duties by company (¥ billion)");
    expect(r.stdout).toContain("Duties by measure");
    expect(r.stdout).toContain("Plants: utilisation against break-even");
    expect(r.stdout).not.toContain("\u001b[");
  });

  it("rejects an unknown override, suggesting none when none is close", async () => {
    const r = await runCli("run", example, "--with", "tariff-high");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown override `tariff-high`");
  });

  it("rejects an unknown option with code 2", async () => {
    expect((await runCli("run", example, "--fromat", "json")).code).toBe(2);
  });
});

describe("tieup compare and schema", () => {
  it("shows no difference between a scenario and itself", async () => {
    const r = await runCli("compare", example, example, "--format", "json");
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout).tables.companies_diff as { operatingProfit_delta: number }[];
    expect(t.length).toBe(2);
    for (const row of t) expect(row.operatingProfit_delta).toBe(0);
  });

  it("limits JSON and CSV comparisons to --period", async () => {
    const t = JSON.parse((await runCli("compare", example, example, "--period", "FY2026", "--format", "json")).stdout).tables.companies_diff as {
      period: string;
    }[];
    expect(t.map((r) => r.period)).toEqual(["FY2026"]);
  });

  it("keeps each company's currency in the comparison table", async () => {
    const r = await runCli("compare", example, example);
    expect(r.stdout).toMatch(/maker\s+FY2025\s+¥ billion/);
  });

  it("prints a JSON Schema that names the scenario's sections", async () => {
    const r = await runCli("schema");
    const s = JSON.parse(r.stdout);
    expect(Object.keys(s.properties)).toEqual(expect.arrayContaining(["horizon", "companies", "plants", "programs", "tariffs", "extends", "tables"]));
  });

  it("answers --help with code 0", async () => {
    const r = await runCli("run", "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--with <override>");
  });
});

describe("the joint-venture example", () => {
  it("validates, runs and reconciles: each owner's half of the fixed cost, its own model's contribution", async () => {
    const jv = here("../../../scenarios/examples/joint-venture.yaml");
    expect((await runCli("validate", jv)).code).toBe(0);
    const r = await runCli("run", jv, "--format", "json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { tables: { companies: Record<string, number | string>[]; plants: Record<string, number | string>[] } };
    const op = Object.fromEntries(out.tables.companies.map((c) => [c.company, c.operatingProfit]));
    expect(op).toEqual({ toyota: 600e6, mazda: 540e6 });
    const fixed = out.tables.companies.reduce((s, c) => s + Number(c.fixedCost), 0);
    expect(fixed).toBe(Number(out.tables.plants[0]?.fixedCost));
    expect(out.tables.plants[0]?.owners).toBe("toyota 50% + mazda 50%");
  });
});

describe("tieup run --format csv: units in the headers, display units, --round and --raw", () => {
  it("shows money in ¥bn under headers that name the currency, rounded to a yen million, with no float noise", async () => {
    const r = await runCli("run", "--format", "csv", "--table", "companies");
    expect(r.code).toBe(0);
    const [header, first] = r.stdout.split("\n") as [string, string];
    const h = header.split(",");
    expect(h).toContain("fixedCost (JPY bn)");
    expect(h).toContain("fxRate (JPY per USD)");
    expect(header).not.toMatch(/reporting|row's currency/);
    // Nissan's FY2024 whole-company operating profit is reported as ¥69.8bn; stored as 69799999999.6 it would print with noise.
    const cells = first.split(",");
    expect(cells.slice(0, 2)).toEqual(["FY2024", "nissan"]);
    expect(cells[h.indexOf("companyOperatingProfit (JPY bn)")]).toBe("69.8");
    expect(r.stdout).not.toMatch(/\d\.\d{4,}/);
  }, 60_000);

  it("--round N sets every number's decimals; --raw gives the stored values under bare names; bad --round is exit 2", async () => {
    const round = (await runCli("run", "--format", "csv", "--table", "companies", "--round", "0")).stdout.split("\n");
    const h = (round[0] as string).split(",");
    expect((round[1] as string).split(",")[h.indexOf("companyOperatingProfit (JPY bn)")]).toBe("70");
    const raw = (await runCli("run", "--format", "csv", "--table", "companies", "--raw", "--round", "0")).stdout.split("\n");
    const rh = (raw[0] as string).split(",");
    expect(rh).toContain("fixedCost");
    expect((raw[1] as string).split(",")[rh.indexOf("companyOperatingProfit")]).toBe("69800000000");
    const bad = await runCli("run", "--format", "csv", "--round", "x");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--round");
  }, 60_000);
});
