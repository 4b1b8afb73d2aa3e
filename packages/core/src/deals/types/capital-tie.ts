import { z } from "zod";
import { error, type Issue, warning } from "../../issues/issue.js";
import { Currency, Id, Source } from "../../schema/common.js";
import { amountsByPeriod, fraction } from "../../schema/quantity.js";
import type { Period } from "../../time/periods.js";
import { type DealCheckContext, missingRates, refs } from "../check.js";
import type { DealEffects, DealOptions, EffectContext } from "../effects.js";
import { type DealModule, ownCurrencyMoney } from "../module.js";

export const CapitalTie = z
  .strictObject({
    id: Id,
    type: z.literal("capital-tie"),
    name: z.string(),
    holder: Id.meta({ description: "Company that holds the stake (a company of the scenario)" }),
    investee: z.string().meta({ description: "Company whose shares are held (need not be modelled)" }),
    stake: z
      .union([fraction("Stake held"), z.record(z.string(), fraction("Stake held in the period"))])
      .meta({ description: "Share held: one number, or by period id" }),
    currency: Currency.meta({ description: "Currency of the investee's profit and dividends" }),
    investeeProfit: amountsByPeriod("Investee's net profit (equity-method basis)"),
    dividends: amountsByPeriod("Dividends the investee pays in total; the holder receives its stake of them (cash, not profit)").optional(),
    counterfactualStake: fraction("Stake held without the deal (0: none)").default(0),
    source: Source.optional(),
    note: z.string().optional(),
  })
  .meta({ title: "Capital tie", description: "A stake in another company, accounted by the equity method; cross-shareholdings are two ties." });
export type CapitalTie = z.infer<typeof CapitalTie>;

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
function effects(deal: CapitalTie, ctx: EffectContext, opts: DealOptions, out: DealEffects): void {
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

/**
 * A capital tie: the holder is a modelled company (the investee need not be);
 * the stake and the investee's profit cover every period, so no period's
 * equity income is silently zero; dividends are not negative; the deal's
 * currency has a rate wherever it is converted.
 */
function check(d: CapitalTie, ctx: DealCheckContext, at: string): Issue[] {
  const { issues, check, period } = refs(ctx, d, at);
  check("holder", d.holder, ctx.companyIds, "company");
  if (d.holder === d.investee)
    issues.push(error(`${at}.investee`, `${d.holder} cannot hold a stake in itself`, "name the company whose shares the holder owns", d.id));
  if (typeof d.stake !== "number") {
    for (const p of Object.keys(d.stake)) period(`stake.${p}`, p);
    issues.push(...missing(ctx, d, `${at}.stake`, d.stake, "the stake", "or give one number for the whole horizon"));
  }
  for (const p of Object.keys(d.investeeProfit)) period(`investeeProfit.${p}`, p);
  issues.push(...missing(ctx, d, `${at}.investeeProfit`, d.investeeProfit, "the investee's profit", "write 0 for a period with no profit"));
  for (const [p, amount] of Object.entries(d.dividends ?? {})) {
    period(`dividends.${p}`, p);
    if (amount < 0) issues.push(error(`${at}.dividends.${p}`, `dividends of ${amount} are negative`, "dividends paid are 0 or more", d.id));
  }
  issues.push(...missingRates(ctx, d, at), ...sameTie(ctx, d, at));
  return issues;
}

/** Periods of the horizon a by-period record leaves out, as one error naming them all. */
function missing(ctx: DealCheckContext, d: CapitalTie, path: string, byPeriod: Record<string, number>, what: string, hint: string): Issue[] {
  const gaps = ctx.periods.filter((p) => byPeriod[p.id] === undefined).map((p) => p.id);
  if (gaps.length === 0) return [];
  return [error(path, `${what} is missing for ${gaps.join(", ")}`, `add ${path.replace(/^deals\[\d+\]\./, "")}.${gaps[0]}: … (${hint})`, d.id)];
}

/** A second tie of the same holder in the same investee counts the same shares twice, most likely by mistake. */
function sameTie(ctx: DealCheckContext, d: CapitalTie, at: string): Issue[] {
  const first = ctx.s.deals.find((x) => x.type === "capital-tie" && x.holder === d.holder && x.investee === d.investee);
  if (!first || first === d) return [];
  return [
    warning(
      `${at}.investee`,
      `${d.holder} already holds ${d.investee} through deal ${first.id}; both stakes are counted`,
      "give the whole stake in one deal, by period if it changes",
      d.id,
    ),
  ];
}

export const capitalTie = {
  type: "capital-tie",
  schema: CapitalTie,
  summary: "a stake in another company, accounted by the equity method (equity income below operating profit; dividends as cash)",
  effects,
  check,
  money: (raw, { base }) =>
    ownCurrencyMoney(raw, base, [
      ["investeeProfit", "*"],
      ["dividends", "*"],
    ]),
} satisfies DealModule<CapitalTie>;
