import type { TariffMeasure } from "../schema/tariff.js";
import { type Period, shareOfPeriod } from "../time/periods.js";
import { covers, type Slot } from "./slot.js";
import { stack } from "./stacking.js";

/** A measure's day-weighted rate over a period on one slot. */
export interface ScheduleEntry {
  measure: TariffMeasure;
  /** Σ over the period's days of charged rate × that day's share of volume. */
  rate: number;
}

export interface DatedMeasure {
  measure: TariffMeasure;
  from: number; // day number, inclusive
  to: number; // day number, inclusive (Infinity when open-ended)
}

/**
 * Day-weighted schedule of one slot over one period. The period is cut at
 * every date where a covering measure starts or ends; within each piece the
 * set of measures in force is constant, so stacking is applied per piece and
 * weighted by the piece's share of the period's volume. This makes the result
 * exactly Σ_days rate(day) × volume(day) without iterating over days.
 */
export function schedule(
  measures: readonly DatedMeasure[],
  slot: Slot,
  period: Period,
  dayWeights?: Float64Array,
  kinds: "duties" | "offsets" = "duties",
): ScheduleEntry[] {
  const relevant = measures.filter(
    (d) => (kinds === "offsets") === (d.measure.kind === "offset") && d.from <= period.end && d.to >= period.start && covers(d.measure, slot),
  );
  if (relevant.length === 0) return [];
  const cuts = new Set<number>([period.start, period.end + 1]);
  for (const d of relevant) {
    if (d.from > period.start) cuts.add(d.from);
    if (d.to < period.end) cuts.add(d.to + 1);
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const byMeasure = new Map<string, ScheduleEntry>();
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i] as number;
    const to = (bounds[i + 1] as number) - 1;
    const inForce = relevant.filter((d) => d.from <= from && d.to >= to).map((d) => d.measure);
    if (inForce.length === 0) continue;
    const weight = shareOfPeriod(period, from, to, dayWeights);
    if (weight === 0) continue;
    const charged = kinds === "offsets" ? offsetsInForce(inForce) : stack(inForce);
    for (const c of charged) {
      const e = byMeasure.get(c.measure.id);
      if (e) e.rate += c.rate * weight;
      else byMeasure.set(c.measure.id, { measure: c.measure, rate: c.rate * weight });
    }
  }
  return [...byMeasure.values()].filter((e) => e.rate !== 0);
}

/** Offsets stack only through `supersedes` (a later schedule replacing an earlier one). */
function offsetsInForce(inForce: readonly TariffMeasure[]) {
  const suppressed = new Set(inForce.flatMap((m) => m.supersedes));
  return inForce.filter((m) => !suppressed.has(m.id)).map((m) => ({ measure: m, rate: m.rate }));
}
