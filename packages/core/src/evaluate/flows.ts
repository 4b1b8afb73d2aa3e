import { demandIn, laneOf, type Model, sourcingAt, toBase } from "../model.js";
import type { Lane } from "../schema/lane.js";
import type { Market } from "../schema/market.js";
import type { Plant } from "../schema/plant.js";
import type { Program, ProgramMarket } from "../schema/program.js";
import type { Period } from "../time/periods.js";
import {
  customsValuePerUnit,
  type MeasureCharge,
  offsetCredits,
  offsetSchedules,
  type PartsSlot,
  partsDuties,
  partsSlots,
  ScheduleCache,
  type SlotSchedules,
  vehicleDuties,
  vehicleSchedules,
} from "./duty.js";

/** Flow rows (period × program × plant × market) and their duty lines, by column. */
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
}

/** One duty or offset line of a flow; offsets are negative. */
export interface DutyColumns {
  flow: number[];
  measure: string[];
  kind: ("vehicle" | "parts" | "offset")[];
  payer: string[];
  amount: number[];
}

export function emptyFlows(): FlowColumns {
  return {
    period: [],
    program: [],
    seller: [],
    plant: [],
    builder: [],
    market: [],
    units: [],
    price: [],
    revenue: [],
    variableCost: [],
    logistics: [],
    vehicleDuty: [],
    partsDuty: [],
    offset: [],
  };
}

export function emptyDuties(): DutyColumns {
  return { flow: [], measure: [], kind: [], payer: [], amount: [] };
}

/**
 * What a flow from one plant into one market needs besides the period: its
 * lane and the schedules of its vehicle duties and offsets.
 */
interface Leg {
  lane: Lane | undefined;
  vehicle: SlotSchedules | undefined;
  offsets: SlotSchedules | undefined;
}

/** A program built in one plant: its imported parts and its legs, by index of the program's markets. */
interface PlantRoute {
  plant: Plant;
  parts: PartsSlot[];
  legs: Leg[];
}

/**
 * A program with its markets and, per plant, everything about its flows that
 * does not depend on the period. Speed: resolving these once per evaluation
 * keeps lookups by key string (lanes, schedule slots) out of the loop over
 * periods, which runs once per flow.
 */
class ProgramRoutes {
  readonly markets: { id: string; market: Market; pm: ProgramMarket }[] = [];
  private readonly byPlant = new Map<string, PlantRoute>();

  constructor(
    private readonly model: Model,
    private readonly cache: ScheduleCache,
    readonly program: Program,
  ) {
    for (const [id, pm] of Object.entries(program.markets)) {
      const market = model.markets.get(id);
      if (market) this.markets.push({ id, market, pm });
    }
  }

  plant(plant: Plant): PlantRoute {
    let route = this.byPlant.get(plant.id);
    if (route === undefined) {
      const { cache, program } = this;
      route = {
        plant,
        parts: partsSlots(cache, program, plant),
        legs: this.markets.map(({ id, market, pm }) => ({
          lane: laneOf(this.model, plant, id),
          vehicle: vehicleSchedules(cache, program, plant, market.country, pm.monthlyProfile),
          offsets: offsetSchedules(cache, program, plant, market.country, pm.monthlyProfile),
        })),
      };
      this.byPlant.set(plant.id, route);
    }
    return route;
  }
}

interface PlantShare {
  route: PlantRoute;
  plant: Plant;
  share: number;
  parts: MeasureCharge[];
  partsPerUnit: number;
  variableCost: number;
}

/** Computes every flow of the model with uncapped offsets (see offsets.ts for the cap). */
export function computeFlows(model: Model): { flows: FlowColumns; duties: DutyColumns } {
  const flows = emptyFlows();
  const duties = emptyDuties();
  const cache = new ScheduleCache(model);
  const routes = model.programs.map((program) => new ProgramRoutes(model, cache, program));
  for (const period of model.periods) {
    for (const r of routes) {
      const sources = plantShares(model, r, period.index);
      if (sources.length === 0) continue;
      for (let m = 0; m < r.markets.length; m++) addMarketFlows(model, r, m, period.index, sources, flows, duties);
    }
  }
  return { flows, duties };
}

function plantShares(model: Model, routes: ProgramRoutes, t: number): PlantShare[] {
  const { program } = routes;
  const out: PlantShare[] = [];
  const variableCost = toBase(model, program.variableCost, program.currency, t);
  for (const [plantId, share] of Object.entries(sourcingAt(program, model, t))) {
    const plant = model.plants.get(plantId);
    if (!plant || share <= 0) continue;
    const route = routes.plant(plant);
    const parts = partsDuties(model, program, route.parts, t);
    out.push({ route, plant, share, parts, partsPerUnit: sum(parts), variableCost });
  }
  return out;
}

function addMarketFlows(model: Model, routes: ProgramRoutes, m: number, t: number, sources: PlantShare[], flows: FlowColumns, duties: DutyColumns): void {
  const { program } = routes;
  const { id: marketId, market, pm } = routes.markets[m] as ProgramRoutes["markets"][number];
  const demand = demandIn(pm, model.periods[t] as Period);
  if (demand <= 0) return;
  const priceBase = toBase(model, pm.price, market.currency, t);
  const msrpBase = toBase(model, pm.msrp ?? pm.price, market.currency, t);
  const customs = customsValuePerUnit(model, program, priceBase, market.currency, t);
  const perPlant = sources.map((s) => plantFlow(s, s.route.legs[m] as Leg, program, customs, msrpBase, t));
  const { price, units } = passThrough(program, priceBase, demand, perPlant);
  const periodId = model.periods[t]?.id as string;
  for (const s of perPlant) {
    const u = units * s.share;
    const f = flows.units.length;
    flows.period.push(periodId);
    flows.program.push(program.id);
    flows.seller.push(program.seller);
    flows.plant.push(s.plant.id);
    flows.builder.push(s.plant.owner);
    flows.market.push(marketId);
    flows.units.push(u);
    flows.price.push(price);
    flows.revenue.push(u * price);
    flows.variableCost.push(u * s.variableCost);
    flows.logistics.push(u * (s.lane ? toBase(model, s.lane.costPerUnit, s.lane.currency, t) : 0));
    flows.vehicleDuty.push(u * sum(s.vehicle));
    flows.partsDuty.push(u * s.partsPerUnit);
    flows.offset.push(u * sum(s.offsets));
    pushDuties(duties, f, s.vehicle, "vehicle", program.seller, u);
    pushDuties(duties, f, s.parts, "parts", s.plant.owner, u);
    pushDuties(duties, f, s.offsets, "offset", s.plant.owner, -u);
  }
}

/** One plant's share of a program-market in a period, with its per-unit charges. */
interface PlantFlow {
  plant: Plant;
  share: number;
  variableCost: number;
  lane: Lane | undefined;
  parts: MeasureCharge[];
  partsPerUnit: number;
  vehicle: MeasureCharge[];
  offsets: MeasureCharge[];
}

/**
 * Speed: fields are listed one by one; an object spread ({ ...s, vehicle })
 * here cost about 3 µs per flow on Node 20, half of the evaluation time.
 */
function plantFlow(s: PlantShare, leg: Leg, program: Program, customs: number, msrpBase: number, t: number): PlantFlow {
  return {
    plant: s.plant,
    share: s.share,
    variableCost: s.variableCost,
    lane: leg.lane,
    parts: s.parts,
    partsPerUnit: s.partsPerUnit,
    vehicle: leg.vehicle ? vehicleDuties(leg.vehicle.at(t), program, customs) : NONE,
    offsets: leg.offsets ? offsetCredits(leg.offsets.at(t), msrpBase) : NONE,
  };
}

/** Shared empty charge list (never mutated). */
const NONE: MeasureCharge[] = [];

/**
 * The period index of every flow. Speed: aggregations over flows group by
 * these numbers instead of building a "company|period" string per flow.
 */
export function flowPeriods(model: Model, flows: FlowColumns): Int32Array {
  const out = new Int32Array(flows.period.length);
  let last: string | undefined;
  let t = -1;
  for (let f = 0; f < out.length; f++) {
    const id = flows.period[f] as string;
    if (id !== last) {
      last = id;
      t = model.periodIndex.get(id) ?? -1;
    }
    out[f] = t;
  }
  return out;
}

/**
 * Optional pass-through of duties to the price: the price rises by share ×
 * the average duty per unit over the program's plants, and demand follows the
 * constant-elasticity curve q' = q (p'/p)^ε. One price per program and market,
 * so units stay split by the sourcing shares.
 */
export function passThrough(
  program: Program,
  price: number,
  demand: number,
  perPlant: { share: number; partsPerUnit: number; vehicle: MeasureCharge[] }[],
): { price: number; units: number } {
  const pt = program.passThrough;
  if (!pt || pt.share === 0 || price <= 0) return { price, units: demand };
  const avgDuty = perPlant.reduce((acc, s) => acc + s.share * (sum(s.vehicle) + s.partsPerUnit), 0);
  const newPrice = price + pt.share * avgDuty;
  return { price: newPrice, units: demand * (newPrice / price) ** pt.elasticity };
}

function pushDuties(d: DutyColumns, flow: number, charges: MeasureCharge[], kind: "vehicle" | "parts" | "offset", payer: string, units: number): void {
  for (const c of charges) {
    if (c.perUnit === 0) continue;
    d.flow.push(flow);
    d.measure.push(c.measureId);
    d.kind.push(kind);
    d.payer.push(payer);
    d.amount.push(units * c.perUnit);
  }
}

function sum(charges: readonly MeasureCharge[]): number {
  let s = 0;
  for (const c of charges) s += c.perUnit;
  return s;
}
