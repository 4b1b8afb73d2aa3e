import { P2Quantile } from "./p2.js";

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
  /** Whether P50 is exact (draws kept) or the P² estimate; P5, P95 and ES5 are always exact. */
  exactMedian: boolean;
}

/**
 * Streams draws into a summary without keeping them: Welford's mean and
 * variance, counts, the tails in two bounded heaps (the ⌈5%·N⌉ lowest and
 * highest of the N draws announced, so P5, P95 and ES5 are exact), and the
 * median by P². With `keep`, every draw is kept and the median is exact too.
 * Feed draws in draw order: floating-point sums depend on order, and a fixed
 * order is what makes results identical whatever the number of workers.
 */
export class Accumulator {
  private n = 0;
  private m = 0;
  private s2 = 0;
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;
  private neg = 0;
  private pos = 0;
  private readonly low: Heap;
  private readonly high: Heap;
  private readonly median = new P2Quantile(0.5);
  readonly kept: number[] | undefined;

  constructor(expected: number, keep = false) {
    this.low = new Heap(Math.max(1, Math.ceil(0.05 * expected)), (a, b) => a > b);
    this.high = new Heap(Math.max(1, expected - Math.ceil(0.95 * expected) + 1), (a, b) => a < b);
    this.kept = keep ? [] : undefined;
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
    this.low.offer(x);
    this.high.offer(x);
    this.median.add(x);
    this.kept?.push(x);
  }

  summary(): Summary {
    const n = this.n;
    const sorted = this.kept ? [...this.kept].sort((a, b) => a - b) : undefined;
    const lowest = this.low.sorted((a, b) => a - b);
    const highest = this.high.sorted((a, b) => b - a);
    const k5 = Math.max(1, Math.ceil(0.05 * n));
    const rank95 = n - Math.ceil(0.95 * n) + 1;
    const worst = sorted ? sorted.slice(0, k5) : lowest.slice(0, k5);
    return {
      count: n,
      mean: n ? this.m : Number.NaN,
      sd: n > 1 ? Math.sqrt(this.s2 / (n - 1)) : 0,
      min: this.lo,
      max: this.hi,
      p5: sorted ? (sorted[k5 - 1] as number) : (lowest[k5 - 1] ?? Number.NaN),
      p50: sorted ? (sorted[Math.max(0, Math.ceil(0.5 * n) - 1)] as number) : this.median.value(),
      p95: sorted ? (sorted[Math.ceil(0.95 * n) - 1] as number) : (highest[rank95 - 1] ?? Number.NaN),
      es5: worst.length ? worst.reduce((s, x) => s + x, 0) / worst.length : Number.NaN,
      pNegative: n ? this.neg / n : Number.NaN,
      pPositive: n ? this.pos / n : Number.NaN,
      exactMedian: sorted !== undefined || n <= 5,
    };
  }
}

/** A bounded heap keeping the `size` most extreme values; `above(a, b)` is true when a belongs nearer the top (the first to drop). */
class Heap {
  private readonly items: number[] = [];
  constructor(
    private readonly size: number,
    private readonly above: (a: number, b: number) => boolean,
  ) {}

  offer(x: number): void {
    const h = this.items;
    if (h.length < this.size) {
      h.push(x);
      this.up(h.length - 1);
    } else if (this.above(h[0] as number, x)) {
      h[0] = x;
      this.down(0);
    }
  }

  sorted(compare: (a: number, b: number) => number): number[] {
    return [...this.items].sort(compare);
  }

  private up(i: number): void {
    const h = this.items;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.above(h[i] as number, h[parent] as number)) return;
      [h[i], h[parent]] = [h[parent] as number, h[i] as number];
      i = parent;
    }
  }

  private down(i: number): void {
    const h = this.items;
    for (;;) {
      let top = i;
      for (const c of [2 * i + 1, 2 * i + 2]) if (c < h.length && this.above(h[c] as number, h[top] as number)) top = c;
      if (top === i) return;
      [h[i], h[top]] = [h[top] as number, h[i] as number];
      i = top;
    }
  }
}

/** Equal-width histogram of kept draws, for charts: bin edges and counts. */
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
