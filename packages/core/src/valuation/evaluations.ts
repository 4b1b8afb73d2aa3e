import type { DealOptions } from "../deals/index.js";
import { type CompanyResults, evaluateCompanies } from "../evaluate/index.js";
import { buildModel } from "../model/model.js";
import type { Scenario } from "../scenario/schema.js";

/** Evaluates a scenario with deal options to its companies table (what valuations read): one evaluation per call. */
export type Evaluator = (options: DealOptions) => CompanyResults;

/** One evaluation per call, of the companies table only. */
export function plainEvaluator(scenario: Scenario): Evaluator {
  return (options) => evaluateCompanies(buildModel(scenario, options));
}
