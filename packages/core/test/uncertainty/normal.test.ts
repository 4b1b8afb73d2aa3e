import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile } from "../../src/uncertainty/normal.js";

describe("standard normal", () => {
  it("matches tabulated values of Φ", () => {
    // Φ(0) = 1/2 by symmetry; Φ(1.959963984540054) = 0.975 and Φ(1) = 0.8413447460685429 (tables);
    // Φ(−5) = 2.866515718791939e−7 (far tail, continued-fraction branch).
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 14);
    expect(normalCdf(-5) / 2.866515718791939e-7).toBeCloseTo(1, 12);
  });

  it("matches tabulated quantiles", () => {
    // z(0.95) = 1.6448536269514722, z(0.975) = 1.959963984540054, z(0.001) = −3.090232306167813.
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 12);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 11);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
  });

  it("Φ⁻¹ inverts Φ and is symmetric", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        const x = normalQuantile(p);
        expect(Math.abs(normalCdf(x) - p)).toBeLessThan(1e-14 + 1e-12 * Math.min(p, 1 - p));
        // 1 − p rounds for p near 0 or 1, so symmetry is checked where the rounding is far below the tolerance.
        if (p > 1e-6 && p < 1 - 1e-6) expect(normalQuantile(1 - p)).toBeCloseTo(-x, 6);
      }),
    );
  });
});
