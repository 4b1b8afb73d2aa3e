import type { CapitalTie } from "../schema/deal.js";
import type { Period } from "../time/periods.js";
import type { DealEffects, DealOptions, EffectContext } from "./effects.js";

/**
 * Capital tie: the holder accounts for its stake by the equity method.
 *
 *   equity income(t) = stake(t) · investeeProfit(t)   (converted to base at t's rate)
 *   dividends(t)     = stake(t) · dividends(t)
 *
 * Why equity income is below operating profit: the holder does not control
 * the investee, so it books none of its revenue or costs, only one line, its
 * share of the investee's net profit (IAS 28, ASC 323; "share of profit of
 * associates", 持分法による投資利益 among non-operating items in Japanese
 * GAAP). That profit is after the investee's interest and taxes, so adding it
 * to the holder's operating profit would mix bases. The evaluator therefore
 * reports profit = operating profit + equity income and leaves operating
 * profit alone.
 *
 * Dividends are cash, not profit: under the equity method they reduce the
 * carrying value of the stake; counting them as income as well would count
 * the investee's profit twice. They are reported beside profit, never in it.
 *
 * Without the deal the holder holds `counterfactualStake` (0: no stake).
 */
export function capitalEffects(deal: CapitalTie, ctx: EffectContext, opts: DealOptions, out: DealEffects): void {
  const asAgreed = !opts.counterfactual?.has(deal.id);
  for (const period of ctx.periods) {
    const stake = asAgreed ? stakeIn(deal, period) : deal.counterfactualStake;
    if (stake === 0) continue;
    const t = period.index;
    const income = stake * ctx.toBase(deal.investeeProfit[period.id] ?? 0, deal.currency, t);
    const dividends = stake * ctx.toBase(deal.dividends?.[period.id] ?? 0, deal.currency, t);
    out.equity.push({ deal: deal.id, company: deal.holder, t, income, dividends });
  }
}

/** The stake held in a period: one number for every period, or the period's entry (validation requires every period). */
export function stakeIn(deal: CapitalTie, period: Period): number {
  return typeof deal.stake === "number" ? deal.stake : (deal.stake[period.id] ?? 0);
}
