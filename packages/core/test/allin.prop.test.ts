import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cumulativeDayWeights, type DatedMeasure, dayNumber, expandHorizon, type Period, schedule, TariffMeasure } from "../src/index.js";
import { measure } from "./fixtures.js";

// An all-in measure in force all period, inclusive of the MFN duty and of any additional measures,
// charges max(MFN, all-in rate) in total, whatever the rates, the other measures it folds and
// the sales profile.
const period = expandHorizon({ fiscalYears: { from: 2025, to: 2025, startMonth: 4 } })[0] as Period;
const slot = { importer: "US", origin: "JP", category: "passenger-car" as const, usmcaQualifying: false };
const dated = (input: Parameters<typeof measure>): DatedMeasure => {
  const m = TariffMeasure.parse(measure(...input));
  return { measure: m, from: dayNumber(m.from), to: m.to === undefined ? Number.POSITIVE_INFINITY : dayNumber(m.to) };
};
const rate = fc.integer({ min: 0, max: 1000 }).map((x) => x / 1000);
// an additional measure folded into the all-in: in force on part of the period (or all of it)
const folded = fc.record({ rate, from: fc.integer({ min: -400, max: 364 }), length: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }) });

describe("all-in measures", () => {
  it("total rate on a slot = max(MFN, all-in rate) when both are in force all period", () => {
    fc.assert(
      fc.property(
        rate,
        rate,
        fc.array(folded, { maxLength: 4 }),
        fc.option(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 12, maxLength: 12 }), { nil: undefined }),
        fc.integer({ min: 0, max: 365 }),
        (mfnRate, allInRate, others, profile, allInStart) => {
          const day = (k: number) => new Date((period.start + k) * 86_400_000).toISOString().slice(0, 10);
          const ids = others.map((_, i) => `add${i}`);
          const measures = [
            dated(["mfn", mfnRate, { kind: "mfn" }]),
            // the all-in starts on or before the first day of the period
            dated(["all-in", allInRate, { kind: "all-in", origins: ["JP"], inclusiveOf: ["mfn", ...ids], from: day(-allInStart) }]),
            ...others.map((o, i) =>
              dated([ids[i] as string, o.rate, { from: day(o.from), ...(o.length !== undefined ? { to: day(o.from + o.length) } : {}) }]),
            ),
          ];
          const weights = profile?.some((x) => x > 0) ? cumulativeDayWeights(period, profile) : undefined;
          const total = schedule(measures, slot, period, weights).reduce((s, e) => s + e.rate, 0);
          expect(total).toBeCloseTo(Math.max(mfnRate, allInRate), 12);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});
