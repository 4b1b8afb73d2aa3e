import { describe, expect, it } from "vitest";
import { cumulativeDayWeights, dayNumber, expandHorizon, fiscalYear, isoOf, periodFromDays, shareOfPeriod } from "../src/index.js";

describe("fiscal years", () => {
  it("FY2025 with an April start runs 2025-04-01 to 2026-03-31, 365 days", () => {
    const fy = fiscalYear(2025, 4);
    expect(isoOf(fy.start)).toBe("2025-04-01");
    expect(isoOf(fy.end)).toBe("2026-03-31");
    expect(fy.end - fy.start + 1).toBe(365);
  });

  it("FY2023 (April start) contains 2024-02-29 and has 366 days", () => {
    const [p] = expandHorizon({ fiscalYears: { from: 2023, to: 2023, startMonth: 4 } });
    expect(p?.id).toBe("FY2023");
    expect(isoOf(p?.start ?? 0)).toBe("2023-04-01");
    expect(isoOf(p?.end ?? 0)).toBe("2024-03-31");
    const leapDay = dayNumber("2024-02-29");
    expect(leapDay >= (p?.start ?? 0) && leapDay <= (p?.end ?? 0)).toBe(true);
    expect(p?.days).toBe(366);
  });

  it("a January start gives the calendar year", () => {
    const fy = fiscalYear(2024, 1);
    expect(isoOf(fy.start)).toBe("2024-01-01");
    expect(isoOf(fy.end)).toBe("2024-12-31");
  });

  it("a fiscal-year horizon expands to consecutive years, indexed from 0", () => {
    const ps = expandHorizon({ fiscalYears: { from: 2025, to: 2027, startMonth: 4 } });
    expect(ps.map((p) => p.id)).toEqual(["FY2025", "FY2026", "FY2027"]);
    expect(ps.map((p) => p.index)).toEqual([0, 1, 2]);
    // each year starts the day after the previous one ends
    expect((ps[1]?.start ?? 0) - (ps[0]?.end ?? 0)).toBe(1);
    expect((ps[2]?.start ?? 0) - (ps[1]?.end ?? 0)).toBe(1);
  });
});

describe("period length in years", () => {
  it("is months / 12: a fiscal year is 1, a quarter 0.25, one month 1/12", () => {
    const ps = expandHorizon({
      periods: [
        { id: "Q1", start: "2025-04-01", end: "2025-06-30" },
        { id: "Jul", start: "2025-07-01", end: "2025-07-31" },
        { id: "H2", start: "2025-08-01", end: "2026-03-31" },
      ],
    });
    expect(ps.map((p) => p.months)).toEqual([3, 1, 8]);
    expect(ps[0]?.years).toBeCloseTo(0.25, 12);
    expect(ps[1]?.years).toBeCloseTo(1 / 12, 12);
    expect(ps[2]?.years).toBeCloseTo(8 / 12, 12);
    // Q1: 30 + 31 + 30 = 91 days
    expect(ps[0]?.days).toBe(91);
    const [fy] = expandHorizon({ fiscalYears: { from: 2025, to: 2025, startMonth: 4 } });
    expect(fy?.years).toBe(1);
  });
});

describe("shareOfPeriod", () => {
  const fy = fiscalYear(2025, 4);
  const period = periodFromDays("FY2025", 0, fy.start, fy.end);

  it("without a profile is days in range ÷ days in period, both ends inclusive", () => {
    // 2025-04-03 .. 2025-09-15 = 28 + 31 + 30 + 31 + 31 + 15 = 166 days of 365
    expect(shareOfPeriod(period, dayNumber("2025-04-03"), dayNumber("2025-09-15"))).toBeCloseTo(166 / 365, 12);
    // a single day counts as one day
    expect(shareOfPeriod(period, dayNumber("2025-06-01"), dayNumber("2025-06-01"))).toBeCloseTo(1 / 365, 12);
  });

  it("clips the range to the period and is 0 outside it", () => {
    // 2025-01-01 .. 2025-04-10 clipped to 2025-04-01 .. 2025-04-10 = 10 days
    expect(shareOfPeriod(period, dayNumber("2025-01-01"), dayNumber("2025-04-10"))).toBeCloseTo(10 / 365, 12);
    expect(shareOfPeriod(period, dayNumber("2026-04-01"), Number.POSITIVE_INFINITY)).toBe(0);
    expect(shareOfPeriod(period, dayNumber("1990-01-01"), Number.POSITIVE_INFINITY)).toBe(1);
  });

  it("with a monthly profile weighs each month by its profile entry", () => {
    // January weighs 2, every other month 1: total 13; April 2025 = 1/13, January 2026 = 2/13
    const profile = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const cum = cumulativeDayWeights(period, profile);
    expect(cum[period.days]).toBeCloseTo(13, 12);
    expect(shareOfPeriod(period, dayNumber("2025-04-01"), dayNumber("2025-04-30"), cum)).toBeCloseTo(1 / 13, 12);
    expect(shareOfPeriod(period, dayNumber("2026-01-01"), dayNumber("2026-01-31"), cum)).toBeCloseTo(2 / 13, 12);
    // within a month, days weigh evenly: 2025-04-01 .. 2025-04-15 = 15/30 of April's 1/13
    expect(shareOfPeriod(period, dayNumber("2025-04-01"), dayNumber("2025-04-15"), cum)).toBeCloseTo(15 / 30 / 13, 12);
    // 2026-01-16 .. 2026-02-14 = 16/31 × 2/13 + 14/28 × 1/13 = 0.1222084
    expect(shareOfPeriod(period, dayNumber("2026-01-16"), dayNumber("2026-02-14"), cum)).toBeCloseTo((16 / 31) * (2 / 13) + (14 / 28) * (1 / 13), 12);
  });

  it("a flat profile gives a month its share 1/12, not days/365", () => {
    // February 2026 with a flat profile: 1/12 = 0.083333; evenly by day it would be 28/365 = 0.076712
    const cum = cumulativeDayWeights(period, Array(12).fill(1));
    expect(shareOfPeriod(period, dayNumber("2026-02-01"), dayNumber("2026-02-28"), cum)).toBeCloseTo(1 / 12, 12);
    expect(shareOfPeriod(period, dayNumber("2026-02-01"), dayNumber("2026-02-28"))).toBeCloseTo(28 / 365, 12);
  });

  it("months with zero weight carry no volume", () => {
    // only July and August sell, 3:1 → 2025-08-01 .. end = 1/4
    const profile = [0, 0, 0, 0, 0, 0, 3, 1, 0, 0, 0, 0];
    const cum = cumulativeDayWeights(period, profile);
    expect(shareOfPeriod(period, dayNumber("2025-08-01"), period.end, cum)).toBeCloseTo(0.25, 12);
    expect(shareOfPeriod(period, dayNumber("2025-09-01"), period.end, cum)).toBe(0);
  });
});
