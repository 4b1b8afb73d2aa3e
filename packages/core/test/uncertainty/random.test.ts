import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawStream, mix32 } from "../../src/uncertainty/random.js";

describe("per-draw random streams", () => {
  it("depend on (seed, index) only", () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(1_000_000), (seed, index) => {
        const a = drawStream(seed, index);
        const b = drawStream(seed, index);
        for (let k = 0; k < 5; k++) expect(a()).toBe(b());
      }),
    );
  });

  it("differ between draws and seeds, and stay inside (0, 1)", () => {
    const first = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const u = drawStream(1, i)();
      expect(u).toBeGreaterThan(0);
      expect(u).toBeLessThan(1);
      first.add(u);
    }
    expect(first.size).toBe(2000);
    expect(drawStream(1, 0)()).not.toBe(drawStream(2, 0)());
  });

  it("are uniform: the mean of n draws is 1/2 within 4 standard errors (1/√(12n))", () => {
    const n = 20_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += drawStream(3, i)();
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(4 / Math.sqrt(12 * n));
  });

  it("mixes bits: murmur3's finaliser of 0 is 0 and of 1 is not small", () => {
    expect(mix32(0)).toBe(0);
    expect(Math.abs(mix32(1))).toBeGreaterThan(1 << 20);
  });
});
