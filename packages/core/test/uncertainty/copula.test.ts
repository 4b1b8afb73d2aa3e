import { describe, expect, it } from "vitest";
import { cholesky, correlate, correlationMatrix, pearsonFromSpearman } from "../../src/uncertainty/copula.js";
import { drawStream } from "../../src/uncertainty/random.js";

/** Spearman's ρ: Pearson correlation of the ranks. */
function spearman(x: number[], y: number[]): number {
  const rank = (v: number[]) => {
    const order = v.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
    const r = new Array<number>(v.length);
    order.forEach(([, i], k) => {
      r[i] = k;
    });
    return r;
  };
  const [rx, ry] = [rank(x), rank(y)];
  const n = x.length;
  const m = (n - 1) / 2;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += ((rx[i] as number) - m) * ((ry[i] as number) - m);
    sxx += ((rx[i] as number) - m) ** 2;
  }
  return sxy / sxx;
}

describe("Gaussian copula", () => {
  it("converts Spearman to Pearson by 2·sin(π·ρs/6)", () => {
    // ρs = 1: 2·sin(π/6) = 2 × 0.5 = 1; ρs = 0.5: 2·sin(π/12) = 2 × 0.258819 = 0.517638.
    expect(pearsonFromSpearman(1)).toBeCloseTo(1, 15);
    expect(pearsonFromSpearman(0.5)).toBeCloseTo(0.517638, 6);
    expect(pearsonFromSpearman(0)).toBe(0);
  });

  it("factors a correlation matrix by hand", () => {
    // [[1, 0.5], [0.5, 1]] = L·Lᵀ with L = [[1, 0], [0.5, √0.75]].
    const l = cholesky([
      [1, 0.5],
      [0.5, 1],
    ]);
    expect(l?.[0]).toEqual([1, 0]);
    expect(l?.[1]?.[0]).toBe(0.5);
    expect(l?.[1]?.[1]).toBeCloseTo(Math.sqrt(0.75), 15);
  });

  it("refuses correlations that cannot hold together", () => {
    // a~b and b~c strongly positive but a~c strongly negative: not positive semi-definite.
    expect(
      cholesky(
        correlationMatrix(3, [
          { i: 0, j: 1, rank: 0.9 },
          { i: 1, j: 2, rank: 0.9 },
          { i: 0, j: 2, rank: -0.9 },
        ]),
      ),
    ).toBeUndefined();
  });

  it("passes uncorrelated parameters through untouched", () => {
    const l = cholesky(correlationMatrix(3, [{ i: 0, j: 1, rank: 0.6 }])) as number[][];
    const u = [0.3, 0.8, 0.123456789];
    expect(correlate(l, u)[2]).toBe(0.123456789);
    expect(correlate(l, u)[0]).toBeCloseTo(0.3, 14);
  });

  it("gives the requested rank correlation in a sample", () => {
    // With n = 4000 the standard error of a sample Spearman ρ is about (1 − ρ²)/√n < 0.016: allow 0.05.
    const l = cholesky(correlationMatrix(2, [{ i: 0, j: 1, rank: -0.6 }])) as number[][];
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const next = drawStream(7, i);
      const [a, b] = correlate(l, [next(), next()]) as [number, number];
      xs.push(a);
      ys.push(b ** 3); // any increasing transform keeps the ranks
    }
    expect(Math.abs(spearman(xs, ys) - -0.6)).toBeLessThan(0.05);
  });
});
