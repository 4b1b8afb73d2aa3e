import { plantsBuilding } from "../deals/registry.js";
import { customsValuePerUnit } from "../evaluate/duty.js";
import { computeFlows, type FlowColumns } from "../evaluate/flows.js";
import { OFFSET, PARTS } from "../evaluate/lines.js";
import { carriedPools, offsetPools } from "../evaluate/offsets.js";
import { openShare } from "../evaluate/plants.js";
import { buildModel, type Model, toBase } from "../model/model.js";
import type { Scenario } from "../scenario/schema.js";
import type { Market } from "../schema/market.js";
import { builderAt, ownerShares, type Plant } from "../schema/plant.js";
import type { Program } from "../schema/program.js";
import { demandIn, findLane } from "../schema/queries.js";
import { expandHorizon } from "../time/periods.js";
import { resolveOpenPrices } from "../valuation/analysis.js";

/**
 * Per-unit economics of every lane an optimiser may use: one lane per period ×
 * program × plant × market with demand, where the plant may build the
 * program and has a route to the market (`hasRoute`). Amounts per unit, base
 * currency. Computed by the evaluator's own flow code (tariff engine, routes,
 * duties), so that an allocation priced with these numbers is exactly what
 * `evaluate` reports for it.
 */
export interface LaneEconomics {
  base: string;
  periods: string[];
  length: number;
  /** Period index of each lane. */
  period: Int32Array;
  program: string[];
  plant: string[];
  market: string[];
  seller: string[];
  builder: string[];
  /** Units sold of the program in the market in the period (before pass-through). */
  demand: Float64Array;
  price: Float64Array;
  variableCost: Float64Array;
  logistics: Float64Array;
  vehicleDuty: Float64Array;
  partsDuty: Float64Array;
  /** US-assembly offset before the cap. */
  offset: Float64Array;
  /** The program's declared import value (customs value). */
  customsValue: Float64Array;
  /** Price per unit the seller pays the builder when they differ: a contract-manufacturing deal's price on its lanes, the customs value otherwise. */
  transfer: Float64Array;
  /** Offset pools (see evaluate/offsets.ts); 0 when `parameters.offsetCap` is `none`. */
  pools: number;
  /** Lane-major, `pools` per lane: uncapped offset per unit credited to the builder in each pool. */
  poolOffset: Float64Array;
  /** Lane-major: parts duties per unit that each pool's offsets may offset. */
  poolParts: Float64Array;
  /** Per pool: whether unused credit carries to the builder's later periods (see evaluate/offsets.ts). */
  poolCarries: boolean[];
  /** Capacity (units) and fixed cost (base) of each plant by period index; closures by `openUntil` applied. */
  plants: PlantEconomics[];
  warnings: string[];
}

export interface PlantEconomics {
  id: string;
  owner: string;
  /** Each owner's share (a joint venture's several; else the owner's 1): how its fixed and closure costs are split. */
  owners: [string, number][];
  platforms: string[];
  capacity: number[];
  fixedCost: number[];
  /** One year of fixed cost, base currency at the first period's rate (the default closure cost). */
  annualFixedCost: number;
  /** The plant's stated one-off closure cost, base currency at the first period's rate. */
  closureCost?: number;
}

/** Whether a plant may build a program; by default when it lists the program's platform or already builds it. */
export type CanBuild = (program: Program, plant: Plant) => boolean;

export const listsPlatform: CanBuild = (program, plant) => plant.platforms.includes(program.platform) || ownSourcingPlants(program).has(plant.id);

/** Plants named anywhere in a program's own sourcing. */
export function ownSourcingPlants(program: Program): Set<string> {
  const s = program.sourcing;
  const steps = Array.isArray(s) ? s.map((x) => x.shares) : [s];
  return new Set(steps.flatMap((shares) => Object.keys(shares).filter((k) => (shares[k] ?? 0) > 0)));
}

/**
 * Whether a plant has a route to a market for a program: it is in the
 * market's country, the scenario has a lane from the plant or its country to
 * the market, or the scenario already builds the program there (own sourcing
 * or a contract-manufacturing deal; validation then asks for a lane). The
 * evaluator charges no logistics where there is no lane, so without this rule
 * an optimiser would ship for free along routes the scenario never priced.
 */
export function hasRoute(scenario: Scenario, program: Program, plant: Plant, market: Market): boolean {
  return plant.country === market.country || findLane(scenario.lanes, plant, market.id) !== undefined || scenarioPlants(scenario, program).has(plant.id);
}

/** Plants that build a program in the scenario: its own sourcing and the plants of its contract-manufacturing deals (as agreed and as counterfactual). */
export function scenarioPlants(scenario: Scenario, program: Program): Set<string> {
  const out = ownSourcingPlants(program);
  for (const plant of plantsBuilding(scenario.deals, program.id)) out.add(plant);
  return out;
}

/**
 * Lane economics of a validated scenario. Deals' cost factors and closures
 * apply; hosted volume does not (where to build is the optimiser's decision).
 * A lane exists where the plant may build the program (`canBuild`) and has a
 * route to the market (`hasRoute`). A lane between companies is priced at
 * the program's customs value, except on a contract-manufacturing deal's
 * program × host plant, where the deal's price (`prices` for open ones,
 * Nash-resolved by default) is both the transfer and the declared import
 * value, as `evaluate` books it. Price pass-through is left out (it makes
 * the price depend on the sourcing mix).
 */
export function laneEconomics(
  scenario: Scenario,
  canBuild: CanBuild = listsPlatform,
  prices: Record<string, number> = resolveOpenPrices(scenario).prices,
): LaneEconomics {
  // Contract manufacturing as its counterfactual: hosted volume is dropped below, and an open price needs no bargaining.
  const contracts = scenario.deals.filter((d) => d.type === "contract-manufacturing").map((d) => d.id);
  const warnings: string[] = [];
  const model = buildModel(scenario, {
    counterfactual: new Set(contracts),
    effects: (e) => ({ ...e, hosted: new Map(), closures: new Map() }),
    programs: (list, byId) => {
      const plants = [...byId.values()];
      return list.flatMap((p) => {
        const at = plants.filter((k) => canBuild(p, k));
        if (p.passThrough && p.passThrough.share > 0)
          warnings.push(`program ${p.id}: price pass-through is not modelled by the optimiser (prices before pass-through)`);
        return at.length === 0 ? [] : [{ ...p, passThrough: undefined, sourcing: Object.fromEntries(at.map((k) => [k.id, 1 / at.length])) }];
      });
    },
  });
  const plants = [...model.plants.values()];
  const { flows, duties } = computeFlows(model);
  const keep = routedFlows(model, flows);
  const n = keep.length;
  const pick = <T>(xs: T[]) => Array.from(keep, (f) => xs[f] as T);
  const pools = scenario.parameters.offsetCap === "none" ? { of: new Int32Array(model.measures.length).fill(-1), count: 0 } : offsetPools(model);
  const col = () => new Float64Array(n);
  const out: LaneEconomics = {
    base: model.base,
    periods: model.periods.map((p) => p.id),
    length: n,
    period: Int32Array.from(keep, (f) => model.periodIndex.get(flows.period[f] as string) as number),
    program: pick(flows.program),
    plant: pick(flows.plant),
    market: pick(flows.market),
    seller: pick(flows.seller),
    builder: pick(flows.builder),
    demand: col(),
    price: col(),
    variableCost: col(),
    logistics: col(),
    vehicleDuty: col(),
    partsDuty: col(),
    offset: col(),
    customsValue: col(),
    transfer: col(),
    pools: pools.count,
    poolOffset: new Float64Array(n * pools.count),
    poolParts: new Float64Array(n * pools.count),
    poolCarries: carriedPools(model, pools),
    plants: plants.map((k) => plantEconomics(model, k)),
    warnings,
  };
  const programs = new Map(model.programs.map((p) => [p.id, p]));
  const responded = scenario.priceResponses.length > 0 ? respondedMarkets(scenario, contracts) : undefined;
  for (let j = 0; j < n; j++) {
    const f = keep[j] as number;
    const u = flows.units[f] as number;
    const program = programs.get(flows.program[f] as string) as Program;
    const t = out.period[j] as number;
    const share = 1 / Object.keys(program.sourcing).length;
    const held = responded?.get(`${program.id}\u0000${flows.market[f]}\u0000${t}`);
    out.demand[j] = held ? held.units : u / share;
    out.price[j] = held ? held.price : (flows.price[f] as number);
    out.variableCost[j] = (flows.variableCost[f] as number) / u;
    out.logistics[j] = (flows.logistics[f] as number) / u;
    out.vehicleDuty[j] = (flows.vehicleDuty[f] as number) / u;
    out.partsDuty[j] = (flows.partsDuty[f] as number) / u;
    out.offset[j] = (flows.offset[f] as number) / u;
    const currency = model.markets.get(flows.market[f] as string)?.currency ?? model.base;
    out.customsValue[j] = customsValuePerUnit(model, program, out.price[j] as number, currency, t);
    out.transfer[j] = out.customsValue[j] as number;
  }
  const lane = new Int32Array(flows.units.length).fill(-1);
  keep.forEach((f, j) => {
    lane[f] = j;
  });
  for (let i = 0; i < duties.length; i++) {
    const pool = pools.of[duties.measure[i] as number] as number;
    const j = lane[duties.flow[i] as number] as number;
    if (pool < 0 || j < 0) continue;
    const perUnit = (duties.amount[i] as number) / (flows.units[duties.flow[i] as number] as number);
    const at = j * pools.count + pool;
    if (duties.kind[i] === OFFSET) out.poolOffset[at] = (out.poolOffset[at] as number) - perUnit;
    else if (duties.kind[i] === PARTS) out.poolParts[at] = (out.poolParts[at] as number) + perUnit;
  }
  applyDealPrices(scenario, prices, programs, out);
  return out;
}

/**
 * Price and units of each program × market × period after the market's
 * price responses, under the scenario's own sourcing. A response follows the
 * average duty of the sourcing mix, which would make price depend on the
 * optimiser's choice; the optimiser holds them at these values instead, so
 * valuing the scenario's own sourcing gives what `evaluate` reports.
 */
function respondedMarkets(scenario: Scenario, contracts: string[]): Map<string, { price: number; units: number }> {
  const model = buildModel(scenario, { counterfactual: new Set(contracts), effects: (e) => ({ ...e, hosted: new Map(), closures: new Map() }) });
  const { flows } = computeFlows(model);
  const out = new Map<string, { price: number; units: number }>();
  for (let f = 0; f < flows.units.length; f++) {
    const key = `${flows.program[f]}\u0000${flows.market[f]}\u0000${model.periodIndex.get(flows.period[f] as string)}`;
    const held = out.get(key) ?? { price: flows.price[f] as number, units: 0 };
    held.units += flows.units[f] as number;
    out.set(key, held);
  }
  return out;
}

/** Indices of the flows whose plant has a route to their market (see `hasRoute`). */
function routedFlows(model: Model, flows: FlowColumns): Int32Array {
  const keep: number[] = [];
  const programs = new Map(model.scenario.programs.map((p) => [p.id, p]));
  const memo = new Map<string, boolean>();
  for (let f = 0; f < flows.units.length; f++) {
    const key = `${flows.program[f]}\u0000${flows.plant[f]}\u0000${flows.market[f]}`;
    let ok = memo.get(key);
    if (ok === undefined) {
      const program = programs.get(flows.program[f] as string);
      const plant = model.plants.get(flows.plant[f] as string);
      const market = model.markets.get(flows.market[f] as string);
      ok = program !== undefined && plant !== undefined && market !== undefined && hasRoute(model.scenario, program, plant, market);
      memo.set(key, ok);
    }
    if (ok) keep.push(f);
  }
  return Int32Array.from(keep);
}

/**
 * Each contract-manufacturing deal's lanes (its program at its host plant,
 * builder ≠ seller) at the deal's price: the evaluator's own flow code prices
 * the program built wholly under the deal, so the transfer and the vehicle
 * duties on the agreed price are exactly what `evaluate` books per unit.
 */
function applyDealPrices(scenario: Scenario, prices: Record<string, number>, programs: Map<string, Program>, out: LaneEconomics): void {
  for (const deal of scenario.deals) {
    if (deal.type !== "contract-manufacturing") continue;
    const program = programs.get(deal.program);
    const plant = scenario.plants.find((k) => k.id === deal.plant);
    if (!program || !plant || builderAt(plant, program.seller) === program.seller) continue;
    const at = new Map<string, number>();
    for (let j = 0; j < out.length; j++)
      if (out.program[j] === deal.program && out.plant[j] === deal.plant) at.set(`${out.period[j]}\u0000${out.market[j]}`, j);
    if (at.size === 0) continue;
    // All of the program's demand hosted at the deal's plant in every period.
    const demand = expandHorizon(scenario.horizon).map((p) => Object.values(program.markets).reduce((s, pm) => s + demandIn(pm, p), 0));
    const model = buildModel(scenario, {
      prices,
      programs: () => [{ ...program, sourcing: {} }],
      effects: (e) => {
        const hosted = (e.hosted.get(deal.program) ?? []).find((h) => h.deal === deal.id);
        return { ...e, closures: new Map(), hosted: new Map(hosted ? [[deal.program, [{ ...hosted, plant, volume: demand }]]] : []) };
      },
    });
    const { flows } = computeFlows(model);
    for (let f = 0; f < flows.units.length; f++) {
      const u = flows.units[f] as number;
      const j = at.get(`${model.periodIndex.get(flows.period[f] as string)}\u0000${flows.market[f]}`);
      if (j === undefined || flows.plant[f] !== deal.plant || !(u > 0)) continue;
      out.transfer[j] = (flows.transfer[f] as number) / u;
      out.vehicleDuty[j] = (flows.vehicleDuty[f] as number) / u;
    }
  }
}

function plantEconomics(model: Model, plant: Plant): PlantEconomics {
  return {
    id: plant.id,
    owner: plant.owner,
    owners: ownerShares(plant),
    platforms: plant.platforms,
    capacity: model.periods.map((p) => plant.capacity * p.years * openShare(plant, p)),
    fixedCost: model.periods.map((p) => toBase(model, plant.fixedCost * p.years * openShare(plant, p), plant.currency, p.index)),
    annualFixedCost: model.periods.length > 0 ? toBase(model, plant.fixedCost, plant.currency, 0) : 0,
    ...(plant.closureCost !== undefined && model.periods.length > 0 ? { closureCost: toBase(model, plant.closureCost, plant.currency, 0) } : {}),
  };
}
