import { type DealEffects, type DealOptions, dealEffects, type EffectContext, emptyEffects } from "../deals/index.js";
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
 * id, sourcing and demand resolved per period, the deals' effects computed.
 * Built once and never changed, read many times (sweeps and optimisers
 * reuse it); a variant is another model, built with other options.
 */
export interface Model {
  readonly scenario: Scenario;
  readonly base: string;
  readonly periods: readonly Period[];
  readonly periodIndex: ReadonlyMap<string, number>;
  readonly companies: ReadonlyMap<string, Company>;
  readonly markets: ReadonlyMap<string, Market>;
  /** Plants by id, closed from the last day of any deal that closes them. */
  readonly plants: ReadonlyMap<string, Plant>;
  readonly programs: readonly Program[];
  readonly measures: readonly DatedMeasure[];
  /** What the scenario's deals do, each as agreed or as its counterfactual (see deals/). */
  readonly effects: DealEffects;
  /** Only sales on these days (day numbers, inclusive) pay duties; offsets too unless `offsets` is false. */
  readonly saleWindow?: { readonly from: number; readonly to: number; readonly offsets: boolean };
  /**
   * What evaluations of this model keep for the next ones (see
   * evaluate/flows.ts and evaluate/fx.ts); not an input, not enumerable.
   * Speed: a slot on the model rather than a WeakMap keyed by it, which keeps
   * short-lived models (a sweep builds a dozen per draw) alive through every
   * young-generation collection until a full one.
   */
  readonly memo?: ModelMemo;
}

/** Entries of Model.memo, each tagged with the model it was made for (a copy of a model made by spreading must not use them). */
export interface ModelMemo {
  flows?: { model: Model };
  fx?: { model: Model };
}

/** How a model is built: the deals' prices and counterfactuals, and variants for analyses that evaluate something else than the scenario as written. */
export interface BuildOptions extends DealOptions {
  /** The programs to evaluate instead of the scenario's (e.g. every program built at every plant that may build it). */
  programs?: (programs: readonly Program[], plants: ReadonlyMap<string, Plant>) => Program[];
  /** The deal effects the evaluator applies, from those computed (plants the deals close stay closed either way). */
  effects?: (effects: DealEffects) => DealEffects;
  /**
   * Charge duties only on the sales of these dates (a quarter inside a fiscal
   * year), each at the rates in force when it entered; `offsets: false`
   * keeps the period's whole offset credit.
   */
  saleWindow?: { from: string; to: string; offsets?: boolean };
}

/** Indexes a validated scenario; `options` sets open transfer prices, the deals replaced by their counterfactual and any variant. */
export function buildModel(scenario: Scenario, options: BuildOptions = {}): Model {
  const periods = expandHorizon(scenario.horizon);
  const periodIndex = new Map(periods.map((p) => [p.id, p.index]));
  const plants = byId(scenario.plants);
  const toBaseAt = (amount: number, currency: string, t: number) => amount / rateIn(scenario, periods, currency, t);
  const effects = scenario.deals.length > 0 ? dealEffects(effectContext(scenario, periods, periodIndex, plants, toBaseAt), options) : emptyEffects();
  for (const [id, closure] of effects.closures) {
    const plant = plants.get(id);
    if (plant && (plant.openUntil === undefined || plant.openUntil > closure.lastDay)) plants.set(id, { ...plant, openUntil: closure.lastDay });
  }
  const model: Model = {
    scenario,
    base: scenario.fx.base,
    periods,
    periodIndex,
    companies: byId(scenario.companies),
    markets: byId(scenario.markets),
    plants,
    programs: options.programs ? options.programs(scenario.programs, plants) : scenario.programs,
    measures: scenario.tariffs.map((m) => ({
      measure: m,
      from: dayNumber(m.from),
      to: m.to === undefined ? Number.POSITIVE_INFINITY : dayNumber(m.to),
    })),
    effects: options.effects ? options.effects(effects) : effects,
    ...(options.saleWindow
      ? { saleWindow: { from: dayNumber(options.saleWindow.from), to: dayNumber(options.saleWindow.to), offsets: options.saleWindow.offsets ?? true } }
      : {}),
  };
  Object.defineProperty(model, "memo", { value: {}, enumerable: false });
  return model;
}

/** What a deal module sees of the scenario while its effects are computed. */
function effectContext(
  scenario: Scenario,
  periods: Period[],
  periodIndex: Map<string, number>,
  plants: Map<string, Plant>,
  toBaseAt: (amount: number, currency: string, t: number) => number,
): EffectContext {
  const programs = new Map(scenario.programs.map((p) => [p.id, p]));
  return {
    scenario,
    periods,
    periodIndex,
    plants,
    toBase: toBaseAt,
    demand: (id, t) => {
      const program = programs.get(id);
      const period = periods[t] as Period;
      return program ? Object.values(program.markets).reduce((sum, pm) => sum + demandIn(pm, period), 0) : 0;
    },
  };
}

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x]));
}

/** Units of `currency` per unit of the base currency in period t. */
export function fxRate(model: Model, currency: string, t: number): number {
  return rateIn(model.scenario, model.periods, currency, t);
}

/** Units of `currency` per base unit in period t, from the scenario's rates (validation has checked they exist). */
export function rateIn(scenario: Pick<Scenario, "fx">, periods: readonly Period[], currency: string, t: number): number {
  if (currency === scenario.fx.base) return 1;
  const period = periods[t] as Period;
  const rate = scenario.fx.rates[currency]?.[period.id];
  if (rate === undefined) throw new Error(`internal: no FX rate for ${currency} in ${period.id} (validation should have caught this)`);
  return rate;
}

/** Converts an amount in `currency` to the base currency at period t's average rate. */
export function toBase(model: Model, amount: number, currency: string, t: number): number {
  return amount / fxRate(model, currency, t);
}

/** Shares of a program's volume by plant in period t. */
export function sourcingAt(program: Program, model: Pick<Model, "periodIndex">, t: number): Record<string, number> {
  const s = program.sourcing;
  if (!Array.isArray(s)) return s;
  let current: Record<string, number> = {};
  for (const step of s) {
    const from = model.periodIndex.get(step.from);
    if (from !== undefined && from <= t) current = step.shares;
  }
  return current;
}
