import { type DealEffects, type DealOptions, dealEffects } from "../deals/index.js";
import type { Scenario } from "../scenario/schema.js";
import type { Company } from "../schema/company.js";
import type { Market } from "../schema/market.js";
import type { Plant } from "../schema/plant.js";
import type { Program } from "../schema/program.js";
import { demandIn } from "../schema/queries.js";
import type { DatedMeasure } from "../tariff/schedule.js";
import { dayNumber } from "../time/dates.js";
import { expandHorizon, type Period } from "../time/periods.js";

/**
 * A validated scenario indexed for evaluation: periods expanded, entities by
 * id, sourcing and demand resolved per period. Built once, read many times
 * (sweeps and optimisers reuse it).
 */
export interface Model {
  scenario: Scenario;
  base: string;
  periods: Period[];
  periodIndex: Map<string, number>;
  companies: Map<string, Company>;
  markets: Map<string, Market>;
  plants: Map<string, Plant>;
  programs: Program[];
  measures: DatedMeasure[];
  /** What the scenario's deals do, each as agreed or as its counterfactual (see deals/). */
  effects: DealEffects;
}

/** Indexes a validated scenario; `deals` sets open transfer prices and which deals are replaced by their counterfactual. */
export function buildModel(scenario: Scenario, deals: DealOptions = {}): Model {
  const periods = expandHorizon(scenario.horizon);
  const periodIndex = new Map(periods.map((p) => [p.id, p.index]));
  const model: Model = {
    scenario,
    base: scenario.fx.base,
    periods,
    periodIndex,
    companies: byId(scenario.companies),
    markets: byId(scenario.markets),
    plants: byId(scenario.plants),
    programs: scenario.programs,
    measures: scenario.tariffs.map((m) => ({
      measure: m,
      from: dayNumber(m.from),
      to: m.to === undefined ? Number.POSITIVE_INFINITY : dayNumber(m.to),
    })),
    effects: { hosted: new Map(), costFactor: new Map(), oneOffs: [], equity: [], supplies: [], closures: new Map() },
  };
  if (scenario.deals.length > 0) applyDeals(model, deals);
  return model;
}

/** Computes the deals' effects and closes the plants that deals close (their capacity and fixed cost end). */
function applyDeals(model: Model, deals: DealOptions): void {
  const programs = new Map(model.programs.map((p) => [p.id, p]));
  model.effects = dealEffects(
    {
      scenario: model.scenario,
      periods: model.periods,
      periodIndex: model.periodIndex,
      plants: model.plants,
      toBase: (amount, currency, t) => toBase(model, amount, currency, t),
      demand: (id, t) => {
        const program = programs.get(id);
        const period = model.periods[t] as Period;
        return program ? Object.values(program.markets).reduce((sum, pm) => sum + demandIn(pm, period), 0) : 0;
      },
    },
    deals,
  );
  for (const [id, closure] of model.effects.closures) {
    const plant = model.plants.get(id);
    if (plant && (plant.openUntil === undefined || plant.openUntil > closure.lastDay)) model.plants.set(id, { ...plant, openUntil: closure.lastDay });
  }
}

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x]));
}

/** Units of `currency` per unit of the base currency in period t. */
export function fxRate(model: Model, currency: string, t: number): number {
  if (currency === model.base) return 1;
  const period = model.periods[t] as Period;
  const rate = model.scenario.fx.rates[currency]?.[period.id];
  if (rate === undefined) throw new Error(`internal: no FX rate for ${currency} in ${period.id} (validation should have caught this)`);
  return rate;
}

/** Converts an amount in `currency` to the base currency at period t's average rate. */
export function toBase(model: Model, amount: number, currency: string, t: number): number {
  return amount / fxRate(model, currency, t);
}

/** Shares of a program's volume by plant in period t. */
export function sourcingAt(program: Program, model: Model, t: number): Record<string, number> {
  const s = program.sourcing;
  if (!Array.isArray(s)) return s;
  let current: Record<string, number> = {};
  for (const step of s) {
    const from = model.periodIndex.get(step.from);
    if (from !== undefined && from <= t) current = step.shares;
  }
  return current;
}
