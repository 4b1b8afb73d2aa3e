import { describe, expect, it } from "vitest";
import { sobolAnalysis } from "../../src/index.js";

/**
 * The Ishigami function, f = sin x1 + a sin² x2 + b x3⁴ sin x1 with
 * x_i ~ U(−π, π), a = 7, b = 0.1, has known indices (Ishigami & Homma 1990;
 * Saltelli et al. 2010): V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2,
 * V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V3 = 0, V13 = b²π⁸(1/18 − 1/50):
 *   S1 = 0.3139, S2 = 0.4424, S3 = 0;  ST1 = 0.5576, ST2 = 0.4424, ST3 = 0.2437.
 */
const a = 7;
const b = 0.1;
const ishigami = (u: readonly number[]) => {
  const [x1, x2, x3] = u.map((v) => Math.PI * (2 * v - 1)) as [number, number, number];
  return Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
};
const V = (a * a) / 8 + (b * Math.PI ** 4) / 5 + (b * b * Math.PI ** 8) / 18 + 0.5;
const V1 = (1 + (b * Math.PI ** 4) / 5) ** 2 / 2;
const V2 = (a * a) / 8;
const V13 = b * b * Math.PI ** 8 * (1 / 18 - 1 / 50);
const exact = { S: [V1 / V, V2 / V, 0], ST: [(V1 + V13) / V, V2 / V, V13 / V] };

describe("Sobol indices by Saltelli sampling", () => {
  const r = sobolAnalysis(["x1", "x2", "x3"], 20_000, 7, ishigami);

  it("recovers the Ishigami function's known first-order and total indices", () => {
    expect(exact.S[0]).toBeCloseTo(0.3139, 4);
    expect(exact.ST[2]).toBeCloseTo(0.2437, 4);
    r.indices.forEach((x, i) => {
      expect(Math.abs(x.first - (exact.S[i] as number))).toBeLessThan(0.03);
      expect(Math.abs(x.total - (exact.ST[i] as number))).toBeLessThan(0.03);
    });
    expect(r.variance).toBeCloseTo(V, 0);
    expect(r.evaluations).toBe(20_000 * 5);
  });

  it("gives 95% intervals that hold the exact value and narrow with more rows", () => {
    r.indices.forEach((x, i) => {
      expect(x.firstLow).toBeLessThanOrEqual(exact.S[i] as number);
      expect(x.firstHigh).toBeGreaterThanOrEqual(exact.S[i] as number);
      expect(x.totalLow).toBeLessThanOrEqual(exact.ST[i] as number);
      expect(x.totalHigh).toBeGreaterThanOrEqual(exact.ST[i] as number);
    });
    const small = sobolAnalysis(["x1", "x2", "x3"], 1_000, 7, ishigami);
    const width = (s: typeof r, i: number) => (s.indices[i]?.totalHigh ?? 0) - (s.indices[i]?.totalLow ?? 0);
    expect(width(small, 0)).toBeGreaterThan(width(r, 0));
  });

  it("finds an additive function's indices equal to its parts' shares of variance, and a constant's all zero", () => {
    // f = u1 + 2·u2: Var(u) = 1/12, so V = 5/12, S1 = ST1 = 1/5, S2 = ST2 = 4/5.
    const add = sobolAnalysis(["u1", "u2"], 5_000, 3, (u) => (u[0] as number) + 2 * (u[1] as number));
    expect(add.indices[0]?.first).toBeCloseTo(0.2, 1);
    expect(add.indices[1]?.total).toBeCloseTo(0.8, 1);
    const flat = sobolAnalysis(["u1"], 100, 3, () => 4);
    expect(flat.indices[0]).toMatchObject({ first: 0, total: 0 });
  });

  it("is the same sample for a seed, another for another seed", () => {
    const again = sobolAnalysis(["x1", "x2", "x3"], 500, 7, ishigami);
    const same = sobolAnalysis(["x1", "x2", "x3"], 500, 7, ishigami);
    const other = sobolAnalysis(["x1", "x2", "x3"], 500, 8, ishigami);
    expect(same.indices).toEqual(again.indices);
    expect(other.indices[0]?.first).not.toBe(again.indices[0]?.first);
  });
});
