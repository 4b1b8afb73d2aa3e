import { demandAt, laneCostIn, type Model, sourcingAt, toBase } from "../model.js";
import type { Plant } from "../schema/plant.js";
import type { Program } from "../schema/program.js";
import { customsValuePerUnit, type MeasureCharge, offsetCredits, partsDuties, ScheduleCache, vehicleDuties } from "./duty.js";

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

interface PlantShare {
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
  for (const period of model.periods) {
    for (const program of model.programs) {
      const sources = plantShares(model, cache, program, period.index);
      if (sources.length === 0) continue;
      for (const marketId of Object.keys(program.markets)) {
        addMarketFlows(model, cache, program, marketId, period.index, sources, flows, duties);
      }
    }
  }
  return { flows, duties };
}

function plantShares(model: Model, cache: ScheduleCache, program: Program, t: number): PlantShare[] {
  const out: PlantShare[] = [];
  const variableCost = toBase(model, program.variableCost, program.currency, t);
  for (const [plantId, share] of Object.entries(sourcingAt(program, model, t))) {
    const plant = model.plants.get(plantId);
    if (!plant || share <= 0) continue;
    const parts = partsDuties(cache, model, program, plant, t);
    out.push({ plant, share, parts, partsPerUnit: sum(parts), variableCost });
  }
  return out;
}

function addMarketFlows(
  model: Model,
  cache: ScheduleCache,
  program: Program,
  marketId: string,
  t: number,
  sources: PlantShare[],
  flows: FlowColumns,
  duties: DutyColumns,
): void {
  const market = model.markets.get(marketId);
  const pm = program.markets[marketId];
  if (!market || !pm) return;
  const demand = demandAt(program, marketId, model, t);
  if (demand <= 0) return;
  const priceBase = toBase(model, pm.price, market.currency, t);
  const msrpBase = toBase(model, pm.msrp ?? pm.price, market.currency, t);
  const customs = customsValuePerUnit(model, program, priceBase, market.currency, t);
  const profile = pm.monthlyProfile;
  const perPlant = sources.map((s) => ({
    ...s,
    vehicle: vehicleDuties(cache, program, s.plant, market.country, customs, t, profile),
    offsets: offsetCredits(cache, program, s.plant, market.country, msrpBase, t, profile),
  }));
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
    flows.logistics.push(u * (laneCostIn(model, s.plant, marketId, t) ?? 0));
    flows.vehicleDuty.push(u * sum(s.vehicle));
    flows.partsDuty.push(u * s.partsPerUnit);
    flows.offset.push(u * sum(s.offsets));
    pushDuties(duties, f, s.vehicle, "vehicle", program.seller, u);
    pushDuties(duties, f, s.parts, "parts", s.plant.owner, u);
    pushDuties(duties, f, s.offsets, "offset", s.plant.owner, -u);
  }
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
