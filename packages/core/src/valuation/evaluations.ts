import { type DealOptions, isHypothetical } from "../deals/index.js";
import { ScheduleCache } from "../evaluate/duty.js";
import { type CompanyResults, evaluateCompanies, evaluateModel, type Results } from "../evaluate/index.js";
import { buildModel, type Model } from "../model/model.js";
import type { Scenario } from "../scenario/schema.js";

/** Evaluates a scenario with deal options to its companies table (what valuations read): plainly, or through a memo that runs each distinct model once. */
export type Evaluator = (options: DealOptions) => CompanyResults;

/** One evaluation per call (what analyses do outside sweeps); the models share their tariff schedules, as in memoEvaluator. */
export function plainEvaluator(scenario: Scenario): Evaluator {
  return analysisEvaluators(scenario).companies;
}

/**
 * Evaluations of one scenario's models with deal options, to the companies
 * table (`companies`) or to every table (`full`), all through one cache of
 * schedules, routes and kept flows (see memoEvaluator): what one deal's
 * analysis runs, its price fit and its evaluations as agreed, replaced and
 * against alternatives. Speed: each evaluation with a cache of its own
 * compiled every route again, a third of analysing a deal.
 */
export function analysisEvaluators(scenario: Scenario): {
  companies: Evaluator;
  full: (options: DealOptions) => Results;
  /** The same as `full`, with the model it built (what a run reports). */
  run: (options: DealOptions) => { model: Model; results: Results };
} {
  // Deal options change neither the tariffs, the periods nor the sale window: every model here has the same schedules.
  let schedules: ScheduleCache | undefined;
  const built = (options: DealOptions) => {
    const m = buildModel(scenario, options);
    schedules ??= new ScheduleCache(m);
    return m;
  };
  const run = (options: DealOptions) => {
    const model = built(options);
    return { model, results: evaluateModel(model, schedules) };
  };
  return {
    companies: (options) => evaluateCompanies(built(options), schedules),
    full: (options) => run(options).results,
    run,
  };
}

/**
 * Evaluations of one scenario memoised by what its deals do in them. Two
 * option sets that leave every deal in the same state build the same model
 * (deal modules read only their own deal's counterfactual, absence,
 * alternative and price, see dealEffects), so they give the same results: a
 * sweep draw asks for the same model several times (a hypothetical deal's
 * counterfactual is the draw's own run; an open-price deal's counterfactual
 * is the price fit's and is the same at any price), and its models share
 * one cache of tariff schedules. Scoped to one draw: the results are shared,
 * so callers must not change them.
 */
export function memoEvaluator(scenario: Scenario): Evaluator & { runs: () => number } {
  const memo = new Map<string, CompanyResults>();
  const evaluate = plainEvaluator(scenario);
  let runs = 0;
  const evaluator = (options: DealOptions) => {
    const key = stateKey(scenario, options);
    let r = memo.get(key);
    if (r === undefined) {
      runs++;
      r = evaluate(options);
      memo.set(key, r);
    }
    return r;
  };
  return Object.assign(evaluator, { runs: () => runs });
}

/**
 * Each deal's state in an evaluation, in the scenario's order: absent, or
 * counterfactual or as agreed, with its alternative (a plant action reads it
 * either way) and, as agreed, its price.
 */
export function stateKey(scenario: Scenario, o: DealOptions): string {
  let key = "";
  for (const d of scenario.deals) {
    if (o.absent?.has(d.id)) {
      key += "-|";
      continue;
    }
    const alt = o.alternative?.get(d.id) ?? "";
    if (o.counterfactual?.has(d.id) || (isHypothetical(d) && !o.whatIf?.has(d.id))) key += `c${alt}|`;
    else {
      const p = o.prices?.[d.id];
      // String() of a number round-trips exactly; -0 is told apart from 0 (a price converts to a signed zero).
      key += `a${alt}:${p === undefined ? "" : Object.is(p, -0) ? "-0" : String(p)}|`;
    }
  }
  return key;
}
