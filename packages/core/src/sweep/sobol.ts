import type { Scenario } from "../scenario/schema.js";
import { quantile } from "../uncertainty/marginals.js";
import { applyDraw, type DrawPlan } from "../uncertainty/plan.js";
import { drawStream } from "../uncertainty/random.js";
import type { Metric } from "./metrics.js";
import { measure } from "./metrics.js";

/** One parameter's variance-based indices, each with a 95% bootstrap interval. */
export interface SobolIndex {
  parameter: string;
  /** First-order index S_i: the share of the output's variance explained by the parameter alone. */
  first: number;
  firstLow: number;
  firstHigh: number;
  /** Total index ST_i: the share that involves the parameter, its interactions included. */
  total: number;
  totalLow: number;
  totalHigh: number;
}

export interface SobolResult {
  /** Rows of each Saltelli matrix. */
  n: number;
  /** Model evaluations: n · (k + 2). */
  evaluations: number;
  mean: number;
  variance: number;
  indices: SobolIndex[];
}

/**
 * Variance-based sensitivity of f on the unit cube [0, 1)^k by Saltelli
 * sampling: matrices A and B of n rows, and for each i the matrix A_B^i (A
 * with column i from B), n·(k + 2) evaluations in all. With V the variance of
 * f over A and B,
 *
 *   S_i  = mean( f(B) · (f(A_B^i) − f(A)) ) / V          (Saltelli et al. 2010)
 *   ST_i = mean( (f(A) − f(A_B^i))² ) / (2V)             (Jansen 1999)
 *
 * Intervals resample the rows with replacement (`resamples` times) and take
 * the 2.5th and 97.5th percentiles. Row j's numbers come from its own stream
 * of (seed, j), so the sample does not depend on how the rows are split.
 */
export function sobolAnalysis(names: readonly string[], n: number, seed: number, f: (u: readonly number[]) => number, resamples = 200): SobolResult {
  const k = names.length;
  const yA = new Float64Array(n);
  const yB = new Float64Array(n);
  const yAB = names.map(() => new Float64Array(n));
  for (let j = 0; j < n; j++) {
    const next = drawStream(seed, j);
    const a = names.map(() => next());
    const b = names.map(() => next());
    yA[j] = f(a);
    yB[j] = f(b);
    for (let i = 0; i < k; i++) (yAB[i] as Float64Array)[j] = f(a.map((x, c) => (c === i ? (b[i] as number) : x)));
  }
  const rows = Array.from({ length: n }, (_, j) => j);
  const point = estimate(yA, yB, yAB, rows);
  const boot = Array.from({ length: resamples }, (_, r) => {
    const next = drawStream(seed ^ 0x5eed, r);
    return estimate(
      yA,
      yB,
      yAB,
      rows.map(() => Math.floor(next() * n)),
    );
  });
  const ci = (pick: (e: Estimate) => number) => percentiles(boot.map(pick));
  return {
    n,
    evaluations: n * (k + 2),
    mean: point.mean,
    variance: point.variance,
    indices: names.map((parameter, i) => {
      const [firstLow, firstHigh] = ci((e) => e.first[i] as number);
      const [totalLow, totalHigh] = ci((e) => e.total[i] as number);
      return { parameter, first: point.first[i] as number, firstLow, firstHigh, total: point.total[i] as number, totalLow, totalHigh };
    }),
  };
}

interface Estimate {
  mean: number;
  variance: number;
  first: number[];
  total: number[];
}

/** The estimators over the given rows (all of them, or a bootstrap resample). */
function estimate(yA: Float64Array, yB: Float64Array, yAB: Float64Array[], rows: readonly number[]): Estimate {
  const m = rows.length;
  let sum = 0;
  for (const j of rows) sum += (yA[j] as number) + (yB[j] as number);
  const mean = sum / (2 * m);
  let ss = 0;
  for (const j of rows) ss += ((yA[j] as number) - mean) ** 2 + ((yB[j] as number) - mean) ** 2;
  const variance = ss / (2 * m - 1);
  const first: number[] = [];
  const total: number[] = [];
  for (const y of yAB) {
    let s = 0;
    let t = 0;
    for (const j of rows) {
      s += (yB[j] as number) * ((y[j] as number) - (yA[j] as number));
      t += ((yA[j] as number) - (y[j] as number)) ** 2;
    }
    first.push(variance > 0 ? s / m / variance : 0);
    total.push(variance > 0 ? t / (2 * m) / variance : 0);
  }
  return { mean, variance, first, total };
}

function percentiles(xs: number[]): [number, number] {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))] ?? Number.NaN;
  return [at(0.025), at(0.975)];
}

/**
 * Sobol indices of one output of a scenario over its uncertain parameters,
 * each drawn from its own distribution by its inverse CDF. The indices assume
 * independent inputs, so the uncertainty block's rank correlations are not
 * applied here (the sweep applies them).
 */
export function sobol(scenario: Scenario, plan: DrawPlan, metric: Metric, n: number, seed: number): SobolResult {
  const names = plan.parameters.map((p) => p.id);
  return sobolAnalysis(names, n, seed, (u) => {
    const values = plan.parameters.map((p, i) => quantile(p.distribution, u[i] as number));
    return measure(applyDraw(scenario, plan, values), [metric])[0] as number;
  });
}
