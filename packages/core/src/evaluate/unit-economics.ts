import { buildModel, toBase } from "../model.js";
import type { Plant } from "../schema/plant.js";
import type { Program } from "../schema/program.js";
import type { Scenario } from "../schema/scenario.js";
import { customsValuePerUnit } from "./duty.js";
import { computeFlows } from "./flows.js";
import { OFFSET, PARTS } from "./lines.js";
import { offsetPools } from "./offsets.js";
import { openShare } from "./plants.js";

/**
 * Per-unit economics of every lane an optimiser may use: one lane per period ×
 * program × plant × market with demand, where the plant may build the
 * program. Amounts per unit, base currency. Computed by the evaluator's own
 * flow code (tariff engine, routes, duties), so that an allocation priced
 * with these numbers is exactly what `evaluate` reports for it.
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
  /** Declared import value, which is also the transfer price when builder and seller differ. */
  customsValue: Float64Array;
  /** Offset pools (see evaluate/offsets.ts); 0 when `parameters.offsetCap` is `none`. */
  pools: number;
  /** Lane-major, `pools` per lane: uncapped offset per unit credited to the builder in each pool. */
  poolOffset: Float64Array;
  /** Lane-major: parts duties per unit that each pool's offsets may offset. */
  poolParts: Float64Array;
  /** Capacity (units) and fixed cost (base) of each plant by period index; closures by `openUntil` applied. */
  plants: PlantEconomics[];
  warnings: string[];
}

export interface PlantEconomics {
  id: string;
  owner: string;
  platforms: string[];
  capacity: number[];
  fixedCost: number[];
  /** One year of fixed cost, base currency at the first period's rate (the default closure cost). */
  annualFixedCost: number;
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
 * Lane economics of a validated scenario. Deals' cost factors and closures
 * apply; hosted volume does not (where to build is the optimiser's decision),
 * and a lane between companies declares the program's customs value. Price
 * pass-through is left out (it makes the price depend on the sourcing mix).
 */
export function laneEconomics(scenario: Scenario, canBuild: CanBuild = listsPlatform): LaneEconomics {
  // Contract manufacturing as its counterfactual: hosted volume is dropped below, and an open price needs no bargaining.
  const contracts = scenario.deals.filter((d) => d.type === "contract-manufacturing").map((d) => d.id);
  const model = buildModel(scenario, { counterfactual: new Set(contracts) });
  model.effects = { ...model.effects, hosted: new Map(), closures: new Map() };
  const plants = [...model.plants.values()];
  const warnings: string[] = [];
  model.programs = model.programs.flatMap((p) => {
    const at = plants.filter((k) => canBuild(p, k));
    if (p.passThrough && p.passThrough.share > 0)
      warnings.push(`program ${p.id}: price pass-through is not modelled by the optimiser (prices before pass-through)`);
    return at.length === 0 ? [] : [{ ...p, passThrough: undefined, sourcing: Object.fromEntries(at.map((k) => [k.id, 1 / at.length])) }];
  });
  const { flows, duties } = computeFlows(model);
  const n = flows.units.length;
  const pools = scenario.parameters.offsetCap === "none" ? { of: new Int32Array(model.measures.length).fill(-1), count: 0 } : offsetPools(model);
  const col = () => new Float64Array(n);
  const out: LaneEconomics = {
    base: model.base,
    periods: model.periods.map((p) => p.id),
    length: n,
    period: Int32Array.from(flows.period, (id) => model.periodIndex.get(id) as number),
    program: flows.program,
    plant: flows.plant,
    market: flows.market,
    seller: flows.seller,
    builder: flows.builder,
    demand: col(),
    price: col(),
    variableCost: col(),
    logistics: col(),
    vehicleDuty: col(),
    partsDuty: col(),
    offset: col(),
    customsValue: col(),
    pools: pools.count,
    poolOffset: new Float64Array(n * pools.count),
    poolParts: new Float64Array(n * pools.count),
    plants: plants.map((k) => plantEconomics(model, k)),
    warnings,
  };
  const programs = new Map(model.programs.map((p) => [p.id, p]));
  for (let f = 0; f < n; f++) {
    const u = flows.units[f] as number;
    const program = programs.get(flows.program[f] as string) as Program;
    const t = out.period[f] as number;
    const share = 1 / Object.keys(program.sourcing).length;
    out.demand[f] = u / share;
    out.price[f] = flows.price[f] as number;
    out.variableCost[f] = (flows.variableCost[f] as number) / u;
    out.logistics[f] = (flows.logistics[f] as number) / u;
    out.vehicleDuty[f] = (flows.vehicleDuty[f] as number) / u;
    out.partsDuty[f] = (flows.partsDuty[f] as number) / u;
    out.offset[f] = (flows.offset[f] as number) / u;
    const currency = model.markets.get(flows.market[f] as string)?.currency ?? model.base;
    out.customsValue[f] = customsValuePerUnit(model, program, out.price[f] as number, currency, t);
  }
  for (let i = 0; i < duties.length; i++) {
    const pool = pools.of[duties.measure[i] as number] as number;
    if (pool < 0) continue;
    const f = duties.flow[i] as number;
    const perUnit = (duties.amount[i] as number) / (flows.units[f] as number);
    const at = f * pools.count + pool;
    if (duties.kind[i] === OFFSET) out.poolOffset[at] = (out.poolOffset[at] as number) - perUnit;
    else if (duties.kind[i] === PARTS) out.poolParts[at] = (out.poolParts[at] as number) + perUnit;
  }
  return out;
}

function plantEconomics(model: ReturnType<typeof buildModel>, plant: Plant): PlantEconomics {
  return {
    id: plant.id,
    owner: plant.owner,
    platforms: plant.platforms,
    capacity: model.periods.map((p) => plant.capacity * p.years * openShare(plant, p)),
    fixedCost: model.periods.map((p) => toBase(model, plant.fixedCost * p.years * openShare(plant, p), plant.currency, p.index)),
    annualFixedCost: model.periods.length > 0 ? toBase(model, plant.fixedCost, plant.currency, 0) : 0,
  };
}
