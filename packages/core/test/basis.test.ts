import { describe, expect, it } from "vitest";
import { basisFactor } from "../src/index.js";

describe("basisFactor", () => {
  it("excludeContentOf [US] with content {US: 0.4, MX: 0.35} charges 1 − 0.4 = 0.6 (Mexican content is non-US)", () => {
    expect(basisFactor({ basis: { excludeContentOf: ["US"] }, coverage: 1 }, { US: 0.4, MX: 0.35 })).toBeCloseTo(0.6, 12);
  });

  it("Canada's excludeContentOf [CA, MX] with {US: 0.4, MX: 0.35, CA: 0.1} charges 1 − 0.35 − 0.1 = 0.55", () => {
    expect(basisFactor({ basis: { excludeContentOf: ["CA", "MX"] }, coverage: 1 }, { US: 0.4, MX: 0.35, CA: 0.1 })).toBeCloseTo(0.55, 12);
    // with no Canadian content stated, only Mexico's 0.35 is excluded: 0.65
    expect(basisFactor({ basis: { excludeContentOf: ["CA", "MX"] }, coverage: 1 }, { US: 0.4, MX: 0.35 })).toBeCloseTo(0.65, 12);
  });

  it("full value and MSRP charge the whole value whatever the content", () => {
    expect(basisFactor({ basis: "full-value", coverage: 1 }, { US: 0.4, MX: 0.35 })).toBe(1);
    expect(basisFactor({ basis: "msrp", coverage: 1 }, { US: 0.9 })).toBe(1);
  });

  it("never goes below zero when the excluded content is the whole vehicle", () => {
    expect(basisFactor({ basis: { excludeContentOf: ["US", "CA"] }, coverage: 1 }, { US: 0.7, CA: 0.3 })).toBe(0);
  });

  it("unnamed remainder counts as foreign: content {US: 0.5} alone charges 0.5", () => {
    expect(basisFactor({ basis: { excludeContentOf: ["US"] }, coverage: 1 }, { US: 0.5 })).toBeCloseTo(0.5, 12);
  });

  it("multiplies by the measure's coverage: a list covering 60% of parts charges 60% of the value (of non-US content 0.5: 0.3)", () => {
    expect(basisFactor({ basis: "full-value", coverage: 0.6 }, {})).toBeCloseTo(0.6, 12);
    expect(basisFactor({ basis: { excludeContentOf: ["US"] }, coverage: 0.6 }, { US: 0.5 })).toBeCloseTo(0.3, 12);
  });
});
