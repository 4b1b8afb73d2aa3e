import { z } from "zod";
import { formatMoney, formatPercent, moneyUnit } from "../../format/numbers.js";
import { error, type Issue, warning } from "../../issues/issue.js";
import { Currency, Id, IsoDate, Source } from "../../schema/common.js";
import { amountsByPeriod, fraction, quantity } from "../../schema/quantity.js";
import { dayNumber } from "../../time/dates.js";
import { type Period, shareOfPeriod } from "../../time/periods.js";
import { type DealCheckContext, missingRates, refs } from "../check.js";
import type { DealEffects, DealOptions, EffectContext } from "../effects.js";
import { type DealModule, type DealTerms, ownCurrencyMoney, type TermsContext } from "../module.js";

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
    investeeMarket: z
      .strictObject({
        date: IsoDate,
        marketCap: quantity({ unit: "money", description: "The investee's market capitalisation on the day, in the deal's currency", min: 0 }),
        source: Source.optional(),
        note: z.string().optional(),
      })
      .optional()
      .meta({ description: "What the investee's shares are worth: the stake's market value, the proceeds of a sale, and the cash view of the tie" }),
    proceeds: amountsByPeriod(
      "Cash received for shares sold in the period, negative for shares bought (default: the change in the stake × investeeMarket.marketCap, where it changes)",
    ).optional(),
    reverse: z
      .strictObject({
        holder: z.string().meta({ description: "The investee, holding shares of this deal's holder (need not be modelled)" }),
        stake: fraction("Share of the holder's capital it owns"),
        currency: Currency.meta({ description: "Its reporting currency" }),
        fairValueFrom: IsoDate.optional().meta({ description: "Day from which it carries the stake at fair value (no equity income after it)" }),
        source: Source.optional(),
        note: z.string().optional(),
      })
      .optional()
      .meta({
        description: "The other side of a cross-shareholding: the investee's stake in the holder, valued from the holder's modelled net income and share price",
      }),
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
  const sales = asAgreed ? saleProceeds(deal, ctx.periods) : [];
  for (const period of ctx.periods) {
    const stake = asAgreed ? stakeIn(deal, period) : deal.counterfactualStake;
    const t = period.index;
    const proceeds = ctx.toBase(sales[t] ?? 0, deal.currency, t);
    if (stake === 0 && proceeds === 0) continue;
    const income = stake * ctx.toBase(deal.investeeProfit[period.id] ?? 0, deal.currency, t);
    const dividends = stake * ctx.toBase(deal.dividends?.[period.id] ?? 0, deal.currency, t);
    out.equity.push({ deal: deal.id, company: deal.holder, t, income, dividends, proceeds });
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
  for (const p of Object.keys(d.proceeds ?? {})) period(`proceeds.${p}`, p);
  if (d.reverse && d.reverse.holder === d.holder)
    issues.push(error(`${at}.reverse.holder`, `the other side of ${d.holder}'s stake cannot be ${d.holder} itself`, `name the investee, ${d.investee}`, d.id));
  issues.push(...missingRates(ctx, d, at), ...sameTie(ctx, d, at));
  if (d.reverse && d.reverse.currency !== d.currency) issues.push(...missingRates(ctx, { id: d.id, currency: d.reverse.currency }, `${at}.reverse`));
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

/** Cash from trading the stake in each period: as stated, else its fall (a sale, +) or rise (a purchase, −) at the investee's market value. */
export function saleProceeds(deal: CapitalTie, periods: readonly Period[]): number[] {
  return periods.map((p, t) => {
    const stated = deal.proceeds?.[p.id];
    if (stated !== undefined) return stated;
    const prev = t === 0 ? undefined : periods[t - 1];
    const sold = prev ? stakeIn(deal, prev) - stakeIn(deal, p) : 0;
    return deal.investeeMarket ? sold * deal.investeeMarket.marketCap : 0;
  });
}

/**
 * The tie in cash, as a holder deciding on the valuation date sees it: keep
 * the stake (dividends and sale proceeds as they come, the stake still held
 * at the horizon's end at today's market value) or sell the part above the
 * counterfactual stake now, at market. Equity income is not cash and does
 * not enter; past periods (middle before the valuation date) are sunk.
 *
 *   hold  = Σ_future w_t·(Δstake_t·dividends_t + proceeds_t) + w_end·Δstake_last·marketCap
 *   sell  = Δstake_now·marketCap,   Δstake = stake − counterfactualStake
 */
export function tieCashView(deal: CapitalTie, ctx: TermsContext, holderCurrency: string) {
  const periods = ctx.periods;
  const { factors, end, future } = ctx.discount(deal.holder);
  const mcap = deal.investeeMarket?.marketCap ?? 0;
  const proceeds = saleProceeds(deal, periods);
  const extra = (t: number) => stakeIn(deal, periods[t] as Period) - deal.counterfactualStake;
  const to = (x: number, t: number) => ctx.convert(x, deal.currency, holderCurrency, t);
  const cash = periods.map((p, t) => ({
    period: p.id,
    dividends: to(extra(t) * (deal.dividends?.[p.id] ?? 0), t),
    proceeds: to(proceeds[t] ?? 0, t),
    future: future[t] ?? false,
  }));
  const last = periods.length - 1;
  const now = ctx.valuationPeriod;
  const terminal = to(extra(last) * mcap, last);
  const hold = cash.reduce((x, c, t) => x + (c.future ? (c.dividends + c.proceeds) * (factors[t] ?? 0) : 0), 0) + end * terminal;
  const sellNow = to(extra(now) * mcap, now);
  return {
    cash,
    terminalStakeValue: terminal,
    hold,
    sellNow,
    holdVersusSell: hold - sellNow,
    marketValueNow: to(stakeIn(deal, periods[now] as Period) * mcap, now),
  };
}

function terms(deal: CapitalTie, ctx: TermsContext): DealTerms | undefined {
  const holder = ctx.scenario.companies.find((c) => c.id === deal.holder);
  const cur = holder?.reportingCurrency ?? ctx.scenario.fx.base;
  const m = (x: number, c = cur) => `${formatMoney(x, c)} ${moneyUnit(c)}`;
  const lines: string[] = [];
  const figures: Record<string, unknown> = {};
  if (deal.investeeMarket) {
    const v = tieCashView(deal, ctx, cur);
    const im = deal.investeeMarket;
    const sold = v.cash.filter((c) => c.proceeds !== 0);
    lines.push(
      `market value of the stake ${m(v.marketValueNow)} (${formatPercent(stakeIn(deal, ctx.periods[ctx.valuationPeriod] as Period))} of ${deal.investee}'s ${m(im.marketCap, deal.currency)} on ${im.date})`,
      sold.length === 0
        ? "no trade of shares in the horizon"
        : `${sold.every((c) => c.proceeds > 0) ? "sale proceeds" : "stake trades (sales +, purchases −)"} ${sold.map((c) => `${c.period} ${m(c.proceeds)}`).join(", ")}${deal.proceeds ? "" : " (at that market value)"}`,
      `in cash, against selling the stake above the counterfactual's now: keep ${m(v.hold)} (dividends and proceeds to the horizon, the stake at the end at today's value ${m(v.terminalStakeValue)}) vs sell now ${m(v.sellNow)}: ${m(v.holdVersusSell)}; equity income in the table is profit, not cash`,
    );
    Object.assign(figures, { currency: cur, ...v });
  }
  if (deal.reverse) lines.push(reverseLine(deal, deal.reverse, ctx, holder?.market, figures));
  return lines.length === 0 ? undefined : { lines, figures };
}

/** The investee's side of a cross-shareholding, valued from the holder's modelled net income and share price. */
function reverseLine(
  deal: CapitalTie,
  r: NonNullable<CapitalTie["reverse"]>,
  ctx: TermsContext,
  market: { date: string; sharePrice: number } | undefined,
  figures: Record<string, unknown>,
): string {
  const holder = ctx.scenario.companies.find((c) => c.id === deal.holder);
  const cur = holder?.reportingCurrency ?? ctx.scenario.fx.base;
  const fairFrom = r.fairValueFrom === undefined ? Number.POSITIVE_INFINITY : dayNumber(r.fairValueFrom);
  const income = ctx.periods.map((p) => {
    const ni = ctx.netIncome(deal.holder, p.index);
    const share = shareOfPeriod(p, p.start, fairFrom - 1); // equity-method days, before fair value
    return { period: p.id, amount: ni === null ? null : ctx.convert(r.stake * share * ni, cur, r.currency, p.index) };
  });
  const shown = income.filter((e) => e.amount !== null && e.amount !== 0);
  const mcap = market && holder?.sharesOutstanding ? market.sharePrice * holder.sharesOutstanding : null;
  const now = ctx.valuationPeriod;
  const value = mcap === null ? null : r.stake * mcap;
  Object.assign(figures, {
    reverse: {
      holder: r.holder,
      stake: r.stake,
      currency: r.currency,
      marketValue: value === null ? null : ctx.convert(value, cur, r.currency, now),
      equityIncome: income,
    },
  });
  const mv =
    value === null
      ? "no market value (the holder states no market context)"
      : `market value ${formatMoney(ctx.convert(value, cur, r.currency, now), r.currency)} ${moneyUnit(r.currency)} (${formatMoney(value, cur)} ${moneyUnit(cur)} at ${market?.date})`;
  const eq =
    shown.length === 0
      ? "no equity income in the horizon"
      : `equity income (its stake of ${deal.holder}'s modelled net income${r.fairValueFrom ? `, to ${r.fairValueFrom}` : ""}): ${shown.map((e) => `${e.period} ${formatMoney(e.amount, r.currency)}`).join(", ")} ${moneyUnit(r.currency)}`;
  return `other side: ${r.holder} holds ${formatPercent(r.stake, 2)} of ${deal.holder}${r.fairValueFrom ? `, at fair value from ${r.fairValueFrom}` : ""}: ${mv}; ${eq}`;
}

export const capitalTie = {
  type: "capital-tie",
  schema: CapitalTie,
  summary: "a stake in another company, accounted by the equity method (equity income below operating profit; dividends as cash)",
  effects,
  check,
  terms,
  money: (raw, { base }) =>
    ownCurrencyMoney(raw, base, [
      ["investeeProfit", "*"],
      ["dividends", "*"],
      ["proceeds", "*"],
      ["investeeMarket", "marketCap"],
    ]),
} satisfies DealModule<CapitalTie>;
