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

/** The day-weighted schedules of one slot and sales profile, by period index, each computed on first use. */
export class SlotSchedules {
  private readonly byPeriod: (ScheduleEntry[] | undefined)[] = [];
  constructor(private readonly compute: (t: number) => ScheduleEntry[]) {}

  at(t: number): ScheduleEntry[] {
    let s = this.byPeriod[t];
    if (s === undefined) {
      s = this.compute(t);
      this.byPeriod[t] = s;
    }
    return s;
  }
}

/**
 * Caches day-weighted schedules: they depend only on slot, period and sales
 * profile. Speed: the evaluator resolves a slot's SlotSchedules once per
 * program, plant and market (`series`) and then indexes it by period, so no
 * key string (slot key, joined profile) is built per flow.
 */
export class ScheduleCache {
  private readonly cache = new Map<string, SlotSchedules>();
  private readonly weights = new Map<string, Float64Array>();
  private readonly profileKeys = new WeakMap<readonly number[], string>();
  constructor(private readonly model: Model) {}

  get(slot: Slot, t: number, kinds: "duties" | "offsets", profile?: readonly number[]): ScheduleEntry[] {
    return this.series(slot, kinds, profile).at(t);
  }

  series(slot: Slot, kinds: "duties" | "offsets", profile?: readonly number[]): SlotSchedules {
    const pkey = profile ? this.profileKey(profile) : "";
    const key = `${slotKey(slot)}|${kinds}|${pkey}`;
    let s = this.cache.get(key);
    if (s === undefined) {
      const fixed = { ...slot };
      s = new SlotSchedules((t) => this.compute(fixed, t, kinds, profile, pkey));
      this.cache.set(key, s);
    }
    return s;
  }

  private compute(slot: Slot, t: number, kinds: "duties" | "offsets", profile: readonly number[] | undefined, pkey: string): ScheduleEntry[] {
    const period = this.model.periods[t];
    if (!period) throw new Error(`internal: no period ${t}`);
    return schedule(this.model.measures, slot, period, profile ? this.dayWeights(t, profile, pkey) : undefined, kinds);
  }

  /** Programs share profiles by value; the key is joined once per profile array (number formatting is slow). */
  private profileKey(profile: readonly number[]): string {
    let key = this.profileKeys.get(profile);
    if (key === undefined) {
      key = profile.join(",");
      this.profileKeys.set(profile, key);
    }
    return key;
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

/** Schedules of the duties on a finished vehicle built in `plant` and imported into `importer`; none when built there. */
export function vehicleSchedules(
  cache: ScheduleCache,
  program: Program,
  plant: Plant,
  importer: string,
  profile?: readonly number[],
): SlotSchedules | undefined {
  if (plant.country === importer) return undefined;
  const slot: Slot = { importer, origin: plant.country, category: program.category, usmcaQualifying: usmcaStatus(program, plant.country) };
  return cache.series(slot, "duties", profile);
}

/** Duty per unit on a finished vehicle: one charge per measure in force, each rate × its basis. */
export function vehicleDuties(entries: readonly ScheduleEntry[], program: Program, customsValue: number): MeasureCharge[] {
  return entries.map((e) => ({
    measureId: e.measure.id,
    perUnit: e.rate * customsValue * basisFactor(e.measure.basis, program.content),
  }));
}

/** One content origin of a vehicle whose parts are imported into the plant's country. */
export interface PartsSlot {
  share: number;
  schedules: SlotSchedules;
}

/**
 * The imported parts of a vehicle assembled in `plant`: for each content
 * origin other than the plant's country, the parts value from that origin is
 * an import into the plant's country. Parts from USMCA countries count as
 * USMCA-compliant. Period-independent, so resolved once per program and plant.
 */
export function partsSlots(cache: ScheduleCache, program: Program, plant: Plant): PartsSlot[] {
  const out: PartsSlot[] = [];
  for (const [origin, share] of contentEntries(program)) {
    if (origin === plant.country || share === 0) continue;
    const slot: Slot = { importer: plant.country, origin, category: "parts", usmcaQualifying: USMCA_COUNTRIES.has(origin) };
    out.push({ share, schedules: cache.series(slot, "duties") });
  }
  return out;
}

/** Parts duties per unit on a vehicle in period t, summed by measure over the content origins. */
export function partsDuties(model: Model, program: Program, slots: readonly PartsSlot[], t: number): MeasureCharge[] {
  const partsValue = toBase(model, program.partsValue ?? program.variableCost * model.scenario.parameters.partsShareOfVariableCost, program.currency, t);
  const out = new Map<string, number>();
  for (const { share, schedules } of slots) {
    for (const e of schedules.at(t)) {
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

/** Schedules of the offset credits of a vehicle assembled and sold in the same country; none otherwise. */
export function offsetSchedules(
  cache: ScheduleCache,
  program: Program,
  plant: Plant,
  marketCountry: string,
  profile?: readonly number[],
): SlotSchedules | undefined {
  if (plant.country !== marketCountry) return undefined;
  const slot: Slot = { importer: plant.country, origin: plant.country, category: program.category, usmcaQualifying: usmcaStatus(program, plant.country) };
  return cache.series(slot, "offsets", profile);
}

/** Offset credit per unit (before the cap): rate × MSRP for each offset in force. */
export function offsetCredits(entries: readonly ScheduleEntry[], msrpBase: number): MeasureCharge[] {
  return entries.map((e) => ({ measureId: e.measure.id, perUnit: e.rate * msrpBase }));
}
