import { normalCdf, normalQuantile } from "./normal.js";

/**
 * Rank correlation by a Gaussian copula, per draw: independent normals z are
 * mixed by the Cholesky factor L of a correlation matrix R (y = L·z) and sent
 * back to uniforms by Φ, so each marginal is kept and ranks correlate. For a
 * Gaussian copula Spearman's ρs and Pearson's ρ of the normals are tied by
 * ρ = 2·sin(π·ρs/6); R is built from the requested ρs by that formula. Unlike
 * Iman–Conover, nothing looks at the whole sample: a draw's numbers depend on
 * its own stream only, which keeps results independent of the worker count.
 */
export function pearsonFromSpearman(rs: number): number {
  return 2 * Math.sin((Math.PI * rs) / 6);
}

/** Lower-triangular L with L·Lᵀ = R, or undefined when R is not positive semi-definite. */
export function cholesky(r: number[][]): number[][] | undefined {
  const n = r.length;
  const l = r.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const li = l[i] as number[];
    for (let j = 0; j <= i; j++) {
      const lj = l[j] as number[];
      let sum = (r[i] as number[])[j] as number;
      for (let k = 0; k < j; k++) sum -= (li[k] as number) * (lj[k] as number);
      if (i === j) {
        // A tiny negative pivot is rounding on a singular (e.g. ±1) matrix; clearly negative means R is not a correlation matrix.
        if (sum < -1e-10) return undefined;
        li[i] = Math.sqrt(Math.max(sum, 0));
      } else li[j] = (lj[j] as number) > 0 ? sum / (lj[j] as number) : 0;
    }
  }
  return l;
}

/** The correlation matrix of n parameters with the given Spearman pairs (others 0). */
export function correlationMatrix(n: number, pairs: { i: number; j: number; rank: number }[]): number[][] {
  const r = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (const p of pairs) {
    const rho = pearsonFromSpearman(p.rank);
    (r[p.i] as number[])[p.j] = rho;
    (r[p.j] as number[])[p.i] = rho;
  }
  return r;
}

/**
 * Correlated uniforms from independent ones. Rows of L that are a unit vector
 * (parameters correlated with nothing) pass their uniform through untouched,
 * so uncorrelated parameters are drawn exactly as without a copula.
 */
export function correlate(l: number[][], u: number[]): number[] {
  const z = u.map(normalQuantile);
  return l.map((row, i) => {
    if (row[i] === 1 && row.every((x, j) => j === i || x === 0)) return u[i] as number;
    let y = 0;
    for (let k = 0; k <= i; k++) y += (row[k] as number) * (z[k] as number);
    return Math.min(Math.max(normalCdf(y), 2 ** -54), 1 - 2 ** -53);
  });
}
