/** Calendar arithmetic on ISO dates as UTC day numbers (days since 1970-01-01). */

const MS_PER_DAY = 86_400_000;

/** Day numbers of the dates read so far: a scenario names a few hundred, read again in every evaluation (speed: Date.parse was a fortieth of a sweep draw). */
const days = new Map<string, number>();
const KEPT_DAYS = 10_000;

export function dayNumber(iso: string): number {
  let d = days.get(iso);
  if (d === undefined) {
    d = Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
    // Bounded: a process reading many scenarios (a server) starts the memo again rather than growing it.
    if (days.size >= KEPT_DAYS) days.clear();
    days.set(iso, d);
  }
  return d;
}

export function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Last day of the month that contains `day`. */
export function monthEnd(year: number, month: number): number {
  return Math.round(Date.UTC(year, month, 0) / MS_PER_DAY);
}

export function monthStart(year: number, month: number): number {
  return Math.round(Date.UTC(year, month - 1, 1) / MS_PER_DAY);
}

export interface YearMonth {
  year: number;
  month: number; // 1-12
}

export function yearMonthOf(day: number): YearMonth {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

export function daysInMonth(year: number, month: number): number {
  return monthEnd(year, month) - monthStart(year, month) + 1;
}
