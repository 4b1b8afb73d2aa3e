/** A tail store: values by 0-based rank from the bottom or the top, and the sum of the lowest. */
interface TailStore {
  offer(x: number): void;
  low(rank: number): number;
  high(rank: number): number;
  lowestSum(k: number): number;
  readonly relativeError: number;
}

/** Up to this many draws, P5, P95 and ES5 are exact: two heaps of ⌈5%·n⌉ values (5,000 at most) hold the tails. */
export const EXACT_TAILS_UP_TO = 100_000;

/** Relative accuracy of the sketch read beyond EXACT_TAILS_UP_TO draws: each value is within 0.1% of the exact one. */
export const SKETCH_RELATIVE_ERROR = 0.001;

/** How many of n draws the lower tail holds (P5 is the last of them, ES5 their mean), and the rank from the top of P95. */
export const lowCount = (n: number) => Math.max(1, Math.ceil(0.05 * n));
export const highRank = (n: number) => n - Math.ceil(0.95 * n) + 1;

export interface TailStats {
  p5: number;
  p95: number;
  es5: number;
  /** 0 when exact, else the bound on each figure's relative error. */
  relativeError: number;
}

/**
 * P5, P95 and ES5 of a sweep's draws in memory bounded whatever their number.
 * The heaps keep the lowest and highest draws of the first 100,000, which is
 * all that P5, P95 and ES5 of up to 100,000 draws read; a sweep announcing
 * more also feeds a DDSketch, read once the draws outnumber what the heaps
 * answer for. So the figures depend on the draws alone, not on the number
 * announced: a sweep stopped after n draws gives those of a sweep of n.
 */
export class Tails {
  private readonly exact: ExactTails;
  private readonly sketch: SketchTails | undefined;

  constructor(expected: number) {
    const n = Math.min(expected, EXACT_TAILS_UP_TO);
    this.exact = new ExactTails(lowCount(n), highRank(n));
    this.sketch = expected > EXACT_TAILS_UP_TO ? new SketchTails(SKETCH_RELATIVE_ERROR) : undefined;
  }

  offer(x: number): void {
    this.exact.offer(x);
    this.sketch?.offer(x);
  }

  /** The tails of the n draws offered. */
  stats(n: number): TailStats {
    const k = lowCount(n);
    const r = highRank(n);
    const from: TailStore = this.sketch && !this.exact.holds(k, r) ? this.sketch : this.exact;
    return { p5: from.low(k - 1), p95: from.high(r - 1), es5: n === 0 ? Number.NaN : from.lowestSum(k) / k, relativeError: from.relativeError };
  }
}

/** The `lows` lowest and `highs` highest values offered, in two bounded heaps. */
export class ExactTails implements TailStore {
  readonly relativeError = 0;
  private readonly lowest: Heap;
  private readonly highest: Heap;
  private sortedLow: number[] | undefined;
  private sortedHigh: number[] | undefined;

  constructor(
    private readonly lows: number,
    private readonly highs: number,
  ) {
    this.lowest = new Heap(lows, (a, b) => a > b);
    this.highest = new Heap(highs, (a, b) => a < b);
  }

  /** Whether the k lowest and the r highest are all held (they are the heaps' most extreme, whatever came after). */
  holds(k: number, r: number): boolean {
    return k <= this.lows && r <= this.highs;
  }

  offer(x: number): void {
    this.lowest.offer(x);
    this.highest.offer(x);
    this.sortedLow = undefined;
    this.sortedHigh = undefined;
  }

  low(rank: number): number {
    this.sortedLow ??= this.lowest.sorted((a, b) => a - b);
    return this.sortedLow[rank] ?? Number.NaN;
  }

  high(rank: number): number {
    this.sortedHigh ??= this.highest.sorted((a, b) => b - a);
    return this.sortedHigh[rank] ?? Number.NaN;
  }

  lowestSum(k: number): number {
    this.sortedLow ??= this.lowest.sorted((a, b) => a - b);
    // More draws than announced: the heap no longer holds the k lowest.
    if (k > this.lows) return Number.NaN;
    return this.sortedLow.slice(0, k).reduce((s, x) => s + x, 0);
  }
}

/**
 * Every draw counted in logarithmic buckets, as in DDSketch (Masson, Rim and
 * Lee, VLDB 2019): bucket k holds the magnitudes in (γ^(k−1), γ^k], with
 * γ = (1 + α) ⁄ (1 − α), and reads as 2γ^k ⁄ (1 + γ), which is within α·|x| of
 * every x in it; negatives are counted by magnitude apart, zeros apart. So a
 * value read is within α·|x| of the exact order statistic x, whatever the
 * number of draws, and memory is one 8-byte count per bucket between the
 * smallest and largest magnitude drawn (ln(max ⁄ min) ⁄ 2α per sign: 3,500
 * for draws spanning a factor of 1,000 at α = 0.1%, 11,000 for a factor of
 * 10¹⁰), not one per draw. Counts are integers, so the result does not
 * depend on the order of the draws.
 *
 * Written here rather than taken from @datadog/sketches-js: its build needs
 * protobufjs (for a serialisation never used here), which the web bundle
 * cannot resolve, and its merge (2.1.1) drops the other sketch's negatives.
 */
export class SketchTails implements TailStore {
  private readonly gamma: number;
  private readonly logGamma: number;
  private readonly positive = new Counts();
  private readonly negative = new Counts();
  private zeros = 0;
  private count = 0;

  constructor(readonly relativeError: number) {
    this.gamma = (1 + relativeError) / (1 - relativeError);
    this.logGamma = Math.log(this.gamma);
  }

  offer(x: number): void {
    this.count++;
    if (x > 0) this.positive.add(this.key(x));
    else if (x < 0) this.negative.add(this.key(-x));
    else this.zeros++;
  }

  low(rank: number): number {
    return this.valueAt(rank);
  }

  high(rank: number): number {
    return this.valueAt(this.count - 1 - rank);
  }

  /** Each bucket's value times the draws taken from it, lowest buckets first. */
  lowestSum(k: number): number {
    let left = k;
    let sum = 0;
    for (const [value, count] of this.buckets()) {
      const take = Math.min(left, count);
      sum += take * value;
      left -= take;
      if (left === 0) break;
    }
    return sum;
  }

  /** An infinite magnitude goes in the bucket above the largest finite one, which reads as infinite. */
  private key(magnitude: number): number {
    return Math.min(Math.ceil(Math.log(magnitude) / this.logGamma), Math.ceil(Math.log(Number.MAX_VALUE) / this.logGamma) + 1);
  }

  private value(key: number): number {
    return (2 * this.gamma ** key) / (1 + this.gamma);
  }

  private valueAt(rank: number): number {
    if (rank < 0 || rank >= this.count) return Number.NaN;
    let seen = 0;
    for (const [value, count] of this.buckets()) {
      seen += count;
      if (seen > rank) return value;
    }
    return Number.NaN;
  }

  /** (value, count) of every bucket, ascending by value: negatives from the largest magnitude, zeros, positives. */
  private buckets(): [number, number][] {
    return [
      ...this.negative
        .entries()
        .reverse()
        .map(([k, c]): [number, number] => [-this.value(k), c]),
      ...(this.zeros > 0 ? [[0, this.zeros] as [number, number]] : []),
      ...this.positive.entries().map(([k, c]): [number, number] => [this.value(k), c]),
    ];
  }
}

/** Counts by integer key in one typed array (8 bytes a bucket), grown by doubling to cover the keys seen. */
class Counts {
  private bins = new Float64Array(0);
  /** The key of bins[0]. */
  private first = 0;

  add(key: number): void {
    if (this.bins.length === 0) {
      this.bins = new Float64Array(64);
      this.first = key - 32;
    }
    if (key < this.first || key >= this.first + this.bins.length) this.grow(key);
    this.bins[key - this.first] = (this.bins[key - this.first] as number) + 1;
  }

  /** (key, count) of the buckets holding draws, ascending by key. */
  entries(): [number, number][] {
    const out: [number, number][] = [];
    this.bins.forEach((c, i) => {
      if (c > 0) out.push([this.first + i, c]);
    });
    return out;
  }

  private grow(key: number): void {
    const lo = Math.min(this.first, key);
    const hi = Math.max(this.first + this.bins.length - 1, key);
    const size = Math.max(2 * this.bins.length, hi - lo + 1);
    // The spare room goes on the side the keys grew towards.
    const first = key < this.first ? hi - size + 1 : lo;
    const next = new Float64Array(size);
    next.set(this.bins, this.first - first);
    this.bins = next;
    this.first = first;
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
