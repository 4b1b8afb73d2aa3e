import { P2Quantile } from "./p2.js";
import { highRank, lowCount, type TailStats, Tails } from "./tails.js";

/** Summary of one output over a sweep. Percentiles are the inverse empirical CDF: Pq = x₍⌈q·n⌉₎. */
export interface Summary {
  count: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
  p5: number;
  p50: number;
  p95: number;
  /** Expected shortfall: mean of the worst 5% of draws (the ⌈0.05·n⌉ lowest). */
  es5: number;
  /** Share of draws below zero (a loss) and above zero (a gain). */
  pNegative: number;
  pPositive: number;
  /** Whether P50 is exact (draws kept) or the P² estimate. */
  exactMedian: boolean;
  /**
   * Set when P5, P95 and ES5 come from the sketch (more than 100,000 draws,
   * not all kept): each is within this share of
   * its magnitude of the exact value (ES5: of the mean magnitude of the
   * worst 5%). Absent when they are exact.
   */
  tailsRelativeError?: number;
}

/**
 * Streams draws into a summary in memory that does not grow with the number
 * of draws: Welford's mean and variance, counts, the median by P², and the
 * tails (tails.ts): exact up to 100,000 draws, from a DDSketch within 0.1%
 * beyond. With `keep`, the first `keep` draws are kept as well (`true`:
 * every draw), for a histogram; when that is every draw, the median and
 * tails are read from them, exactly. Feed draws in draw order: floating-point
 * sums depend on order, and a fixed order is what makes results identical
 * whatever the number of workers.
 */
export class Accumulator {
  private n = 0;
  private m = 0;
  private s2 = 0;
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;
  private neg = 0;
  private pos = 0;
  private readonly tails: Tails;
  private readonly median = new P2Quantile(0.5);
  private readonly keepUpTo: number;
  readonly kept: number[] | undefined;

  constructor(expected: number, keep: boolean | number = false) {
    this.tails = new Tails(expected);
    this.keepUpTo = keep === true ? Number.POSITIVE_INFINITY : keep === false ? 0 : keep;
    this.kept = this.keepUpTo > 0 ? [] : undefined;
  }

  add(x: number): void {
    this.n++;
    const d = x - this.m;
    this.m += d / this.n;
    this.s2 += d * (x - this.m);
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
    if (x < 0) this.neg++;
    if (x > 0) this.pos++;
    this.tails.offer(x);
    this.median.add(x);
    if (this.kept && this.kept.length < this.keepUpTo) this.kept.push(x);
  }

  summary(): Summary {
    const n = this.n;
    const sorted = this.kept && this.kept.length === n ? [...this.kept].sort((a, b) => a - b) : undefined;
    const tails = sorted ? sortedTails(sorted) : this.tails.stats(n);
    return {
      count: n,
      mean: n ? this.m : Number.NaN,
      sd: n > 1 ? Math.sqrt(this.s2 / (n - 1)) : 0,
      min: this.lo,
      max: this.hi,
      p5: tails.p5,
      p50: sorted ? (sorted[Math.max(0, Math.ceil(0.5 * n) - 1)] as number) : this.median.value(),
      p95: tails.p95,
      es5: tails.es5,
      pNegative: n ? this.neg / n : Number.NaN,
      pPositive: n ? this.pos / n : Number.NaN,
      exactMedian: sorted !== undefined || n <= 5,
      ...(tails.relativeError > 0 ? { tailsRelativeError: tails.relativeError } : {}),
    };
  }
}

/** The tails read from every draw, sorted. */
function sortedTails(sorted: readonly number[]): TailStats {
  const n = sorted.length;
  const k = lowCount(n);
  return {
    p5: sorted[k - 1] ?? Number.NaN,
    p95: sorted[n - highRank(n)] ?? Number.NaN,
    es5: n ? sorted.slice(0, k).reduce((s, x) => s + x, 0) / k : Number.NaN,
    relativeError: 0,
  };
}

/** Equal-width histogram of kept draws, for charts: bin edges and counts. */
/**
 * How exact the tails of these summaries are, in a sentence for a reader, or
 * undefined when every P5, P95 and ES5 is exact: beyond 100,000 draws they
 * come from the sketch, and the sentence gives its bound. One wording for the
 * CLI, the web and stored runs.
 */
export function sketchedTailsNote(summaries: readonly Pick<Summary, "tailsRelativeError">[]): string | undefined {
  const error = Math.max(0, ...summaries.map((s) => s.tailsRelativeError ?? 0));
  if (error === 0) return undefined;
  return `P5/P95 and ES5 (mean of the worst 5% of draws) each within ${+(error * 100).toPrecision(2)}% of its exact value (a sketch, beyond 100,000 draws)`;
}

export function histogram(values: readonly number[], bins = 30): { edges: number[]; counts: number[] } {
  if (values.length === 0) return { edges: [], counts: [] };
  let lo = values.reduce((a, b) => Math.min(a, b));
  let hi = values.reduce((a, b) => Math.max(a, b));
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) {
    const b = Math.min(bins - 1, Math.floor((v - lo) / width));
    counts[b] = (counts[b] as number) + 1;
  }
  return { edges: Array.from({ length: bins + 1 }, (_, i) => lo + i * width), counts };
}
