import { evaluateModel, type Results } from "../evaluate/index.js";
import { buildModel } from "../model/model.js";
import type { Scenario } from "../scenario/schema.js";
import { resolveOpenPrices } from "../valuation/analysis.js";

/**
 * Evaluates a validated scenario with its deals as agreed. Deals whose
 * transfer price is open are evaluated at their Nash bargaining price (see
 * deals/analysis.ts); a deal with no zone of agreement is evaluated at the
 * host's cost and a warning says so.
 */
export function evaluate(scenario: Scenario): Results {
  const open = scenario.deals.some((d) => d.type === "contract-manufacturing" && d.transferPrice === "open");
  const resolved = open ? resolveOpenPrices(scenario) : { prices: {}, warnings: [] };
  const results = evaluateModel(buildModel(scenario, { prices: resolved.prices }));
  results.warnings.push(...resolved.warnings);
  return results;
}
