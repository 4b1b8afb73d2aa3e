import { evaluateModel } from "../evaluate/index.js";
import { buildModel } from "../model/model.js";
import { rows } from "../results/table.js";
import type { Scenario } from "../scenario/schema.js";
import { resolveOpenPrices } from "../valuation/analysis.js";
import { dealValue } from "../valuation/deal-value.js";
import type { Evaluator } from "../valuation/evaluations.js";
import { isWinWin, type Metric } from "./metrics.js";

/**
 * A draw's outputs the straightforward way: every valuation step builds a
 * model of its own and runs a full evaluateModel, nothing is shared or
 * memoised. What measure() computes through its memo, shared caches and
 * companies-only evaluations must equal this bit for bit: the sweep tests and
 * `bench/sweep.bench.mjs` hold the fast path to it, and the bench times both.
 */
export function measureStraight(s: Scenario, metrics: readonly Metric[]): number[] {
  const full: Evaluator = (o) => evaluateModel(buildModel(s, o));
  const { prices } = resolveOpenPrices(s, full);
  const results = full({ prices });
  return metrics.map((m) => {
    if (m.kind === "company") {
      const row = rows(results.companies).find((x) => x.company === m.company && x.period === m.period);
      return Number(row?.[m.column] ?? 0);
    }
    if (m.kind === "winwin") {
      const moved = Object.entries(m.agreed).some(([k, v]) => prices[k] !== v);
      const at = moved ? { ...prices, ...m.agreed } : prices;
      return isWinWin(dealValue(s, at, moved ? full({ prices: at }) : results, m.deal, full), m.parties) ? 1 : 0;
    }
    const v = dealValue(s, prices, results, m.deal, full);
    if (m.kind === "jointSurplus") return v.joint;
    if (m.kind === "npv") return v.npv[m.company] ?? 0;
    return isWinWin(v, m.parties) ? 1 : 0;
  });
}
