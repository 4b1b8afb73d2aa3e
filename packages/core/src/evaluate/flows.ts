import type { Model } from "../model/model.js";
import type { Plant } from "../schema/plant.js";
import type { Program } from "../schema/program.js";
import type { ScheduleEntry } from "../tariff/schedule.js";
import { cumulativeDayWeights, type Period, shareOfPeriod } from "../time/periods.js";
import { splitCostAt } from "./costs.js";
import { type MeasureCharge, type MeasureRate, offsetCharge, partsDuties, ScheduleCache, vehicleCharge } from "./duty.js";
import { fxTableOf } from "./fx.js";
import { Codes, DutyLines, OFFSET, PARTS, VEHICLE } from "./lines.js";
import { openShare } from "./plants.js";
import { Lanes, type Leg, type MarketRoute, type PartsCharges, type PlantRoute, ProgramRoutes, type RouteContext } from "./routes.js";
import { SLICES, type WrittenSlice } from "./slices.js";

/** Flow rows (period × program × plant × market), by column. */
export interface FlowColumns {
  period: string[];
  program: string[];
  seller: string[];
  plant: string[];
  builder: string[];
  market: string[];
  units: number[];
  price: number[];
  revenue: number[];
  variableCost: number[];
  logistics: number[];
  vehicleDuty: number[];
  partsDuty: number[];
  offset: number[];
  /** Transfer price paid by the seller to the builder when they are different companies (contract manufacturing). */
  transfer: number[];
}

/**
 * Flow columns for `keys.period.length` flows, numbers allocated once at that
 * length (see computeFlows), texts built on first read from the flows' codes:
 * the evaluation itself reads only the codes. A class, so that every flow
 * table has one shape (speed: the aggregations read its number columns in
 * their loops).
 */
class LazyFlowColumns implements FlowColumns {
  readonly units: number[];
  readonly price: number[];
  readonly revenue: number[];
  readonly variableCost: number[];
  readonly logistics: number[];
  readonly vehicleDuty: number[];
  readonly partsDuty: number[];
  readonly offset: number[];
  readonly transfer: number[];
  private readonly texts: (string[] | undefined)[] = [undefined, undefined, undefined, undefined, undefined, undefined];

  constructor(
    private readonly model: Model,
    private readonly keys: FlowKeys,
  ) {
    const n = keys.period.length;
    this.units = numberColumn(n);
    this.price = numberColumn(n);
    this.revenue = numberColumn(n);
    this.variableCost = numberColumn(n);
    this.logistics = numberColumn(n);
    this.vehicleDuty = numberColumn(n);
    this.partsDuty = numberColumn(n);
    this.offset = numberColumn(n);
    this.transfer = numberColumn(n);
  }

  get period(): string[] {
    return this.text(0, this.keys.period, () => this.model.periods.map((p) => p.id));
  }
  get program(): string[] {
    return this.text(1, this.keys.program, () => this.model.programs.map((p) => p.id));
  }
  get seller(): string[] {
    return this.text(2, this.keys.seller, () => this.keys.companies.values);
  }
  get plant(): string[] {
    return this.text(3, this.keys.plant, () => this.keys.plants.values);
  }
  get builder(): string[] {
    return this.text(4, this.keys.builder, () => this.keys.companies.values);
  }
  get market(): string[] {
    return this.text(5, this.keys.market, () => this.keys.markets.values);
  }

  private text(slot: number, codes: Int32Array, values: () => readonly string[]): string[] {
    let column = this.texts[slot];
    if (column === undefined) {
      const v = values();
      column = new Array<string>(codes.length);
      for (let f = 0; f < codes.length; f++) column[f] = v[codes[f] as number] as string;
      this.texts[slot] = column;
    }
    return column;
  }
}

/**
 * A column of `n` numbers to be written by index. Speed: filled with a
 * non-integer first, so that V8 allocates it as an array of doubles at once;
 * writing the first double into `new Array(n)` copies the whole column.
 */
export function numberColumn(n: number): number[] {
  return new Array<number>(n).fill(Number.NaN);
}

/**
 * Codes of each flow's period, seller, builder and plant. Speed: the
 * aggregations (plants, companies, offset cap, duties by company) group by
 * these numbers rather than by strings. Not part of the results tables.
 */
export interface FlowKeys {
  period: Int32Array;
  /** Index in the model's programs. */
  program: Int32Array;
  seller: Int32Array;
  builder: Int32Array;
  plant: Int32Array;
  market: Int32Array;
  companies: Codes;
  plants: Codes;
  markets: Codes;
}

/** What computeFlows returns: the flow columns, their duty lines and their keys, and the tariff schedules it read. */
export interface Flows {
  flows: FlowColumns;
  duties: DutyLines;
  keys: FlowKeys;
  schedules: ScheduleCache;
}

/** Columns being filled and the number of flows written so far. */
interface Output extends Omit<Flows, "schedules"> {
  n: number;
}

/**
 * What computeFlows needs of a model besides the flows themselves, resolved
 * on its first evaluation and kept for the next ones (a model is never
 * changed once built): each program's routes, and the plants that build it
 * in each period with their shares, variable costs and parts duties.
 * Speed: an evaluation of the same model again (a benchmark, a price fit
 * that asks for the same model, an analysis evaluating it twice) only
 * writes the flows; resolving routes and schedules was a sixth of it.
 */
interface CompiledFlows {
  model: Model;
  ctx: RouteContext;
  shared: Shared;
  routes: ProgramRoutes[];
  /** Each program's compiled entry, shared with the models that share its routes and shares. */
  entries: CompiledProgram[];
  /** By position in the periods, then route: the plants building the program (none: the program sells nothing then). */
  sources: PlantShare[][][];
  count: number;
  /** Duty lines of the last evaluation: the next allocates that many at once. */
  dutyLines: number;
}

/**
 * What the models sharing a schedule cache share besides schedules: codes,
 * lanes and FX (one scenario, so the same rates), so that they can share
 * their plant routes too (see ProgramRoutes.plant). Codes are given in order
 * of first use over all these models: the results depend on no code's value.
 */
type Shared = Pick<RouteContext, "lanes" | "fx" | "companies" | "plants" | "markets"> & {
  /** Duty lines per flow in the last evaluation of any of these models (0: none yet), to size the next one's lines. */
  linesPerFlow: number;
  /** The routes and plant shares by period of the programs no deal touches (see untouched), from the first model that had them. */
  untouched: Map<Program, CompiledProgram>;
  /** The same for programs a deal touches, by what the deals do to them (see touchKey): a draw's models leave most of them as another model had them. */
  touched: Map<Program, Map<string, CompiledProgram>>;
};

/** A program's routes and its plants' shares by period index, as computeFlows reads them, and the flows it wrote with them by period index. */
interface CompiledProgram {
  routes: ProgramRoutes;
  sources: PlantShare[][];
  written: (WrittenSlice | undefined)[];
}

function sharedOf(cache: ScheduleCache, keepsSlices: boolean): Shared {
  let s = cache.shared as Shared | undefined;
  if (s === undefined) {
    s = {
      lanes: new Lanes(cache.model.scenario.lanes),
      fx: fxTableOf(cache.model),
      companies: new Codes(),
      plants: new Codes(),
      markets: new Codes(),
      linesPerFlow: 0,
      untouched: new Map(),
      touched: new Map(),
    };
    // The models of this cache keep their flows for each other from here on (see slices.ts).
    if (keepsSlices) SLICES.restart();
    cache.shared = s;
  }
  return s;
}

/** The model's compiled flows, kept on the model (see Model.memo). */
function compiledFlows(model: Model, schedules: ScheduleCache | undefined): CompiledFlows {
  const kept = model.memo?.flows as CompiledFlows | undefined;
  let c = kept?.model === model ? kept : undefined;
  if (c === undefined) {
    const cache = schedules ?? new ScheduleCache(model);
    const shared = sharedOf(cache, schedules !== undefined);
    const ctx: RouteContext = {
      model,
      cache,
      lanes: shared.lanes,
      fx: shared.fx,
      companies: shared.companies,
      plants: shared.plants,
      markets: shared.markets,
    };
    const entries: CompiledProgram[] = [];
    for (let i = 0; i < model.programs.length; i++) {
      const program = model.programs[i] as Program;
      const key = untouched(model, program) ? undefined : touchKey(model, program);
      const kept = key === undefined ? shared.untouched.get(program) : shared.touched.get(program)?.get(key);
      if (kept && kept.routes.index === i) {
        entries.push(kept);
        continue;
      }
      const r = new ProgramRoutes(ctx, program, i);
      // Each program's plants once deals apply, by period (speed: resolved once, then counted and built from).
      const entry: CompiledProgram = {
        routes: r,
        sources: model.periods.map((p) => plantShares(model, r, p.index, activeWithDeals(model, r, p.index))),
        written: [],
      };
      if (key === undefined) shared.untouched.set(program, entry);
      else {
        let byKey = shared.touched.get(program);
        if (byKey === undefined) {
          byKey = new Map();
          shared.touched.set(program, byKey);
        }
        byKey.set(key, entry);
      }
      entries.push(entry);
    }
    const routes = entries.map((e) => e.routes);
    const sources = model.periods.map((_, k) => entries.map((e) => e.sources[k] as PlantShare[]));
    const count = countFlows(model, routes, sources);
    // Sized as the models sharing the cache needed (a draw's counterfactuals differ by a few flows), else two a flow.
    const dutyLines = shared.linesPerFlow > 0 ? Math.ceil(count * shared.linesPerFlow * 1.1) + 16 : 2 * count;
    c = { model, ctx, shared, routes, entries, sources, count, dutyLines };
    if (model.memo) model.memo.flows = c;
  }
  return c;
}

/**
 * Computes every flow of the model with uncapped offsets (see offsets.ts for
 * the cap). Speed: the flows are counted first so that each flow column is
 * allocated once and written by index; growing fourteen arrays of a million
 * elements by push cost a third of the loop (copies, and garbage collector
 * scans of each new young backing store). `schedules` may be shared by the
 * models of one scenario (see ScheduleCache); it is read on the model's
 * first evaluation (see CompiledFlows).
 */
export function computeFlows(model: Model, schedules?: ScheduleCache): Flows {
  const c = compiledFlows(model, schedules);
  const { ctx, routes, count } = c;
  const keys: FlowKeys = {
    period: new Int32Array(count),
    program: new Int32Array(count),
    seller: new Int32Array(count),
    builder: new Int32Array(count),
    plant: new Int32Array(count),
    market: new Int32Array(count),
    companies: ctx.companies,
    plants: ctx.plants,
    markets: ctx.markets,
  };
  const duties = new DutyLines(
    model.measures.map((d) => d.measure.id),
    ctx.companies,
    c.dutyLines,
  );
  const out: Output = { flows: new LazyFlowColumns(model, keys), duties, keys, n: 0 };
  let m: MarketFlows | undefined;
  for (let k = 0; k < model.periods.length; k++) {
    const period = model.periods[k] as Period;
    const byRoute = c.sources[k] as PlantShare[][];
    for (let i = 0; i < routes.length; i++) {
      const r = routes[i] as ProgramRoutes;
      const sources = byRoute[i] as PlantShare[];
      if (sources.length === 0) continue;
      const entry = c.entries[i] as CompiledProgram;
      const kept = entry.written[k];
      if (kept && SLICES.holds(kept)) {
        out.n += SLICES.copy(kept, out.flows, keys, duties, out.n, period.index, r.index);
        continue;
      }
      const f0 = out.n;
      const l0 = duties.length;
      m = m === undefined ? new MarketFlows(r, period, sources) : m.reset(r, period, sources);
      for (const market of r.markets) addMarketFlows(model, m, market, out);
      // Only models sharing a cache can use them: a model evaluated on its own (a big benchmark model) keeps none.
      if (schedules !== undefined) entry.written[k] = SLICES.keep(out.flows, keys, duties, f0, out.n, l0);
    }
  }
  if (out.n !== count) throw new Error(`internal: ${out.n} flows computed, ${count} counted`);
  c.dutyLines = duties.length;
  c.shared.linesPerFlow = duties.length / Math.max(1, count);
  return { flows: out.flows, duties, keys, schedules: ctx.cache };
}

/**
 * Whether no deal of the model changes how a program is built or sold: no
 * hosted volume, cost factor or cut in its demand, and none of the plants it
 * is ever sourced from closed. Its routes and plant shares are then the same
 * in every model of the scenario, and the models sharing a cache share them.
 */
function untouched(model: Model, program: Program): boolean {
  const e = model.effects;
  if (e.hosted.has(program.id) || e.costFactor.has(program.id) || e.demandCut.has(program.id)) return false;
  if (e.closures.size === 0) return true;
  const steps = Array.isArray(program.sourcing) ? program.sourcing.map((step) => step.shares) : [program.sourcing];
  return steps.every((shares) => Object.keys(shares).every((id) => !e.closures.has(id)));
}

/**
 * What the deals of a model do to a program, as a key: its hosted volumes
 * (deal, plant, volumes and prices), cost factors and demand cuts, and the
 * closures of the plants it is sourced from or hosted at. Everything
 * ProgramRoutes, activeWithDeals and plantShares read of a model besides
 * the scenario is here, so two models of one scenario with the same key
 * build the same routes and shares (a closure's plant variant is made from
 * its last day, in the key). Numbers are written with String, which
 * round-trips a double exactly.
 */
export function touchKey(model: Model, program: Program): string {
  const e = model.effects;
  let key = "";
  const hosted = e.hosted.get(program.id);
  const plants = new Set<string>();
  for (const step of Array.isArray(program.sourcing) ? program.sourcing.map((x) => x.shares) : [program.sourcing]) {
    for (const id of Object.keys(step)) plants.add(id);
  }
  for (const h of hosted ?? []) {
    key += `h${h.deal}@${h.plant?.id ?? ""}:${h.volume.join(",")}/${h.price.join(",")};`;
    if (h.plant) plants.add(h.plant.id);
  }
  const factor = e.costFactor.get(program.id);
  if (factor) key += `f${factor.join(",")};`;
  for (const [market, cut] of e.demandCut.get(program.id) ?? []) key += `d${market}:${cut.join(",")};`;
  for (const id of plants) {
    const c = e.closures.get(id);
    if (c) key += `c${id}:${c.lastDay}>${Object.entries(c.moveTo).join(",")};`;
  }
  return key;
}

/** Number of flows computeFlows writes: active plants × markets with demand, in every period (`active`: by position in the periods, then route). */
function countFlows(model: Model, routes: readonly ProgramRoutes[], active: readonly (readonly { length: number }[])[]): number {
  let n = 0;
  for (let k = 0; k < model.periods.length; k++) {
    const t = (model.periods[k] as Period).index;
    for (let i = 0; i < routes.length; i++) n += (active[k]?.[i]?.length ?? 0) * ((routes[i] as ProgramRoutes).marketsSelling[t] as number);
  }
  return n;
}

/** A plant building the program in a period: its share and variable cost, and its parts duties per unit by sales profile. */
interface PlantShare {
  route: PlantRoute;
  share: number;
  variableCost: number;
  /** Transfer price per unit (base) the seller pays the builder; 0 when it builds for itself. */
  price: number;
  /** Whether the price was agreed in a deal (hosted volume): then it is also the declared import value, even at 0. */
  agreed: boolean;
  /** Parts duties per unit by the leg's `partsIndex` in this period (the route's, shared by the models that share it). */
  parts: (PartsCharges | undefined)[];
}

function plantShares(model: Model, routes: ProgramRoutes, t: number, active: readonly DealShare[]): PlantShare[] {
  const { program } = routes;
  const factor = model.effects.costFactor.get(program.id)?.[t] ?? 1;
  return active.map(({ plant, share, price, agreed }) => {
    const route = routes.plant(plant);
    let parts = route.parts[t];
    if (parts === undefined) {
      parts = [];
      route.parts[t] = parts;
    }
    return { route, share, variableCost: splitCostAt(model, program, route.costSplit, t) * factor, price, agreed, parts };
  });
}

interface DealShare {
  plant: Plant;
  share: number;
  price: number;
  agreed: boolean;
}

/**
 * The plants that build a program in period t once deals apply: a closing
 * plant keeps the share of the period it is open and passes the rest to the
 * plants its closure names (the remainder is lost); hosted volume (contract
 * manufacturing, or its counterfactual) takes volume ÷ demand of the program,
 * the other plants share the rest in their proportions, and volume hosted
 * nowhere (not sold without the deal) is lost. Hosted volume at a closing
 * plant follows the closure like the plant's own, keeping its price: a closed
 * plant builds nothing for anyone.
 */
export function activeWithDeals(model: Model, routes: ProgramRoutes, t: number): DealShare[] {
  const base = routes.active(t);
  const hosted = model.effects.hosted.get(routes.program.id);
  if (model.effects.closures.size === 0 && !hosted) return base.map((a) => ({ plant: a.plant, share: a.share, price: 0, agreed: false }));
  const out = new Map<string, DealShare>();
  const add = (plant: Plant | undefined, share: number, price: number | null) => {
    if (!plant || share <= 0) return;
    const at = out.get(plant.id);
    if (!at) {
      out.set(plant.id, { plant, share, price: price ?? 0, agreed: price !== null });
      return;
    }
    at.agreed ||= price !== null;
    // One flow per plant: at the share-weighted price, the transfers still sum exactly.
    at.price = (at.price * at.share + (price ?? 0) * share) / (at.share + share);
    at.share += share;
  };
  for (const a of base) closeOrKeep(model, routes, a.plant, a.share, null, t, add);
  if (!hosted) return [...out.values()];
  const demand = routes.markets.reduce((sum, m) => sum + (m.demand[t] as number), 0);
  let taken = 0;
  const shares = hosted.map((h) => {
    const s = demand > 0 ? Math.min(1 - taken, (h.volume[t] ?? 0) / demand) : 0;
    taken += s;
    return s;
  });
  for (const d of out.values()) d.share *= 1 - taken;
  hosted.forEach((h, i) => {
    if (h.plant) closeOrKeep(model, routes, h.plant, shares[i] as number, h.price[t] ?? 0, t, add);
  });
  return [...out.values()];
}

/**
 * A plant's share of a program, cut by its closure if a deal closes it: the
 * part of the period it is open stays (volume spread evenly over the days),
 * the rest goes to the closure's plants by their shares.
 */
function closeOrKeep(
  model: Model,
  routes: ProgramRoutes,
  plant: Plant,
  share: number,
  price: number | null,
  t: number,
  add: (plant: Plant | undefined, share: number, price: number | null) => void,
): void {
  const closure = model.effects.closures.get(plant.id);
  if (!closure) {
    add(plant, share, price);
    return;
  }
  const open = openSales(model, routes, model.plants.get(plant.id) ?? plant, t);
  add(plant, share * open, price);
  for (const [to, s] of Object.entries(closure.moveTo)) add(model.plants.get(to), share * (1 - open) * s, price);
}

/**
 * Share of the program's sales in period t that fall while the plant is open:
 * by days when sales are spread evenly, by each market's monthly profile when
 * it has one (a program whose sales stop before the closure loses nothing).
 */
function openSales(model: Model, routes: ProgramRoutes, plant: Plant, t: number): number {
  const period = model.periods[t] as Period;
  const days = openShare(plant, period);
  if (days === 1 || days === 0 || !routes.markets.some((m) => m.profile)) return days;
  const last = period.start + Math.round(days * period.days) - 1;
  let total = 0;
  let open = 0;
  for (const m of routes.markets) {
    const d = m.demand[t] as number;
    total += d;
    open += d * (m.profile ? shareOfPeriod(period, period.start, last, cumulativeDayWeights(period, m.profile.values)) : days);
  }
  return total > 0 ? open / total : days;
}

/** Parts duties per unit of the vehicles sold through one leg, computed once per plant, period and sales profile. */
function partsOf(model: Model, program: Program, s: PlantShare, leg: Leg, t: number): PartsCharges {
  let p = s.parts[leg.partsIndex];
  if (p === undefined) {
    const charges = partsDuties(model, program, leg.parts, t);
    p = { charges, perUnit: sum(charges) };
    s.parts[leg.partsIndex] = p;
  }
  return p;
}

/**
 * The flows of one program in one period, market by market: `market` and the
 * amounts below it are updated for each market. Speed: one object per program
 * and period rather than per market (a new object per market, its numbers
 * boxed, was about a fifth of the evaluation's garbage).
 */
class MarketFlows {
  program: Program;
  t: number;
  market: MarketRoute | undefined = undefined;
  price = 0;
  units = 0;
  customs = 0;
  msrpBase = 0;

  constructor(
    public routes: ProgramRoutes,
    period: Period,
    public sources: readonly PlantShare[],
  ) {
    this.program = routes.program;
    this.t = period.index;
  }

  /** The same object for the next program and period (speed: one per evaluation, not one per program and period). */
  reset(routes: ProgramRoutes, period: Period, sources: readonly PlantShare[]): this {
    this.routes = routes;
    this.program = routes.program;
    this.t = period.index;
    this.sources = sources;
    this.market = undefined;
    return this;
  }
}

function addMarketFlows(model: Model, m: MarketFlows, market: MarketRoute, out: Output): void {
  const { program, t } = m;
  const demand = market.demand[t] as number;
  if (demand <= 0) return;
  const priceBase = market.priceBase[t] as number;
  m.market = market;
  m.msrpBase = market.msrpBase[t] as number;
  m.customs = market.customs[t] as number;
  const pt = passThroughOf(program, priceBase);
  m.price = pt ? passedThroughPrice(pt, priceBase, averageDuty(model, m)) : priceBase;
  m.units = pt ? passedThroughUnits(pt, priceBase, m.price, demand) : demand;
  if (market.responses.length > 0) respond(model, m, market, priceBase);
  // Parts duties first: averageDuty may have computed them already; writeFlow reads them.
  for (const s of m.sources) partsOf(model, program, s, s.route.legs[market.index] as Leg, t);
  for (const s of m.sources) writeFlow(m, s, out);
}

/**
 * The market's dated price responses on top: each moves the price by the
 * share s of the period's sales in its dates times (pass-through × average
 * duty per unit + price change × list net price), and units by
 * ((p + Δ)/p)^ε, one response after the other.
 */
function respond(model: Model, m: MarketFlows, market: MarketRoute, priceBase: number): void {
  let duty: number | undefined;
  for (const { response: r, share } of market.responses) {
    const s = share[m.t] as number;
    if (s === 0 || m.price <= 0) continue;
    if (r.passThrough !== 0 && duty === undefined) duty = averageDuty(model, m);
    const delta = s * (r.passThrough * (duty ?? 0) + r.priceChange * priceBase);
    if (r.elasticity !== 0) m.units *= ((m.price + delta) / m.price) ** r.elasticity;
    m.price += delta;
  }
}

/**
 * Writes one flow and its duty lines. Speed: each measure's charge per unit
 * is computed once, added to the flow's total and written as its duty line
 * in the same pass (in the order the totals have always been summed), without
 * building a list of charge objects per flow.
 */
function writeFlow(m: MarketFlows, s: PlantShare, out: Output): void {
  const { t } = m;
  const market = m.market as MarketRoute;
  const route = s.route;
  const leg = route.legs[market.index] as Leg;
  const parts = s.parts[leg.partsIndex] as PartsCharges;
  // Between unrelated companies the declared import value is the price they agreed.
  const customs = customsOf(s, m.customs);
  const u = m.units * s.share;
  const { flows, duties, keys } = out;
  const f = out.n++;
  const seller = m.routes.seller;
  const owner = route.owner;
  keys.period[f] = t;
  keys.program[f] = m.routes.index;
  keys.seller[f] = seller;
  keys.builder[f] = owner;
  keys.plant[f] = route.code;
  keys.market[f] = market.code;
  flows.units[f] = u;
  flows.price[f] = m.price;
  flows.revenue[f] = u * m.price;
  flows.variableCost[f] = u * s.variableCost;
  flows.logistics[f] = u * (leg.laneCost ? (leg.laneCost[t] as number) : 0);
  let vehicle = 0;
  if (leg.vehicle) {
    for (const e of leg.vehicle.at(t)) {
      const c = vehicleCharge(e, route.content, customs);
      vehicle += c;
      if (c !== 0) duties.push(f, e.code, VEHICLE, seller, u * c);
    }
  }
  flows.vehicleDuty[f] = u * vehicle;
  flows.partsDuty[f] = u * parts.perUnit;
  for (const c of parts.charges) if (c.perUnit !== 0) duties.push(f, c.code, PARTS, owner, u * c.perUnit);
  let offset = 0;
  if (leg.offsets) {
    for (const e of leg.offsets.at(t)) {
      const c = offsetCharge(e, m.msrpBase);
      offset += c;
      if (c !== 0) duties.push(f, e.code, OFFSET, owner, -u * c);
    }
  }
  flows.offset[f] = u * offset;
  flows.transfer[f] = u * s.price;
}

/**
 * Declared value of the vehicle at import: between a builder and a seller of
 * different companies, the transfer price they agreed (even 0); otherwise the
 * program's customs value.
 */
function customsOf(s: PlantShare, customs: number): number {
  return s.agreed && s.route.foreignBuilder ? s.price : customs;
}

/** Shared empty schedule (never mutated). */
const NO_ENTRIES: readonly MeasureRate[] = [];

function vehiclePerUnit(entries: readonly ScheduleEntry[], content: Readonly<Record<string, number>>, customs: number): number {
  let s = 0;
  for (const e of entries) s += vehicleCharge(e, content, customs);
  return s;
}

/** Average duty per unit over the program's plants, weighted by share (vehicle and parts). */
function averageDuty(model: Model, m: MarketFlows): number {
  const { program, t } = m;
  const index = (m.market as MarketRoute).index;
  let acc = 0;
  let shares = 0;
  for (const s of m.sources) {
    const leg = s.route.legs[index] as Leg;
    const vehicle = leg.vehicle?.at(t) ?? NO_ENTRIES;
    acc += s.share * (vehiclePerUnit(vehicle, s.route.content, customsOf(s, m.customs)) + partsOf(model, program, s, leg, t).perUnit);
    shares += s.share;
  }
  // Lost volume (a closure, a counterfactual not sold) leaves shares below one: average over what is built.
  return shares > 0 ? acc / shares : 0;
}

/**
 * Optional pass-through of duties to the price: the price rises by share ×
 * the average duty per unit over the program's plants, and demand follows the
 * constant-elasticity curve q' = q (p'/p)^ε. One price per program and market,
 * so units stay split by the sourcing shares.
 */
type PassThrough = NonNullable<Program["passThrough"]>;

export function passThroughOf(program: Program, price: number): PassThrough | undefined {
  const pt = program.passThrough;
  return !pt || pt.share === 0 || price <= 0 ? undefined : pt;
}

export function passedThroughPrice(pt: PassThrough, price: number, averageDuty: number): number {
  return price + pt.share * averageDuty;
}

export function passedThroughUnits(pt: PassThrough, price: number, newPrice: number, demand: number): number {
  return demand * (newPrice / price) ** pt.elasticity;
}

function sum(charges: readonly MeasureCharge[]): number {
  let s = 0;
  for (const c of charges) s += c.perUnit;
  return s;
}
