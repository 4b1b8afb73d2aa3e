import { describe, expect, it } from "vitest";
import { normalQuantile } from "../../src/uncertainty/normal.js";
import { drawStream } from "../../src/uncertainty/random.js";
import { Accumulator } from "../../src/uncertainty/stats.js";
import { EXACT_TAILS_UP_TO, SKETCH_RELATIVE_ERROR, SketchTails } from "../../src/uncertainty/tails.js";

/** Inverse empirical CDF: x₍⌈p·n⌉₎ of the sorted values. */
const exact = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] as number;
const worst5 = (sorted: number[]) => {
  const k = Math.max(1, Math.ceil(0.05 * sorted.length));
  return sorted.slice(0, k).reduce((s, x) => s + x, 0) / k;
};
/** Within α of |exact| (the sketch's guarantee), and a little float slack. */
const within = (got: number, want: number, alpha: number) => Math.abs(got - want) <= alpha * Math.abs(want) + 1e-9 * Math.abs(want);

/** An operating profit in yen: normal around ¥300bn, sd ¥250bn, so that about 12% of draws are losses and the P5 is one. */
const profit = (seed: number, i: number) => 300e9 + 250e9 * normalQuantile(drawStream(seed, i)());

function summaries(n: number, value: (i: number) => number, expected = n) {
  const sketched = new Accumulator(expected);
  const kept = new Accumulator(expected, true);
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = value(i);
    sketched.add(x);
    kept.add(x);
    xs.push(x);
  }
  return { sketched: sketched.summary(), kept: kept.summary(), sorted: xs.sort((a, b) => a - b) };
}

describe("tails beyond 100,000 draws: the sketch", () => {
  it("gives P5, P95 and ES5 of 200,000 normal draws within 0.1% of the exact ones", () => {
    const { sketched: s, kept, sorted } = summaries(200_000, (i) => profit(5, i));
    expect(s.tailsRelativeError).toBe(SKETCH_RELATIVE_ERROR);
    expect(kept.tailsRelativeError).toBeUndefined();
    expect(kept.p5).toBe(exact(sorted, 0.05));
    expect(s.p5).toBeLessThan(0); // the lower tail is a loss: the negative buckets are read
    expect(within(s.p5, exact(sorted, 0.05), SKETCH_RELATIVE_ERROR)).toBe(true);
    expect(within(s.p95, exact(sorted, 0.95), SKETCH_RELATIVE_ERROR)).toBe(true);
    expect(within(s.es5, worst5(sorted), SKETCH_RELATIVE_ERROR)).toBe(true);
    // Not exact, or the test would not be testing the sketch.
    expect(s.p5).not.toBe(exact(sorted, 0.05));
    // The rest is unchanged by the sketch.
    expect([s.mean, s.sd, s.min, s.max, s.pNegative, s.count]).toEqual([kept.mean, kept.sd, kept.min, kept.max, kept.pNegative, kept.count]);
  });

  it("stays within 0.1% on a skewed, all-positive distribution and on 0/1 outcomes", () => {
    const lognormal = summaries(150_000, (i) => Math.exp(20 + 1.5 * normalQuantile(drawStream(9, i)())));
    for (const p of [0.05, 0.95] as const)
      expect(within(p === 0.05 ? lognormal.sketched.p5 : lognormal.sketched.p95, exact(lognormal.sorted, p), SKETCH_RELATIVE_ERROR)).toBe(true);
    expect(within(lognormal.sketched.es5, worst5(lognormal.sorted), SKETCH_RELATIVE_ERROR)).toBe(true);
    const chance = summaries(120_000, (i) => (drawStream(3, i)() < 0.3 ? 1 : 0));
    expect(chance.sketched.p5).toBe(0); // zeros are counted apart, exactly
    expect(within(chance.sketched.p95, 1, SKETCH_RELATIVE_ERROR)).toBe(true);
  });

  it("reads ranks by hand on a small sketch: −8, −2, 0, 0, 3, 50 (α = 1%)", () => {
    // Ranks 0..5 ascending: the two negatives are stored by magnitude, so rank 0 is −8, not −2.
    const t = new SketchTails(0.01);
    for (const x of [3, -2, 0, 50, -8, 0]) t.offer(x);
    const near = (got: number, want: number) => expect(Math.abs(got - want)).toBeLessThanOrEqual(0.01 * Math.abs(want));
    near(t.low(0), -8);
    near(t.low(1), -2);
    expect(t.low(2)).toBe(0);
    near(t.high(0), 50);
    near(t.high(1), 3);
    near(t.lowestSum(3), -10); // −8 − 2 + 0
    expect(t.low(6)).toBeNaN();
  });

  it("grows its buckets either way and reads an infinite draw as infinite", () => {
    const t = new SketchTails(0.001);
    for (const x of [1, 1e12, 1e-9, Number.POSITIVE_INFINITY, 5]) t.offer(x);
    expect(t.high(0)).toBe(Number.POSITIVE_INFINITY);
    expect(Math.abs(t.high(1) - 1e12)).toBeLessThanOrEqual(1e9);
    expect(Math.abs(t.low(0) - 1e-9)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(t.low(2) - 5)).toBeLessThanOrEqual(0.005);
  });

  it("does not depend on the order of the draws", () => {
    const xs = Array.from({ length: 150_000 }, (_, i) => profit(2, i));
    const forward = new Accumulator(xs.length);
    const backward = new Accumulator(xs.length);
    for (const x of xs) forward.add(x);
    for (const x of [...xs].reverse()) backward.add(x);
    const [f, b] = [forward.summary(), backward.summary()];
    expect([f.p5, f.p95, f.es5]).toEqual([b.p5, b.p95, b.es5]);
  });
});

describe("tails up to 100,000 draws stay exact", () => {
  it("at exactly 100,000 draws, P5, P95 and ES5 equal the sorted draws' (no sketch)", () => {
    const { sketched: s, sorted } = summaries(EXACT_TAILS_UP_TO, (i) => profit(7, i));
    expect(s.tailsRelativeError).toBeUndefined();
    expect([s.p5, s.p95, s.es5]).toEqual([exact(sorted, 0.05), exact(sorted, 0.95), worst5(sorted)]);
  });

  it("a sweep stopped early (fewer draws than announced) keeps exact tails", () => {
    const { sketched: s, sorted } = summaries(3_000, (i) => profit(8, i), 10_000);
    expect([s.p5, s.p95, s.es5]).toEqual([exact(sorted, 0.05), exact(sorted, 0.95), worst5(sorted)]);
  });
});

describe("a sweep stopped after n draws gives the statistics of a sweep of n (the CLI's and the web's label)", () => {
  const run = (announced: number, n: number) => {
    const acc = new Accumulator(announced);
    for (let i = 0; i < n; i++) acc.add(profit(6, i));
    return acc.summary();
  };
  it("exact: 1,000,000 announced, stopped at 60,000", () => {
    const s = run(1_000_000, 60_000);
    expect(s.tailsRelativeError).toBeUndefined();
    expect(s).toEqual(run(60_000, 60_000));
  });
  it("sketched: 1,000,000 announced, stopped at 120,000", () => {
    const s = run(1_000_000, 120_000);
    expect(s.tailsRelativeError).toBe(SKETCH_RELATIVE_ERROR);
    expect(s).toEqual(run(120_000, 120_000));
  });
});

describe("keeping some draws", () => {
  it("keeps the first `keep` draws for a histogram, and reads the tails from them only when they are all the draws", () => {
    const some = new Accumulator(200_000, 1_000);
    for (let i = 0; i < 200_000; i++) some.add(profit(4, i));
    expect(some.kept).toHaveLength(1_000);
    expect(some.kept?.[999]).toBe(profit(4, 999));
    const s = some.summary();
    expect(s.exactMedian).toBe(false);
    expect(s.tailsRelativeError).toBe(SKETCH_RELATIVE_ERROR);
    const all = new Accumulator(500, 1_000);
    for (let i = 0; i < 500; i++) all.add(i);
    expect(all.summary()).toMatchObject({ exactMedian: true, p50: 249, p5: 24 });
  });
});
