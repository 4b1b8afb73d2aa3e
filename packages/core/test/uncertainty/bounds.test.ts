import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { quantity } from "../../src/schema/quantity.js";
import { schemaBounds } from "../../src/uncertainty/bounds.js";
import { reachableRange } from "../../src/uncertainty/marginals.js";
import { drawPlan, sampleDraw } from "../../src/uncertainty/plan.js";
import { clampUniform, U_MAX, U_MIN } from "../../src/uncertainty/random.js";
import { contract } from "./helpers.js";

describe("the range the schema allows a number", () => {
  const s = contract({ parameters: [{ id: "r", path: "deals[cm].retooling.amount", distribution: { type: "uniform", min: 0, max: 1 } }] });

  it("reads the quantity's bounds along the path, through lists, records and the deal union", () => {
    expect(schemaBounds(s, ["plants", 0, "capacity"])).toEqual({ min: 0 });
    expect(schemaBounds(s, ["deals", 0, "bargainingWeight"])).toEqual({ min: 0, max: 1 });
    expect(schemaBounds(s, ["deals", 0, "retooling", "amount"])).toEqual({ min: 0 });
    expect(schemaBounds(s, ["deals", 0, "volume", "FY2025"])).toEqual({ min: 0 });
    expect(schemaBounds(s, ["programs", 0, "markets", "us", "demand"])).toEqual({ min: 0 });
    expect(schemaBounds(s, ["parameters", "discountRate"])).toEqual({ min: 0, max: 1 });
    expect(schemaBounds({ fx: { rates: { JPY: { FY2025: 150 } } } }, ["fx", "rates", "JPY", "FY2025"])).toEqual({ min: 1e-9 });
  });

  it("picks the union option the value fits, and reports no bounds where the schema sets none", () => {
    const schema = z.strictObject({
      items: z.array(
        z.discriminatedUnion("type", [
          z.strictObject({ type: z.literal("a"), x: quantity({ unit: "fraction", description: "x", min: 0, max: 1 }) }),
          z.strictObject({ type: z.literal("b"), x: quantity({ unit: "money", description: "x" }) }),
        ]),
      ),
      plain: z.number().min(2).max(3),
    });
    const doc = {
      items: [
        { type: "a", x: 0.5 },
        { type: "b", x: -4 },
      ],
      plain: 2.5,
    };
    expect(schemaBounds(doc, ["items", 0, "x"], schema)).toEqual({ min: 0, max: 1 });
    expect(schemaBounds(doc, ["items", 1, "x"], schema)).toBeUndefined();
    expect(schemaBounds(doc, ["plain"], schema)).toEqual({ min: 2, max: 3 });
  });
});

describe("the values a sweep can draw", () => {
  it("run from the inverse CDF at the smallest to the largest uniform the generator gives", () => {
    // U_MIN = 2⁻⁵⁴ ≈ 5.55e-17 and U_MAX = 1 − 2⁻⁵³: Φ⁻¹ of them are −8.2924 and +8.2095.
    const [lo, hi] = reachableRange({ type: "normal", mean: 0, sd: 1 });
    expect(lo).toBeCloseTo(-8.2924, 3);
    expect(hi).toBeCloseTo(8.2095, 3);
    // Uniform and triangular reach their ends to within 2⁻⁵³ of the width; regimes their extreme values in any order.
    expect(reachableRange({ type: "uniform", min: 2, max: 4 })).toEqual([2 + 2 * U_MIN, 2 + 2 * U_MAX]);
    const regimes = {
      type: "discrete" as const,
      values: [
        { value: 0.3, probability: 0.5 },
        { value: 0.1, probability: 0.5 },
        { value: 9, probability: 0 },
      ],
    };
    expect(reachableRange(regimes)).toEqual([0.1, 0.3]);
    // A lognormal stays positive: median · e^(−8.2924 σ).
    expect(reachableRange({ type: "lognormal", median: 150, sigma: 0.1 })[0]).toBeCloseTo(150 * Math.exp(-0.82924), 2);
  });

  it("contain every draw, correlated or not", () => {
    fc.assert(
      fc.property(fc.double({ min: -0.99, max: 0.99, noNaN: true }), fc.integer(), fc.nat(10_000), (rank, seed, index) => {
        const s = contract({
          parameters: [
            { id: "r", path: "deals[cm].retooling.amount", distribution: { type: "normal", mean: 5e7, sd: 1e6 } },
            { id: "w", path: "deals[cm].bargainingWeight", distribution: { type: "triangular", min: 0.2, mode: 0.3, max: 0.9 } },
          ],
          correlations: [{ between: ["r", "w"], rank }],
        });
        const plan = drawPlan(s);
        sampleDraw(plan, seed, index).forEach((v, i) => {
          const [lo, hi] = reachableRange(plan.parameters[i]?.distribution as never);
          expect(v).toBeGreaterThanOrEqual(lo);
          expect(v).toBeLessThanOrEqual(hi);
        });
      }),
      { numRuns: 40 },
    );
  });

  it("never use a uniform of 0 or 1, where a normal would be infinite", () => {
    expect(clampUniform(0)).toBe(U_MIN);
    expect(clampUniform(1)).toBe(U_MAX);
    expect(clampUniform(0.25)).toBe(0.25);
    expect(U_MAX).toBeLessThan(1);
  });
});
