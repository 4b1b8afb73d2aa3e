import type { Horizon } from "../schema/horizon.js";
import { dayNumber, daysInMonth, monthEnd, monthStart, yearMonthOf } from "./dates.js";

/** A model period: inclusive day range, whole months. */
export interface Period {
  id: string;
  index: number;
  start: number; // day number, inclusive
  end: number; // day number, inclusive
  days: number;
  months: number;
  /** Length in years, months / 12: scales capacity and fixed cost. */
  years: number;
}

/** Fiscal year N starts on day 1 of startMonth of calendar year N (FY2025 = Apr 2025 - Mar 2026 for April). */
export function fiscalYear(year: number, startMonth: number): { start: number; end: number } {
  const start = monthStart(year, startMonth);
  const endMonth = startMonth === 1 ? 12 : startMonth - 1;
  const endYear = startMonth === 1 ? year : year + 1;
  return { start, end: monthEnd(endYear, endMonth) };
}

export function periodFromDays(id: string, index: number, start: number, end: number): Period {
  const a = yearMonthOf(start);
  const b = yearMonthOf(end);
  const months = (b.year - a.year) * 12 + (b.month - a.month) + 1;
  return { id, index, start, end, days: end - start + 1, months, years: months / 12 };
}

/** The periods of each horizon expanded so far, frozen: a sweep draw keeps the scenario's horizon and expands it a few dozen times. */
const expanded = new WeakMap<Horizon, readonly Readonly<Period>[]>();

/**
 * Expands a horizon into periods, in order. Validity (tiling, whole months) is
 * checked by validate/horizon.ts. A new array each call (callers may change
 * it) of periods that are shared and frozen.
 */
export function expandHorizon(h: Horizon): Period[] {
  let periods = expanded.get(h);
  if (periods === undefined) {
    periods = expandOnce(h).map((p) => Object.freeze(p));
    expanded.set(h, periods);
  }
  return periods.slice();
}

function expandOnce(h: Horizon): Period[] {
  if ("fiscalYears" in h) {
    const { from, to, startMonth } = h.fiscalYears;
    const out: Period[] = [];
    for (let y = from; y <= to; y++) {
      const fy = fiscalYear(y, startMonth);
      out.push(periodFromDays(`FY${y}`, y - from, fy.start, fy.end));
    }
    return out;
  }
  return h.periods.map((p, i) => periodFromDays(p.id, i, dayNumber(p.start), dayNumber(p.end)));
}

export function isWholeMonths(start: number, end: number): boolean {
  const a = yearMonthOf(start);
  const b = yearMonthOf(end);
  return start === monthStart(a.year, a.month) && end === monthEnd(b.year, b.month);
}

/**
 * Weight of each day of the period in its sales: with a monthly profile,
 * day d gets profile[month(d)] / daysInMonth(d); otherwise every day weighs
 * the same. Returned as cumulative sums so that the weight of any sub-range
 * costs O(1): weight(a..b) = cum[b - start + 1] - cum[a - start].
 */
export function cumulativeDayWeights(period: Period, profile?: readonly number[]): Float64Array {
  // Speed: a sweep asks for the same few (period, profile) tables in every evaluation of every draw; each costs a
  // date conversion per day. Shared tables are read-only by contract (no caller writes to them).
  const key = `${period.start}:${period.days}:${profile ? profile.join(",") : ""}`;
  const known = DAY_WEIGHTS.get(key);
  if (known) return known;
  const cum = new Float64Array(period.days + 1);
  let acc = 0;
  for (let i = 0; i < period.days; i++) {
    let w = 1;
    if (profile) {
      const { year, month } = yearMonthOf(period.start + i);
      w = (profile[month - 1] ?? 0) / daysInMonth(year, month);
    }
    acc += w;
    cum[i + 1] = acc;
  }
  if (DAY_WEIGHTS.size >= 4096) DAY_WEIGHTS.clear(); // bounded: a hostile scenario with many profiles cannot grow it without limit
  DAY_WEIGHTS.set(key, cum);
  return cum;
}

const DAY_WEIGHTS = new Map<string, Float64Array>();

/**
 * A period's total weight under a monthly profile: the last entry of
 * cumulativeDayWeights, Σ over the months it overlaps of profile[m] × (days
 * of m inside it ÷ days of m), in one step per month instead of one per day.
 */
export function profileWeight(period: Period, profile: readonly number[]): number {
  let total = 0;
  for (const { month, share } of monthsOf(period)) total += (profile[month - 1] ?? 0) * share;
  return total;
}

const MONTHS = new WeakMap<Period, { month: number; share: number }[]>();

/** The calendar months a period overlaps and the share of each month's days inside it (computed once per period). */
function monthsOf(period: Period): { month: number; share: number }[] {
  const known = MONTHS.get(period);
  if (known) return known;
  const out: { month: number; share: number }[] = [];
  let { year, month } = yearMonthOf(period.start);
  for (;;) {
    const from = Math.max(period.start, monthStart(year, month));
    if (from > period.end) break;
    const to = Math.min(period.end, monthEnd(year, month));
    out.push({ month, share: (to - from + 1) / daysInMonth(year, month) });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  MONTHS.set(period, out);
  return out;
}

/** Share of the period's volume that falls on days [from, to] (inclusive, clipped to the period). */
export function shareOfPeriod(period: Period, from: number, to: number, cum?: Float64Array): number {
  const a = Math.max(from, period.start);
  const b = Math.min(to, period.end);
  if (b < a) return 0;
  if (!cum) return (b - a + 1) / period.days;
  const total = cum[period.days] ?? 0;
  if (total === 0) return 0;
  return ((cum[b - period.start + 1] ?? 0) - (cum[a - period.start] ?? 0)) / total;
}
