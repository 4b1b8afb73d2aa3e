import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cumulativeDayWeights, dayNumber, daysInMonth, profileWeight, type ScenarioInput } from "../src/index.js";
import { scenarios } from "./arbitraries.js";
import { FY2025, FY2025_MONTHS, fyMonth, run, where } from "./fixtures.js";

// Day-weighting is additive: the duty of FY2025 equals the Σ of the duties of its 12 months when
// each month carries the volume that the annual model puts on it. Without a profile, volume is
// spread evenly over days, so month m carries D × days(m)/365; with a monthly profile p, month m
// carries D × p(m)/Σp (the profile weighs months, and days evenly within a month).
// Offsets are compared before the cap (offsetCap: none): the cap is a min(), not additive.

const monthIds = FY2025_MONTHS.periods.map((p) => p.id);
const monthYear = (i: number) => (i < 9 ? 2025 : 2026);

function monthly(input: ScenarioInput): ScenarioInput {
  return {
    ...input,
    horizon: FY2025_MONTHS,
    programs: input.programs.map((p) => ({
      ...p,
      markets: Object.fromEntries(
        Object.entries(p.markets).map(([id, m]) => {
          const annual = m.demand as number;
          const profile = m.monthlyProfile;
          const sum = profile ? profile.reduce((a, b) => a + b, 0) : 0;
          const share = (i: number) => (profile ? (profile[fyMonth(i) - 1] ?? 0) / sum : daysInMonth(monthYear(i), fyMonth(i)) / 365);
          return [id, { ...m, demand: Object.fromEntries(monthIds.map((mid, i) => [mid, annual * share(i)])) }];
        }),
      ),
    })),
  };
}

const gen = (profiles: boolean) =>
  scenarios({ horizon: FY2025, periods: ["FY2025"], fxPeriods: monthIds, profiles, offsets: true, jpy: true }).map((s) => ({
    ...s,
    parameters: { offsetCap: "none" as const },
  }));

function expectAdditive(input: ScenarioInput, columns: string[]): number {
  const year = run(input);
  const months = run(monthly(input));
  let charged = 0;
  for (const f of where(year.flows, {})) {
    const key = { program: f.program ?? null, plant: f.plant ?? null, market: f.market ?? null };
    const parts = where(months.flows, key);
    for (const c of columns) {
      const annual = f[c] as number;
      const summed = parts.reduce((s, r) => s + (r[c] as number), 0);
      if (c !== "units" && annual > 0) charged++;
      expect(Math.abs(summed - annual), `${c} of ${JSON.stringify(key)}: Σ months ${summed} vs year ${annual}`).toBeLessThanOrEqual(
        1e-7 * Math.max(1, Math.abs(annual)),
      );
    }
  }
  return charged;
}

describe("day-weighting is additive over a split of the period", () => {
  it("without a profile: units, vehicle duty, parts duty and offsets of FY2025 = Σ of its 12 months", () => {
    let charged = 0;
    fc.assert(
      fc.property(gen(false), (input) => {
        charged += expectAdditive(input, ["units", "vehicleDuty", "partsDuty", "offset"]);
      }),
      { seed: 42, numRuns: 100 },
    );
    expect(charged).toBeGreaterThan(50);
  });

  it("with a monthly profile: units, vehicle duty and offsets of FY2025 = Σ of its months carrying the profile's volumes", () => {
    let charged = 0;
    fc.assert(
      fc.property(gen(true), (input) => {
        charged += expectAdditive(input, ["units", "vehicleDuty", "offset"]);
      }),
      { seed: 42, numRuns: 100 },
    );
    expect(charged).toBeGreaterThan(50);
  });

  it("with a monthly profile: parts duty of FY2025 = Σ of its months carrying the profile's volumes", () => {
    fc.assert(
      fc.property(gen(true), (input) => {
        expectAdditive(input, ["partsDuty"]);
      }),
      { seed: 42, numRuns: 100 },
    );
  });
});

describe("a period's weight under a monthly profile", () => {
  it("is the day-by-day cumulative weight's total, for any whole-month or part-month period and profile", () => {
    // profileWeight walks months; cumulativeDayWeights walks days. Validation uses the first (it ran once per program, market and period).
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 800 }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 12, maxLength: 12 }),
        (offset, length, profile) => {
          const start = dayNumber("2024-01-01") + offset;
          const period = { id: "p", index: 0, start, end: start + length - 1, days: length, months: length / 30.4, years: length / 365 };
          const byDays = cumulativeDayWeights(period, profile)[length] ?? 0;
          expect(profileWeight(period, profile)).toBeCloseTo(byDays, 9);
        },
      ),
    );
  });
});
