import type { DealOptions } from "../deals/effects.js";
import type { Results } from "../evaluate/index.js";
import { type HeadlineFigure, headlineImpacts } from "../impact/headline.js";
import type { Model } from "../model/model.js";
import type { Scenario } from "../scenario/schema.js";
import { expandHorizon } from "../time/periods.js";
import { resolveOpenPrices } from "../valuation/analysis.js";
import { analysisEvaluators } from "../valuation/evaluations.js";

export interface RunOptions extends DealOptions {
  /** Also measure the scenario's headline tariff cost (four more evaluations per headline window). */
  headline?: boolean;
}

/** What a run produced: the model it evaluated, the open prices it settled on, the results tables and what to warn about. */
export interface Run {
  scenario: Scenario;
  model: Model;
  /** Transfer prices of open deals, at their Nash price (program currency per unit), unless given. */
  prices: Record<string, number>;
  results: Results;
  /** The results' warnings, open-price warnings included (the same list as results.warnings). */
  warnings: string[];
  /** The headline tariff cost, when asked for and the scenario declares one. */
  headline: HeadlineFigure[];
  /** The period reports lead with: the headline's, else the first of the horizon. */
  focus: string;
}

/**
 * The one way to evaluate a validated scenario: settle open transfer prices
 * at their Nash bargaining price (a deal with no zone of agreement is
 * evaluated at the host's cost, with a warning), build the model, evaluate
 * it, and optionally measure the headline. CLI, web, sweeps and calibration
 * all call this.
 */
export function runScenario(scenario: Scenario, options: RunOptions = {}): Run {
  const deals: DealOptions = options.counterfactual ? { counterfactual: options.counterfactual } : {};
  // The price fit's evaluations and the run share one cache of routes and schedules (speed: the run compiled them all again).
  const evaluators = analysisEvaluators(scenario);
  const resolved = options.prices ? { prices: { ...options.prices }, warnings: [] } : resolveOpenPrices(scenario, evaluators.companies);
  const { model, results } = evaluators.run({ prices: resolved.prices, ...deals });
  results.warnings.push(...resolved.warnings);
  const headline = options.headline ? headlineImpacts(scenario, resolved.prices) : [];
  return { scenario, model, prices: resolved.prices, results, warnings: results.warnings, headline, focus: focusPeriod(scenario) };
}

/** Results of the scenario with its deals as agreed and open prices at their Nash price. */
export function evaluate(scenario: Scenario): Results {
  return runScenario(scenario).results;
}

/** The period a report leads with: the scenario's headline period, else the first period of its horizon. */
export function focusPeriod(scenario: Scenario): string {
  return scenario.headline?.period ?? (expandHorizon(scenario.horizon)[0]?.id as string);
}
