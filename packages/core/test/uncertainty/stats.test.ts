import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalQuantile } from "../../src/uncertainty/normal.js";
import { P2Quantile } from "../../src/uncertainty/p2.js";
import { drawStream } from "../../src/uncertainty/random.js";
import { Accumulator, histogram } from "../../src/uncertainty/stats.js";

/** Inverse empirical CDF: x₍⌈p·n⌉₎ of the sorted values. */
const exact = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] as number;

describe("streaming statistics", () => {
  it("summarises 1..20 by hand", () => {
    // Mean (1 + 20)/2 = 10.5; sample variance n(n+1)/12 = 20 × 21 / 12 = 35; P5 = x₍⌈1⌉₎ = 1,
    // P95 = x₍⌈19⌉₎ = 19, P50 = x₍10₎ = 10; ES5 = mean of the ⌈1⌉ lowest = 1; none below 0.
    const acc = new Accumulator(20, true);
    for (let i = 20; i >= 1; i--) acc.add(i);
    const s = acc.summary();
    expect(s.mean).toBe(10.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(35), 12);
    expect([s.p5, s.p50, s.p95, s.es5, s.min, s.max]).toEqual([1, 10, 19, 1, 1, 20]);
    expect(s.pNegative).toBe(0);
    expect(s.pPositive).toBe(1);
  });

  it("P5, P95 and ES5 from the bounded heaps equal the exact ones from the sorted draws", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }), (xs) => {
        const streamed = new Accumulator(xs.length);
        const kept = new Accumulator(xs.length, true);
        for (const x of xs) {
          streamed.add(x);
          kept.add(x);
        }
        const [a, b] = [streamed.summary(), kept.summary()];
        const sorted = [...xs].sort((p, q) => p - q);
        expect(a.p5).toBe(exact(sorted, 0.05));
        expect(a.p95).toBe(exact(sorted, 0.95));
        expect(a.p5).toBe(b.p5);
        expect(a.p95).toBe(b.p95);
        expect(a.es5).toBe(b.es5);
        expect(b.p50).toBe(exact(sorted, 0.5));
      }),
    );
  });

  it("P² estimates the median of a normal sample within 0.02 standard deviations of the exact one", () => {
    const p2 = new P2Quantile(0.5);
    const xs: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const x = 100 + 15 * normalQuantile(drawStream(11, i)());
      p2.add(x);
      xs.push(x);
    }
    xs.sort((a, b) => a - b);
    expect(Math.abs(p2.value() - exact(xs, 0.5))).toBeLessThan(0.02 * 15);
  });

  it("P² is exact on five values or fewer", () => {
    const p2 = new P2Quantile(0.5);
    for (const x of [5, 1, 4]) p2.add(x);
    expect(p2.value()).toBe(4); // sorted 1, 4, 5: x₍⌈1.5⌉₎ = x₍2₎ = 4
  });

  it("histograms count every draw once", () => {
    const h = histogram([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5);
    // Width 2: [0,2) [2,4) [4,6) [6,8) [8,10] — the maximum falls in the last bin.
    expect(h.counts).toEqual([2, 2, 2, 2, 3]);
    expect(h.edges[5]).toBe(10);
  });
});
