import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Distribution } from "../../src/schema/uncertainty.js";
import { mean, quantile, swingRange } from "../../src/uncertainty/marginals.js";

const d = (input: unknown) => Distribution.parse(input);

describe("inverse CDFs of the marginals", () => {
  it("discrete regimes: the first whose cumulative probability exceeds u", () => {
    // Cumulative: 0.7 (15%), 0.9 (27.5%), 1.0 (2.5%).
    const tariff = d({
      type: "discrete",
      values: [
        { value: "15%", probability: 0.7 },
        { value: "27.5%", probability: 0.2 },
        { value: "2.5%", probability: 0.1 },
      ],
    });
    expect(quantile(tariff, 0.69)).toBe(0.15);
    expect(quantile(tariff, 0.7)).toBe(0.275);
    expect(quantile(tariff, 0.95)).toBe(0.025);
    // Mean: 0.7·0.15 + 0.2·0.275 + 0.1·0.025 = 0.105 + 0.055 + 0.0025 = 0.1625.
    expect(mean(tariff)).toBeCloseTo(0.1625, 12);
    expect(swingRange(tariff)).toEqual([0.025, 0.275]);
  });

  it("normal and lognormal: centre ± z·spread", () => {
    // N(10, 2) at u = 0.975: 10 + 2 × 1.959964 = 13.919928.
    expect(quantile(d({ type: "normal", mean: 10, sd: 2 }), 0.975)).toBeCloseTo(13.919928, 5);
    // Lognormal median 100, σ 0.1 at u = 0.95: 100·e^(0.1 × 1.644854) = 100 × 1.178786 = 117.8786.
    expect(quantile(d({ type: "lognormal", median: 100, sigma: 0.1 }), 0.95)).toBeCloseTo(117.8786, 3);
    expect(quantile(d({ type: "lognormal", median: 100, sigma: 0.1 }), 0.5)).toBeCloseTo(100, 12);
  });

  it("triangular: square-root branches either side of the mode", () => {
    // min 0, mode 1, max 3: F(mode) = 1/3. u = 1/6 < 1/3: x = √(1/6 × 3 × 1) = √0.5 = 0.707107.
    // u = 1/2 > 1/3: x = 3 − √(0.5 × 3 × 2) = 3 − √3 = 1.267949.
    const t = d({ type: "triangular", min: 0, mode: 1, max: 3 });
    expect(quantile(t, 1 / 6)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(quantile(t, 0.5)).toBeCloseTo(3 - Math.sqrt(3), 12);
    expect(mean(t)).toBeCloseTo(4 / 3, 12);
  });

  it("uniform: linear in u", () => {
    // [2, 6] at u = 0.25: 2 + 0.25 × 4 = 3.
    expect(quantile(d({ type: "uniform", min: 2, max: 6 }), 0.25)).toBe(3);
  });

  it("a distribution with no spread returns its centre exactly, whatever u", () => {
    const flat = [
      d({ type: "normal", mean: 0.15, sd: 0 }),
      d({ type: "lognormal", median: 0.15, sigma: 0 }),
      d({ type: "triangular", min: 0.15, mode: 0.15, max: 0.15 }),
      d({ type: "uniform", min: 0.15, max: 0.15 }),
      d({ type: "discrete", values: [{ value: 0.15, probability: 1 }] }),
    ];
    fc.assert(
      fc.property(fc.double({ min: 2 ** -54, max: 1 - 2 ** -53, noNaN: true }), (u) => {
        for (const f of flat) expect(quantile(f, u)).toBe(0.15);
      }),
    );
  });

  it("every quantile function is non-decreasing in u and stays in the support", () => {
    const t = d({ type: "triangular", min: -1, mode: 2, max: 5 });
    const n = d({ type: "normal", mean: 1, sd: 3 });
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(quantile(t, lo)).toBeLessThanOrEqual(quantile(t, hi));
        expect(quantile(n, lo)).toBeLessThanOrEqual(quantile(n, hi));
        expect(quantile(t, lo)).toBeGreaterThanOrEqual(-1);
        expect(quantile(t, hi)).toBeLessThanOrEqual(5);
      }),
    );
  });

  it("the schema refuses inconsistent distributions with a path", () => {
    const bad = Distribution.safeParse({ type: "discrete", values: [{ value: 1, probability: 0.5 }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["values"]);
    expect(Distribution.safeParse({ type: "triangular", min: 0, mode: 4, max: 3 }).error?.issues[0]?.path).toEqual(["mode"]);
    expect(Distribution.safeParse({ type: "normal", mean: 0, sd: -1 }).error?.issues[0]?.path).toEqual(["sd"]);
  });
});
