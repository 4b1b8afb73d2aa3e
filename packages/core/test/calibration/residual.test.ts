import { describe, expect, it } from "vitest";
import { checkTargets, residual, Target, TargetFile } from "../../src/index.js";
import { build, scenario } from "../fixtures.js";

const target = (extra: Record<string, unknown>) =>
  Target.parse({
    id: "t",
    company: "maker",
    statement: "s",
    metric: "tariff-net",
    period: "FY2025",
    asOf: { date: "2025-05-13" },
    reported: 100,
    unit: "JPY billion",
    tolerance: 0.1,
    source: "data/facts/guidance.csv#x",
    ...extra,
  });

describe("residual", () => {
  it("compares with the share of the reported figure the model covers", () => {
    // expected 0.8 × 124.6 = 99.68; error 80 − 99.68 = −19.68; relative −19.68 / 99.68 = −19.74%
    const r = residual(target({ reported: 124.6, scope: 0.8, tolerance: 0.25 }), 80);
    expect(r.expected).toBeCloseTo(99.68, 10);
    expect(r.error).toBeCloseTo(-19.68, 10);
    expect(r.relative).toBeCloseTo(-0.197432, 5);
    expect(r.within).toBe(true);
  });

  it("an equal target fails beyond its tolerance either way", () => {
    expect(residual(target({}), 111).within).toBe(false);
    expect(residual(target({}), 89).within).toBe(false);
    expect(residual(target({}), 109).within).toBe(true);
  });

  it("an upper bound holds within its band: a little above it, further below it", () => {
    const bound = target({ bound: "at-most", tolerance: 0.05, below: 0.5 });
    expect(residual(bound, 104).within).toBe(true);
    expect(residual(bound, 106).within).toBe(false);
    expect(residual(bound, 51).within).toBe(true);
    expect(residual(bound, 49).within).toBe(false);
  });
});

describe("checkTargets", () => {
  it("names the path of an unknown company, period or override with a suggestion", () => {
    const file = TargetFile.parse({
      tariffsSince: "2025-01-01",
      targets: [{ ...target({}), company: "makr", period: "FY2052", asOf: { date: "2025-05-13", with: ["asof-2025-5"] } }],
    });
    const issues = checkTargets(file, build(scenario()), { "asof-2025-05": "x.yaml" });
    expect(issues.map((i) => [i.path, i.suggestion])).toEqual([
      ["targets[0].company", "did you mean `maker`?"],
      // A well-formed period outside the horizon is named against the horizon, not matched to the nearest id.
      ["targets[0].period", "use one of the horizon's periods (FY2025), or extend the horizon to FY2052"],
      ["targets[0].asOf.with[0]", "did you mean `asof-2025-05`?"],
    ]);
  });

  it("asks an at-most target for its band below, and keeps a window inside its period", () => {
    const file = TargetFile.parse({
      tariffsSince: "2025-01-01",
      targets: [target({ bound: "at-most", window: { from: "2027-04-01", to: "2027-06-30" } })],
    });
    expect(checkTargets(file, build(scenario()), {}).map((i) => i.path)).toEqual(["targets[0].window", "targets[0].below"]);
  });

  it("asks a utilisation target for its plant", () => {
    const file = TargetFile.parse({ tariffsSince: "2025-01-01", targets: [target({ metric: "utilisation" })] });
    expect(checkTargets(file, build(scenario()), {}).map((i) => i.path)).toEqual(["targets[0].plant"]);
  });
});
