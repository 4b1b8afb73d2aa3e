import type { Scenario } from "../scenario/schema.js";
import { dayNumber, daysInMonth, monthStart, yearMonthOf } from "../time/dates.js";
import { expandHorizon, type Period } from "../time/periods.js";

/**
 * Discount factor of a period's amount: amounts arrive, on average, in the
 * middle of their period, discounted at the annual rate r to the valuation
 * date, `asOf` years after the horizon's start (0: the start itself):
 * (1 + r)^−τ, τ = years from the valuation date to the period's middle
 * (negative for a period before it, whose amount is compounded forward).
 */
export function discountFactors(periods: readonly Period[], rate: number, asOf = 0): number[] {
  const first = periods[0];
  if (!first) return [];
  let monthsBefore = 0;
  return periods.map((p) => {
    const tau = (monthsBefore + p.months / 2) / 12 - asOf;
    monthsBefore += p.months;
    return (1 + rate) ** -tau;
  });
}

/** Net present value of amounts by period index. */
export function npv(amounts: readonly number[], factors: readonly number[]): number {
  let s = 0;
  amounts.forEach((a, t) => {
    s += a * (factors[t] ?? 0);
  });
  return s;
}

/** The day NPVs are valued at: `parameters.valuationDate`, else the horizon's first day. */
export function valuationDay(s: Pick<Scenario, "horizon" | "parameters">): number {
  const date = s.parameters.valuationDate;
  return date !== undefined ? dayNumber(date) : (expandHorizon(s.horizon)[0]?.start ?? 0);
}

/**
 * Years from the horizon's start to the valuation date, the `asOf` of
 * discountFactors, counted in months as the periods are (a month's days as
 * a fraction of it): 2025-04-01 to 2026-04-01 is exactly 1, to 2025-10-01
 * is 0.5, to 2025-08-16 is (4 + 15/31) / 12.
 */
export function valuationOffset(s: Pick<Scenario, "horizon" | "parameters">): number {
  const months = (day: number) => {
    const { year, month } = yearMonthOf(day);
    return year * 12 + month - 1 + (day - monthStart(year, month)) / daysInMonth(year, month);
  };
  return (months(valuationDay(s)) - months(expandHorizon(s.horizon)[0]?.start ?? 0)) / 12;
}
