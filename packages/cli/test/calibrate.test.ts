import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const TARGETS = [
  "honda-fy2025-vehicles",
  "honda-fy2025-parts",
  "honda-fy2025-automobiles",
  "honda-imports-ca-mx",
  "honda-imports-japan",
  "nissan-fy2025-may",
  "nissan-fy2025-july",
  "honda-q1-fy2025",
  "nissan-q1-fy2025",
  "canton-utilisation-2024",
  "nissan-op-fy2024",
  "honda-op-fy2024",
  "nissan-scope-fy2024",
  "honda-scope-fy2024",
  "nissan-plan-fy2025-ex-tariffs",
  "honda-plan-fy2025-ex-tariffs",
  "nissan-op-q1-fy2025",
  "honda-op-q1-fy2025",
];

interface TargetRow {
  id: string;
  model: number;
  expected: number;
  relative: number;
  tolerance: number;
  within: boolean;
}

describe("tieup calibrate on the default scenario", async () => {
  const r = await runCli("calibrate", "--format", "json");
  const out = JSON.parse(r.stdout) as { targets: TargetRow[]; forecast: { id: string; impacts: { company: string; net: number }[] }[] };

  it("runs every target of data/calibration/targets.yaml", () => {
    expect(r.code).toBe(0);
    expect(out.targets.map((t) => t.id)).toEqual(TARGETS);
  });

  // A regression guard, not a tuning loop: docs/calibration.md states these tolerances.
  it.each(TARGETS)("%s stays within its stated tolerance", (id) => {
    const t = out.targets.find((x) => x.id === id) as TargetRow;
    expect(t.within, `${id}: model ${t.model} vs ${t.expected} (${(t.relative * 100).toFixed(1)}%)`).toBe(true);
  });

  it("forecasts FY2025 and its first half for both companies, the half smaller than the year", () => {
    const [year, half] = out.forecast;
    expect([year?.id, half?.id]).toEqual(["FY2025", "h1"]);
    for (const c of ["nissan", "honda"]) {
      const y = year?.impacts.find((i) => i.company === c)?.net ?? 0;
      const h = half?.impacts.find((i) => i.company === c)?.net ?? 0;
      expect(y).toBeGreaterThan(1e11);
      expect(h).toBeGreaterThan(0.3 * y);
      expect(h).toBeLessThan(0.7 * y);
    }
  });

  it("docs/calibration.md is what `tieup calibrate --doc` writes (regenerate: npm run docs:calibration)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tieup-cal-"));
    const doc = join(dir, "calibration.md");
    expect((await runCli("calibrate", "--doc", doc)).code).toBe(0);
    const committed = readFileSync(new URL("../../../docs/calibration.md", import.meta.url), "utf8");
    expect(readFileSync(doc, "utf8").replace(/from .*targets\.yaml and .*\.yaml\./, "")).toBe(committed.replace(/from .*targets\.yaml and .*\.yaml\./, ""));
  });
});

describe("tieup calibrate with bad targets", () => {
  it("names the file and path of a mistake, exits 2 and writes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tieup-cal-"));
    const bad = join(dir, "targets.yaml");
    writeFileSync(
      bad,
      "tariffsSince: 2025-01-01\ntargets:\n  - { id: t, company: hondaa, statement: s, metric: tariff-net, period: FY2025, asOf: { date: 2025-05-13 }, reported: 1, unit: x, tolerance: 0.1, source: s }\n",
    );
    const r = await runCli("calibrate", "--targets", bad, "--out", join(dir, "out.txt"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("targets[0].company");
    expect(r.stderr).toContain("did you mean `honda`?");
    expect(() => readFileSync(join(dir, "out.txt"))).toThrow();
  });

  it("reports a metric it does not know at its path", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tieup-cal-"));
    const bad = join(dir, "targets.yaml");
    writeFileSync(
      bad,
      "tariffsSince: 2025-01-01\ntargets:\n  - { id: t, company: honda, statement: s, metric: tariffs, period: FY2025, asOf: { date: 2025-05-13 }, reported: 1, unit: x, tolerance: 0.1, source: s }\n",
    );
    const r = await runCli("calibrate", "--targets", bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("targets[0].metric");
  });
});

describe("tieup calibrate --fit", () => {
  it("reconciles each company's FY2024 scope with its segment, the scale near 1 once the scenario states the fit", async () => {
    const r = await runCli("calibrate", "--fit", "--format", "json");
    expect(r.code).toBe(0);
    const fits = (
      JSON.parse(r.stdout) as {
        fits: { company: string; fixedCostScale: number; target: number; scopeOperatingProfit: number; restOfCompany: number; reported: number }[];
      }
    ).fits;
    expect(fits.map((f) => f.company)).toEqual(["nissan", "honda"]);
    for (const f of fits) {
      // The scenario's fixed costs are the fitted ones, rounded: the scope sits within 0.1% of its target's revenue base.
      expect(Math.abs(f.fixedCostScale - 1)).toBeLessThan(1e-3);
      expect(f.restOfCompany + f.target).toBeCloseTo(f.reported, 0);
    }
  });
});

describe("tieup run headline", () => {
  it("leads with whole-company operating profit, the tariff cost with its net income and EPS effect, and the yen sensitivity", async () => {
    const r = await runCli("run", "--period", "FY2025");
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    for (const c of ["nissan", "honda"]) {
      const at = lines.findIndex((l) => l.startsWith(`${c}: operating profit FY2025 `));
      expect(lines[at]).toMatch(/, whole company \(modelled scope -?[\d.,]+, .*rest of company [\d.,]+\)$/);
      expect(lines[at + 1]).toMatch(
        /^ {2}tariff cost FY2025: gross [\d.,]+, offsets -[\d.,]+, net [\d.,]+ ¥ billion \(April-September 2025: [\d.,]+\); its effect on net income -[\d.,]+ ¥ billion, EPS -[\d.]+ yen a share$/,
      );
      expect(lines[at + 2]).toMatch(
        /^ {2}its effect on whole-company operating profit: -[\d.,]+ ¥ billion, from -?[\d.,]+ before the tariff cost to -?[\d.,]+$/,
      );
      // A weaker yen raises both companies' yen profit, within a factor of two of what they publish.
      const fx = lines[at + 3]?.match(/^ {2}a weaker yen \(\+¥1\/USD\): \+([\d.]+) ¥ billion \(modelled scope \+[\d.]+\); published \+([\d.]+)$/);
      expect(fx).not.toBeNull();
      const [model, published] = [Number(fx?.[1]), Number(fx?.[2])];
      expect(model).toBeGreaterThan(published / 2);
      expect(model).toBeLessThan(published * 2);
    }
    expect(r.stdout).toContain("tariff cost = duties of the measures in force from 2025-01-01 on");
  });
});
