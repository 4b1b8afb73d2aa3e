import type { Supply } from "../deals/effects.js";
import type { Model } from "../model/model.js";
import { basisFactor } from "../tariff/basis.js";
import { type Slot, USMCA_COUNTRIES } from "../tariff/slot.js";
import type { LedgerEntry } from "./companies.js";
import { type SalesProfile, ScheduleCache, type SlotSchedules } from "./duty.js";
import type { FlowColumns, FlowKeys } from "./flows.js";
import { type DutyLines, PARTS } from "./lines.js";

/**
 * Settles component supplies after the flows are computed (and before the
 * offset cap, so that offsets may offset the duties on supplied components).
 * For each flow of a listed program built by the buyer from the supply's
 * first period on, per unit:
 *  - the buyer no longer bears its own component (variable cost − replaced
 *    cost) and pays the supplier the price (transfer out);
 *  - the supplier receives the price (transfer in) and bears its cost;
 *  - when the component crosses a border (supplier plant's country ≠
 *    building plant's country), the buyer, who imports it, pays parts duty on
 *    its declared value, the price, under the measures covering the slot
 *    {importer: plant country, origin, parts, USMCA if origin in US/CA/MX},
 *    day-weighted with the flow's sales profile like the vehicle's other
 *    parts. These become duty lines of the flow and part of its partsDuty.
 * Units built by another company (contract manufacturing) are not supplied:
 * the host uses its own parts. Returns the amounts booked outside the flows,
 * per company and period, for companyRows; transfers sum to zero.
 *
 * Speed: one loop over the flows; everything it looks up (programs' supplies,
 * plant countries, market profiles, schedules) is prepared before it or
 * memoised, and amounts are summed by supply and period, not per flow.
 */
export function applySupplies(
  model: Model,
  flows: FlowColumns,
  keys: FlowKeys,
  duties: DutyLines,
  schedules: ScheduleCache = new ScheduleCache(model),
): LedgerEntry[] {
  if (model.effects.supplies.length === 0) return [];
  const books: Books = { flows, duties, cache: schedules };
  const settled = model.effects.supplies.map((s) => new Settlement(s, keys, model.periods.length));
  const byProgram = settlementsByProgram(model, books.cache, settled);
  const byIndex = model.programs.map((p) => byProgram.get(p.id));
  const countries = keys.plants.values.map((id) => model.plants.get(id)?.country ?? "");
  for (let f = 0; f < flows.units.length; f++) {
    const entry = byIndex[keys.program[f] as number];
    if (entry === undefined) continue;
    const t = keys.period[f] as number;
    for (const s of entry.settlements) {
      if (t < s.supply.from || keys.builder[f] !== s.buyer) continue;
      const u = flows.units[f] as number;
      s.units[t] = (s.units[t] as number) + u;
      const country = countries[keys.plant[f] as number] as string;
      if (country !== s.supply.origin) chargeDuty(s, f, t, country, entry.profiles.get(keys.markets.values[keys.market[f] as number] as string), books);
    }
  }
  return settled.flatMap((s) => s.ledger());
}

/** One supply being settled: its buyer's code, units supplied by period, and its duty schedules by importer and profile. */
class Settlement {
  readonly buyer: number;
  readonly units: Float64Array;
  readonly schedules = new Map<string, Map<SalesProfile | undefined, SlotSchedules>>();

  constructor(
    readonly supply: Supply,
    keys: FlowKeys,
    periods: number,
  ) {
    // -1 when the buyer builds nothing: no flow matches.
    this.buyer = keys.companies.get(supply.buyer) ?? -1;
    this.units = new Float64Array(periods);
  }

  /** Amounts outside the flows: the buyer's saving and payment, the supplier's receipt and cost. */
  ledger(): LedgerEntry[] {
    const { supply } = this;
    const out: LedgerEntry[] = [];
    this.units.forEach((u, t) => {
      if (u === 0) return;
      const price = (supply.price[t] ?? 0) * u;
      out.push(
        { company: supply.buyer, t, field: "variableCost", amount: -(supply.replacedCost[t] ?? 0) * u },
        { company: supply.buyer, t, field: "transferOut", amount: price },
        { company: supply.supplier, t, field: "transferIn", amount: price },
        { company: supply.supplier, t, field: "variableCost", amount: (supply.supplierCost[t] ?? 0) * u },
      );
    });
    return out;
  }

  /** The day-weighted parts-duty schedules of the component imported into `importer`, for one sales profile. */
  schedulesInto(importer: string, profile: SalesProfile | undefined, cache: ScheduleCache): SlotSchedules {
    let byProfile = this.schedules.get(importer);
    if (byProfile === undefined) {
      byProfile = new Map();
      this.schedules.set(importer, byProfile);
    }
    let s = byProfile.get(profile);
    if (s === undefined) {
      const { origin } = this.supply;
      const slot: Slot = { importer, origin, category: "parts", usmcaQualifying: USMCA_COUNTRIES.has(origin) };
      s = cache.series(slot, "duties", profile);
      byProfile.set(profile, s);
    }
    return s;
  }
}

/** The supplies of a program, and its markets' sales profiles (what the duty's day-weighting follows). */
interface ProgramSettlements {
  settlements: Settlement[];
  profiles: Map<string, SalesProfile | undefined>;
}

function settlementsByProgram(model: Model, cache: ScheduleCache, settled: readonly Settlement[]): Map<string, ProgramSettlements> {
  const out = new Map<string, ProgramSettlements>();
  for (const program of model.programs) {
    const settlements = settled.filter((s) => s.supply.programs.has(program.id));
    if (settlements.length === 0) continue;
    const profiles = new Map(Object.entries(program.markets).map(([id, pm]) => [id, pm.monthlyProfile && cache.profile(pm.monthlyProfile)]));
    out.set(program.id, { settlements, profiles });
  }
  return out;
}

/** What the pass writes to: the flows' partsDuty, the duty lines, and the schedules it reads. */
interface Books {
  flows: FlowColumns;
  duties: DutyLines;
  cache: ScheduleCache;
}

/** Parts duty on the supplied components of flow f: a duty line per measure in force, added to the flow's partsDuty. */
function chargeDuty(s: Settlement, f: number, t: number, importer: string, profile: SalesProfile | undefined, books: Books): void {
  const { flows, duties, cache } = books;
  const value = (s.supply.price[t] ?? 0) * (flows.units[f] as number);
  // No content exclusion, as for the parts of a program's own content (see partsDuties).
  for (const e of s.schedulesInto(importer, profile, cache).at(t)) {
    const amount = e.rate * value * basisFactor(e.measure, {});
    if (amount === 0) continue;
    duties.push(f, e.code, PARTS, s.buyer, amount);
    flows.partsDuty[f] = (flows.partsDuty[f] as number) + amount;
  }
}
