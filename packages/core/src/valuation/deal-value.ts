import { isHypothetical } from "../deals/index.js";
import { replacedBy } from "../deals/registry.js";
import type { CompanyResults } from "../evaluate/index.js";
import type { Cell } from "../results/table.js";
import type { Scenario } from "../scenario/schema.js";
import { expandHorizon } from "../time/periods.js";
import { type Evaluator, plainEvaluator } from "./evaluations.js";
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
 * break-even volume, which a draw does not report.
 */
export function dealValue(
  s: Scenario,
  prices: Record<string, number>,
  evaluated: CompanyResults,
  dealId: string,
  evaluate: Evaluator = plainEvaluator(s),
): DealValue {
  let on = evaluated;
  const deal = s.deals.find((d) => d.id === dealId);
  const off = evaluate({ prices, counterfactual: deal ? replacedBy(deal) : new Set([dealId]) });
  // A hypothetical deal is not in the draw's own evaluation: value it against one with it.
  if (deal && isHypothetical(deal)) on = evaluate({ prices, whatIf: new Set([dealId]) });
  // Speed: the three columns read by index, not every row as an object (a draw values each deal this way).
  const a = profitColumns(on);
  const b = profitColumns(off);
  const before = new Map(b.company.map((c, i) => [`${c}|${b.period[i]}`, i]));
  const periods = expandHorizon(s.horizon);
  const gain = new Map<string, { profit: number[]; base: number[]; moved: boolean }>();
  for (let i = 0; i < a.company.length; i++) {
    const j = before.get(`${a.company[i]}|${a.period[i]}`);
    const company = String(a.company[i]);
    const g = gain.get(company) ?? { profit: new Array<number>(on.periods.length).fill(0), base: new Array<number>(on.periods.length).fill(0), moved: false };
    const t = on.periods.indexOf(String(a.period[i]));
    const dProfit = Number(a.profit[i]) - Number(j === undefined ? 0 : b.profit[j]);
    const dOperating = Number(a.operatingProfit[i]) - Number(j === undefined ? 0 : b.operatingProfit[j]);
    g.profit[t] = dProfit;
    g.base[t] = Number(a.profitBase[i]) - Number(j === undefined ? 0 : b.profitBase[j]);
    g.moved ||= Math.abs(dProfit) > 1e-6 || Math.abs(dOperating) > 1e-6;
    gain.set(company, g);
  }
  const parties = [...gain].filter(([, g]) => g.moved).map(([c]) => c);
  const result: DealValue = { parties, npv: {}, joint: 0 };
  const asOf = parties.length ? valuationOffset(s) : 0;
  for (const company of parties) {
    const c = s.companies.find((x) => x.id === company);
    const factors = discountFactors(periods, c?.discountRate ?? s.parameters.discountRate, asOf);
    const g = gain.get(company) as { profit: number[]; base: number[] };
    result.npv[company] = npv(g.profit, factors);
    result.joint += npv(g.base, factors);
  }
  return result;
}

/** The companies table's columns a deal's value reads. */
function profitColumns(r: CompanyResults): Record<"company" | "period" | "profit" | "operatingProfit" | "profitBase", Cell[]> {
  const d = r.companies.data;
  const column = (name: string) => d[name] ?? [];
  return {
    company: column("company"),
    period: column("period"),
    profit: column("profit"),
    operatingProfit: column("operatingProfit"),
    profitBase: column("profitBase"),
  };
}
