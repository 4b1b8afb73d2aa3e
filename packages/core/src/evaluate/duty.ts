import { type Model, toBase } from "../model/model.js";
import type { Plant } from "../schema/plant.js";
import type { Program } from "../schema/program.js";
import { basisFactor } from "../tariff/basis.js";
import { type DatedMeasure, type ScheduleEntry, schedule } from "../tariff/schedule.js";
import { type Slot, slotKey, USMCA_COUNTRIES } from "../tariff/slot.js";
import { cumulativeDayWeights } from "../time/periods.js";
import { contentEntries, partsValueAt } from "./costs.js";

/** Per-unit amount charged by one measure, in the base currency; `code` is the measure's index in the model. */
export interface MeasureCharge {
  code: number;
  measureId: string;
  perUnit: number;
}

/** A schedule entry with its measure's code (index in the model's measures). */
export interface MeasureRate extends ScheduleEntry {
  code: number;
}

/** The day-weighted schedules of one slot and sales profile, by period index, each computed on first use. */
export class SlotSchedules {
  private readonly byPeriod: (MeasureRate[] | undefined)[] = [];
  constructor(private readonly compute: (t: number) => MeasureRate[]) {}

  at(t: number): MeasureRate[] {
    let s = this.byPeriod[t];
    if (s === undefined) {
      s = this.compute(t);
      this.byPeriod[t] = s;
    }
    return s;
  }
}

/** What a schedule holds: duties, offsets, or the offsets also credited on exports. */
type Kinds = "duties" | "offsets" | "export-offsets";

/** A monthly sales profile, shared by every program-market that has the same one. */
export interface SalesProfile {
  values: readonly number[];
  key: string;
  /** Cumulative day weights by period index, computed on first use. */
  weights: (Float64Array | undefined)[];
}

/**
 * Caches day-weighted schedules: they depend only on slot, period and sales
 * profile, given the model's measures, periods, entry lags and sale window,
 * so the models of one scenario built by buildModel with deal options only
 * (no sale window: a sweep draw's counterfactuals and price fit) may share
 * one. Speed: the evaluator resolves a slot's SlotSchedules once per
 * program, plant and market (`series`) and then indexes it by period, so no
 * key string (slot key, joined profile) is built per flow.
 */
export class ScheduleCache {
  private readonly cache = new Map<string, SlotSchedules>();
  private readonly profiles = new Map<string, SalesProfile>();
  private readonly routes = new WeakMap<Program, Map<string, unknown>>();
  private readonly codes: Map<string, number>;
  readonly defaultLag: number;
  readonly lagByOrigin: Readonly<Record<string, number>>;
  /** What the evaluator shares between the models that share this cache besides schedules: codes, lanes, routes (see evaluate/flows.ts). */
  shared: unknown = undefined;
  constructor(readonly model: Model) {
    this.codes = new Map(model.measures.map((d, i) => [d.measure.id, i]));
    this.defaultLag = model.scenario.parameters.entryLagDays;
    this.lagByOrigin = model.scenario.parameters.entryLagByOrigin;
  }

  private readonly byLag = new Map<number, readonly DatedMeasure[]>();

  /**
   * The measures by the days of the sales they reach: entries on [from, to]
   * are sold on [from + lag, to + lag]; cut to the model's sale window.
   */
  private measuresSold(lag: number): readonly DatedMeasure[] {
    const w = this.model.saleWindow;
    if (lag === 0 && !w) return this.model.measures;
    let m = this.byLag.get(lag);
    if (m === undefined) {
      const out: DatedMeasure[] = [];
      for (const d of this.model.measures) {
        const sold = { ...d, from: d.from + lag, to: d.to + lag };
        if (w && (w.offsets || d.measure.kind !== "offset")) {
          sold.from = Math.max(sold.from, w.from);
          sold.to = Math.min(sold.to, w.to);
          if (sold.from > sold.to) continue;
        }
        out.push(sold);
      }
      m = out;
      this.byLag.set(lag, m);
    }
    return m;
  }

  /**
   * What `make` resolves for a program built at a plant, once per cache: the
   * schedules of its legs depend on the program, the plant's id and country
   * and the markets' profiles, which deals do not change, so the models
   * sharing this cache share them too (speed: no slot key per leg and model).
   */
  route<T>(program: Program, plantId: string, make: () => T): T {
    let byPlant = this.routes.get(program);
    if (byPlant === undefined) {
      byPlant = new Map();
      this.routes.set(program, byPlant);
    }
    let r = byPlant.get(plantId) as T | undefined;
    if (r === undefined) {
      r = make();
      byPlant.set(plantId, r);
    }
    return r;
  }

  /** The shared profile with these values (programs share profiles by value). */
  profile(values: readonly number[]): SalesProfile {
    const key = values.join(",");
    let p = this.profiles.get(key);
    if (p === undefined) {
      p = { values, key, weights: [] };
      this.profiles.set(key, p);
    }
    return p;
  }

  /** `lag`: days from entry to sale; a sale on day d pays the rates in force on d − lag. */
  series(slot: Slot, kinds: Kinds, profile?: SalesProfile, lag = 0): SlotSchedules {
    const key = `${slotKey(slot)}|${kinds}|${profile?.key ?? ""}|${lag}`;
    let s = this.cache.get(key);
    if (s === undefined) {
      const fixed = { ...slot };
      s = new SlotSchedules((t) => this.compute(fixed, t, kinds, profile, lag));
      this.cache.set(key, s);
    }
    return s;
  }

  private compute(slot: Slot, t: number, kinds: Kinds, profile: SalesProfile | undefined, lag: number): MeasureRate[] {
    const period = this.model.periods[t];
    if (!period) throw new Error(`internal: no period ${t}`);
    let weights: Float64Array | undefined;
    if (profile) {
      weights = profile.weights[t] ?? cumulativeDayWeights(period, profile.values);
      profile.weights[t] = weights;
    }
    const entries = schedule(this.measuresSold(lag), slot, period, weights, kinds === "duties" ? "duties" : "offsets");
    return entries
      .filter((e) => kinds !== "export-offsets" || e.measure.earnedOnExports)
      .map((e) => ({ measure: e.measure, rate: e.rate, code: this.codes.get(e.measure.id) as number }));
  }
}

/** Days from entry to sale of a program's goods from `origin`: the program's own lag, else the origin's, else the scenario's. */
function lagOf(cache: ScheduleCache, program: Program, origin: string): number {
  return program.entryLagDays ?? cache.lagByOrigin[origin] ?? cache.defaultLag;
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
export function vehicleSchedules(cache: ScheduleCache, program: Program, plant: Plant, importer: string, profile?: SalesProfile): SlotSchedules | undefined {
  if (plant.country === importer) return undefined;
  const slot: Slot = { importer, origin: plant.country, category: program.category, usmcaQualifying: usmcaStatus(program, plant.country) };
  return cache.series(slot, "duties", profile, lagOf(cache, program, plant.country));
}

/** Duty per unit on a finished vehicle charged by one measure in force: rate × customs value × its basis. */
export function vehicleCharge(e: ScheduleEntry, content: Readonly<Record<string, number>>, customsValue: number): number {
  return e.rate * customsValue * basisFactor(e.measure, content);
}

/** One content origin of a vehicle whose parts are imported into the plant's country. */
export interface PartsSlot {
  origin: string;
  share: number;
  schedules: SlotSchedules;
}

/**
 * The imported parts of a vehicle assembled in `plant`: for each content
 * origin other than the plant's country, the parts value from that origin is
 * an import into the plant's country. Parts from USMCA countries count as
 * USMCA-compliant. Period-independent, so resolved once per program, plant
 * and sales profile: the parts of the vehicles sold in a month enter with
 * them, so the day-weighting follows the market's profile as for the vehicle.
 */
export function partsSlots(cache: ScheduleCache, program: Program, plant: Plant, profile?: SalesProfile): PartsSlot[] {
  const out: PartsSlot[] = [];
  for (const [origin, share] of contentEntries(program, plant.id)) {
    if (origin === plant.country || share === 0) continue;
    const slot: Slot = { importer: plant.country, origin, category: "parts", usmcaQualifying: USMCA_COUNTRIES.has(origin) };
    out.push({ origin, share, schedules: cache.series(slot, "duties", profile, lagOf(cache, program, origin)) });
  }
  return out;
}

/** Parts duties per unit on a vehicle in period t, summed by measure over the content origins. */
export function partsDuties(model: Model, program: Program, slots: readonly PartsSlot[], t: number): MeasureCharge[] {
  const out = new Map<string, MeasureCharge>();
  for (const { origin, share, schedules } of slots) {
    const entries = schedules.at(t);
    if (entries.length === 0) continue;
    const value = partsValueAt(model, program, origin, share, t);
    for (const e of entries) {
      const amount = e.rate * value * basisFactor(e.measure, {});
      const charge = out.get(e.measure.id);
      if (charge) charge.perUnit += amount;
      else out.set(e.measure.id, { code: e.code, measureId: e.measure.id, perUnit: 0 + amount });
    }
  }
  return [...out.values()];
}

/** Schedules of the offset credits of a vehicle assembled in a country: all its offsets when sold there, those earned on exports otherwise. */
export function offsetSchedules(
  cache: ScheduleCache,
  program: Program,
  plant: Plant,
  marketCountry: string,
  profile?: SalesProfile,
): SlotSchedules | undefined {
  const slot: Slot = { importer: plant.country, origin: plant.country, category: program.category, usmcaQualifying: usmcaStatus(program, plant.country) };
  return cache.series(slot, plant.country === marketCountry ? "offsets" : "export-offsets", profile, lagOf(cache, program, plant.country));
}

/** Offset credit per unit (before the cap) of one offset in force: rate × MSRP. */
export function offsetCharge(e: ScheduleEntry, msrpBase: number): number {
  return e.rate * msrpBase;
}
