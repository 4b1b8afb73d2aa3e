/** Calendar arithmetic on ISO dates as UTC day numbers (days since 1970-01-01). */

const MS_PER_DAY = 86_400_000;

export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
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
