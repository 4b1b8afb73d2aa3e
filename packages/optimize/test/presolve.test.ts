import { describe, expect, it } from "vitest";
import { cooperation, formulate, solve } from "../src/index.js";
import { tinyInstance } from "./helpers.js";

/**
 * A footprint MILP (found by the property test "cooperation is still never
 * worth less than nothing") on which HiGHS 1.15.3 with presolve proves 11,261
 * optimal for the alliance, below company a's stand-alone 12,360.8; CBC, GLPK
 * and HiGHS without presolve find 12,473.8. Lanes: program, plant, builder,
 * market, period, demand, margin, builder cost, offset per unit (parts duty 3).
 */
const LANES: [string, string, string, string, number, number, number, number, number][] = [
  ["p0", "k0", "b", "m0", 0, 1, 0, 0, 0],
  ["p0", "k0", "b", "m1", 0, 1, 10, 0, 0],
  ["p0", "k0", "b", "m0", 1, 1, 100, 0, 5],
  ["p0", "k0", "b", "m1", 1, 1, -60, 0, 0],
  ["p0", "k1", "a", "m0", 0, 1, 30, 0, 0],
  ["p0", "k1", "a", "m1", 0, 1, 0, 0, 0],
  ["p0", "k1", "a", "m0", 1, 1, 0, 0, 0],
  ["p0", "k1", "a", "m1", 1, 1, 10, 0, 0],
  ["p0", "k3", "a", "m0", 0, 1, -20, 0, 0],
  ["p0", "k3", "a", "m1", 0, 1, -50, 1, 0],
  ["p0", "k3", "a", "m0", 1, 1, -170, 2, 0],
  ["p0", "k3", "a", "m1", 1, 1, 0, 0, 0],
  ["p1", "k1", "a", "m0", 0, 14, 140, 19, 0],
  ["p1", "k1", "a", "m1", 0, 14, 600, 0, 0],
  ["p1", "k1", "a", "m0", 1, 14, -10, 0, 0],
  ["p1", "k1", "a", "m1", 1, 14, 0, 0, 0],
  ["p1", "k3", "a", "m0", 0, 14, -50, 0, 5],
  ["p1", "k3", "a", "m1", 0, 14, 860, 0, 0],
  ["p1", "k3", "a", "m0", 1, 14, 30, 0, 0],
  ["p1", "k3", "a", "m1", 1, 14, 40, 0, 0],
];

const inst = tinyInstance(
  LANES.map(([program, plant, builder, market, period, demand, margin, builderCost, offset]) => ({
    program,
    plant,
    seller: "a",
    builder,
    market,
    period,
    demand,
    margin,
    builderCost,
    ...(offset > 0 ? { offset, parts: 3 } : { offset: 0, parts: 0 }),
  })),
  [
    { id: "k0", owner: "b", capacity: 1 },
    { id: "k1", owner: "a", capacity: 25 },
    { id: "k3", owner: "a", capacity: 143 },
  ],
  ["P1", "P2"],
);
const footprint = { retoolCost: 500, minUtilisation: 0.2, closureYears: 1 };
const both = { companies: ["a", "b"], crossCompany: true };

describe("HiGHS MIP presolve", () => {
  it("is off for a MIP by default, so the footprint optimum is the true one (12,473.8, as CBC and GLPK find)", async () => {
    const c = await cooperation(inst, "alliance", { footprint });
    expect(c.alliance.objective).toBeCloseTo(12473.8, 6);
    expect(c.value).toBeGreaterThanOrEqual(0);
  });

  it("reproduces the upstream defect when asked for (a guard: when HiGHS fixes it, this test says so)", async () => {
    const f = formulate(inst, both, { objective: { kind: "alliance" }, footprint });
    const on = await solve(f.builder, { presolve: true });
    const off = await solve(f.builder, { presolve: false });
    expect(off.objective).toBeCloseTo(12473.8, 6);
    expect(on.objective).toBeLessThan(off.objective - 1);
  });
});
