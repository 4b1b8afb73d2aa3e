import { runScenario } from "../pipeline/run.js";
import { rows } from "../results/table.js";
import type { Scenario } from "../scenario/schema.js";

/** The reconciliation of a company's modelled scope with what it reported for the base year, and the values that make it exact. */
export interface ScopeFit {
  company: string;
  period: string;
  currency: string;
  /** The modelled scope's revenue and its share of the reported segment's revenue. */
  scopeRevenue: number;
  revenueShare: number;
  /** The scope's operating profit if it earned the segment's margin on its revenue: segment profit × revenue share. */
  target: number;
  /** The scope's operating profit and fixed cost as the scenario stands. */
  scopeOperatingProfit: number;
  fixedCost: number;
  /** The factor on the company's plant fixed costs that would put the scope's operating profit on the target. */
  fixedCostScale: number;
  /** The rest of company that makes the whole company equal the reported operating profit, with the scope on its target. */
  restOfCompany: number;
  reported: number;
}

/**
 * How far each company's modelled scope is from its reported figures, and
 * the two values that close the gap: a scale on the fixed costs of its
 * plants (the scope's profit on the segment-margin target: fixed costs have
 * no citable figure and carry the level) and the rest-of-company amount
 * (the whole company on the reported total). Linear, so exact: with scale k
 * the scope's profit is OP + (1 − k)·F. `tieup calibrate --fit` prints them;
 * the scenario states the results with their derivation (docs/calibration.md).
 */
export function fitScope(scenario: Scenario): ScopeFit[] {
  const run = runScenario(scenario);
  const out: ScopeFit[] = [];
  for (const c of scenario.companies) {
    const reported = c.reported;
    if (!reported) continue;
    const row = rows(run.results.companies).find((r) => r.company === c.id && r.period === reported.period);
    if (!row) continue;
    const revenue = Number(row.revenue);
    const op = Number(row.operatingProfit);
    const fixed = Number(row.fixedCost);
    const seg = reported.segment;
    const share = seg && seg.revenue > 0 ? revenue / seg.revenue : Number.NaN;
    const target = seg ? seg.operatingProfit * share : op;
    out.push({
      company: c.id,
      period: reported.period,
      currency: c.reportingCurrency,
      scopeRevenue: revenue,
      revenueShare: share,
      target,
      scopeOperatingProfit: op,
      fixedCost: fixed,
      fixedCostScale: fixed > 0 ? (op + fixed - target) / fixed : Number.NaN,
      restOfCompany: reported.operatingProfit - target - Number(row.costPrograms) - Number(row.otherPlanned),
      reported: reported.operatingProfit,
    });
  }
  return out;
}
