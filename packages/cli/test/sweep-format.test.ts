import type { Metric, Summary } from "@tieup/core";
import { describe, expect, it } from "vitest";
import { sweepSections } from "../src/sweep/format.js";

const metric: Metric = {
  name: "company.honda.FY2026.operatingProfit",
  kind: "company",
  company: "honda",
  period: "FY2026",
  column: "operatingProfit",
  unit: "JPY",
};
const summary: Summary = {
  count: 200_000,
  mean: 1,
  sd: 1,
  min: 0,
  max: 2,
  p5: 0.1,
  p50: 1,
  p95: 1.9,
  es5: 0.05,
  pNegative: 0,
  pPositive: 1,
  exactMedian: false,
};

describe("the sweep's distribution note", () => {
  it("calls the tails exact when they are", () => {
    expect(sweepSections([{ metric, summary }])[0]?.note).toMatch(/^P5\/P95 and ES5 \(mean of the worst 5% of draws\) exact;/);
  });

  it("gives the sketch's bound when an output's tails come from it (beyond 100,000 draws)", () => {
    const note = sweepSections([
      { metric, summary },
      { metric, summary: { ...summary, tailsRelativeError: 0.001 } },
    ])[0]?.note;
    expect(note).toContain("each within 0.1% of its exact value");
    expect(note).not.toMatch(/ES5 \(mean of the worst 5% of draws\) exact;/);
  });
});
