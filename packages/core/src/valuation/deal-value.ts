import { isHypothetical } from "../deals/index.js";
import { replacedBy } from "../deals/registry.js";
import { type CompanyResults, evaluateCompanies } from "../evaluate/index.js";
import { buildModel, type Model } from "../model/model.js";
import { rows } from "../results/table.js";
import type { Scenario } from "../scenario/schema.js";
import { expandHorizon } from "../time/periods.js";
import { discountFactors, npv, valuationOffset } from "./npv.js";

export interface DealValue {
  /** Companies whose profit the deal changes. */
  parties: string[];
  /** NPV of each party's change in profit, in its reporting currency. */
  npv: Record<string, number>;
  /** NPV of all parties' changes, base currency. */
  joint: number;
}

/**
 * What a sweep needs of a deal, at the cost of one evaluation: the scenario
 * as evaluated (`on`, every open price at its resolved Nash price, shared by
 * all deals of a draw) against the same scenario with this deal replaced by
 * its counterfactual. The same sums as deals/analysis.ts (`analyseDeal`,
 * checked equal in the tests) without the price analysis, plant changes and
 * break-even volume, which a draw does not report. `evaluate` is the lean
 * companies-only evaluation unless a caller (the full sweep path) asks
 * otherwise; `off`, the counterfactual's evaluation when the caller has it.
 */
export function dealValue(
  s: Scenario,
  prices: Record<string, number>,
  evaluated: CompanyResults,
  dealId: string,
  options: { evaluate?: (m: Model) => CompanyResults; off?: CompanyResults } = {},
): DealValue {
  const evaluate = options.evaluate ?? evaluateCompanies;
  let on = evaluated;
  const deal = s.deals.find((d) => d.id === dealId);
  const off = options.off ?? evaluate(buildModel(s, { prices, counterfactual: counterfactualOf(s, dealId) }));
  // A hypothetical deal is not in the draw's own evaluation: value it against one with it.
  if (deal && isHypothetical(deal)) on = evaluate(buildModel(s, { prices, whatIf: new Set([dealId]) }));
  const before = new Map(rows(off.companies).map((r) => [`${r.company}|${r.period}`, r]));
  const periods = expandHorizon(s.horizon);
  const gain = new Map<string, { profit: number[]; base: number[]; moved: boolean }>();
  for (const r of rows(on.companies)) {
    const b = before.get(`${r.company}|${r.period}`);
    const company = String(r.company);
    const g = gain.get(company) ?? { profit: new Array<number>(on.periods.length).fill(0), base: new Array<number>(on.periods.length).fill(0), moved: false };
    const t = on.periods.indexOf(String(r.period));
    const dProfit = Number(r.profit) - Number(b?.profit ?? 0);
    const dOperating = Number(r.operatingProfit) - Number(b?.operatingProfit ?? 0);
    g.profit[t] = dProfit;
    g.base[t] = Number(r.profitBase) - Number(b?.profitBase ?? 0);
    g.moved ||= Math.abs(dProfit) > 1e-6 || Math.abs(dOperating) > 1e-6;
    gain.set(company, g);
  }
  const parties = [...gain].filter(([, g]) => g.moved).map(([c]) => c);
  const result: DealValue = { parties, npv: {}, joint: 0 };
  for (const company of parties) {
    const c = s.companies.find((x) => x.id === company);
    const factors = discountFactors(periods, c?.discountRate ?? s.parameters.discountRate, valuationOffset(s));
    const g = gain.get(company) as { profit: number[]; base: number[] };
    result.npv[company] = npv(g.profit, factors);
    result.joint += npv(g.base, factors);
  }
  return result;
}

/** The deals a deal's counterfactual replaces (itself and its members). */
export function counterfactualOf(s: Scenario, dealId: string): Set<string> {
  const deal = s.deals.find((d) => d.id === dealId);
  return deal ? replacedBy(deal) : new Set([dealId]);
}

/**
 * The open prices a deal's counterfactual reads, as a key: a deal replaced by
 * its counterfactual pays no transfer price (contract manufacturing's
 * counterfactual builds at none), so the prices of the replaced deals do not
 * enter. Two runs of a draw at prices that differ only there share the
 * counterfactual's evaluation.
 */
export function counterfactualKey(s: Scenario, dealId: string, prices: Record<string, number>): string {
  const replaced = counterfactualOf(s, dealId);
  const read = Object.keys(prices)
    .filter((k) => !replaced.has(k))
    .sort()
    .map((k) => `${k}=${prices[k]}`);
  return `${dealId}|${read.join("|")}`;
}
