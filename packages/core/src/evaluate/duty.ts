import { type Model, toBase } from "../model.js";
import type { Plant } from "../schema/plant.js";
import type { Program } from "../schema/program.js";
import { basisFactor } from "../tariff/basis.js";
import { type ScheduleEntry, schedule } from "../tariff/schedule.js";
import { type Slot, slotKey, USMCA_COUNTRIES } from "../tariff/slot.js";
import { cumulativeDayWeights } from "../time/periods.js";

/** Per-unit amount charged by one measure, in the base currency. */
export interface MeasureCharge {
  measureId: string;
  perUnit: number;
}

/** Caches day-weighted schedules: they depend only on slot, period and sales profile. */
export class ScheduleCache {
  private readonly cache = new Map<string, ScheduleEntry[]>();
  private readonly weights = new Map<string, Float64Array>();
  constructor(private readonly model: Model) {}

  get(slot: Slot, t: number, kinds: "duties" | "offsets", profile?: readonly number[]): ScheduleEntry[] {
    const pkey = profile ? profile.join(",") : "";
    const key = `${slotKey(slot)}|${t}|${kinds}|${pkey}`;
    let s = this.cache.get(key);
    if (s === undefined) {
      const period = this.model.periods[t];
      if (!period) throw new Error(`internal: no period ${t}`);
      s = schedule(this.model.measures, slot, period, profile ? this.dayWeights(t, profile, pkey) : undefined, kinds);
      this.cache.set(key, s);
    }
    return s;
  }

  private dayWeights(t: number, profile: readonly number[], pkey: string): Float64Array {
    const key = `${t}|${pkey}`;
    let w = this.weights.get(key);
    if (w === undefined) {
      w = cumulativeDayWeights(this.model.periods[t] as never, profile);
      this.weights.set(key, w);
    }
    return w;
  }
}

export function usmcaStatus(program: Program, origin: string): boolean {
  return program.usmcaQualifying && USMCA_COUNTRIES.has(origin);
}

/** Customs value per unit of a finished vehicle, in the base currency (the declared transfer price). */
export function customsValuePerUnit(model: Model, program: Program, priceBase: number, marketCurrency: string, t: number): number {
  const cv = program.customsValue ?? model.scenario.parameters.customsValue;
  if ("shareOfPrice" in cv) return cv.shareOfPrice * priceBase;
  if ("markupOnCost" in cv) return (1 + cv.markupOnCost) * toBase(model, program.variableCost, program.currency, t);
  return toBase(model, cv.perUnit, marketCurrency, t);
}

/**
 * Duty per unit on a finished vehicle built in `plant` and imported into the
 * market's country: one charge per measure, each rate × its basis.
 */
export function vehicleDuties(
  cache: ScheduleCache,
  program: Program,
  plant: Plant,
  importer: string,
  customsValue: number,
  t: number,
  profile?: readonly number[],
): MeasureCharge[] {
  if (plant.country === importer) return [];
  const slot: Slot = { importer, origin: plant.country, category: program.category, usmcaQualifying: usmcaStatus(program, plant.country) };
  return cache.get(slot, t, "duties", profile).map((e) => ({
    measureId: e.measure.id,
    perUnit: e.rate * customsValue * basisFactor(e.measure.basis, program.content),
  }));
}

/**
 * Parts duties per unit on a vehicle assembled in `plant`: for each content
 * origin other than the plant's country, the parts value from that origin is
 * an import into the plant's country. Parts from USMCA countries count as
 * USMCA-compliant.
 */
export function partsDuties(cache: ScheduleCache, model: Model, program: Program, plant: Plant, t: number): MeasureCharge[] {
  const partsValue = toBase(model, program.partsValue ?? program.variableCost * model.scenario.parameters.partsShareOfVariableCost, program.currency, t);
  const out = new Map<string, number>();
  for (const [origin, share] of contentEntries(program)) {
    if (origin === plant.country || share === 0) continue;
    const slot: Slot = { importer: plant.country, origin, category: "parts", usmcaQualifying: USMCA_COUNTRIES.has(origin) };
    for (const e of cache.get(slot, t, "duties")) {
      const amount = e.rate * partsValue * share * basisFactor(e.measure.basis, {});
      out.set(e.measure.id, (out.get(e.measure.id) ?? 0) + amount);
    }
  }
  return [...out].map(([measureId, perUnit]) => ({ measureId, perUnit }));
}

/** Content shares with the unnamed remainder as "other" foreign content. */
export function contentEntries(program: Program): [string, number][] {
  const entries = Object.entries(program.content);
  const named = entries.reduce((s, [, v]) => s + v, 0);
  const rest = Math.max(0, 1 - named);
  const other = program.content.other;
  if (other === undefined && rest > 1e-12) entries.push(["other", rest]);
  return entries;
}

/** Offset credit per unit (before the cap) for a vehicle assembled and sold in the same country. */
export function offsetCredits(
  cache: ScheduleCache,
  program: Program,
  plant: Plant,
  marketCountry: string,
  msrpBase: number,
  t: number,
  profile?: readonly number[],
): MeasureCharge[] {
  if (plant.country !== marketCountry) return [];
  const slot: Slot = { importer: plant.country, origin: plant.country, category: program.category, usmcaQualifying: usmcaStatus(program, plant.country) };
  return cache.get(slot, t, "offsets", profile).map((e) => ({ measureId: e.measure.id, perUnit: e.rate * msrpBase }));
}
