import { z } from "zod";
import { formatMoney, formatPercent, moneyUnit } from "../../format/numbers.js";
import { error, type Issue } from "../../issues/issue.js";
import { Currency, Id, IsoDate, Source } from "../../schema/common.js";
import { amountsByPeriod, fraction, quantity } from "../../schema/quantity.js";
import { dayNumber } from "../../time/dates.js";
import { shareOfPeriod } from "../../time/periods.js";
import { type DealCheckContext, missingRates, refs } from "../check.js";
import type { DealEffects, DealOptions, EffectContext } from "../effects.js";
import { type DealModule, type DealTerms, ownCurrencyMoney, type TermsContext } from "../module.js";

export const CapitalInjection = z
  .strictObject({
    id: Id,
    type: z.literal("capital-injection"),
    name: z.string(),
    hypothetical: z.boolean().default(false).meta({ description: "A deal no one has announced, studied as a what-if: every report marks it so" }),
    issuer: Id.meta({ description: "Company that issues the new shares (a company of the scenario with sharesOutstanding and market)" }),
    backer: z.string().meta({ description: "Who subscribes the shares (need not be modelled)" }),
    newShares: quantity({ unit: "units", description: "New shares issued to the backer", min: 0 }),
    issuePrice: z
      .union([z.literal("open"), quantity({ unit: "money", description: "Price per new share, in the issuer's reporting currency", min: 0 })])
      .meta({ description: "Price per new share (issuer's reporting currency), or open: the Nash price in the zone where both sides gain" }),
    date: IsoDate.meta({ description: "Day the shares are issued and the cash is received (inside the horizon)" }),
    currency: Currency.meta({ description: "Currency of `benefits`" }),
    benefits: amountsByPeriod(
      "Issuer's operating profit gained from the tie (purchasing, platforms), before tax; none: the backer brings cash only",
    ).optional(),
    bargainingWeight: fraction("Existing holders' bargaining weight over the issue price (0.5: the surplus is split evenly)").default(0.5),
    source: Source.optional(),
    note: z.string().optional(),
  })
  .meta({
    title: "Capital injection",
    description: "A strategic backer subscribes new shares of the issuer: cash raised, dilution, value per existing share and the zone of issue prices.",
  });
export type CapitalInjection = z.infer<typeof CapitalInjection>;

/**
 * Capital injection: a backer buys n new shares of an issuer with N shares
 * at price P. Before, the market values the issuer at P0 a share. The deal
 * adds the cash nP and the value S of its benefits to the issuer (after-tax
 * NPV of `benefits`), so the equity is worth N·P0 + n·P + S, shared by
 * N + n shares:
 *
 *   existing holders gain  E(P) = N/(N+n) · (N·P0 + n·P + S) − N·P0 = k·(P − P0) + N·S/(N+n)
 *   the backer gains       B(P) = n/(N+n) · (N·P0 + n·P + S) − n·P  = k·(P0 + S/N − P)
 *   with k = n·N/(N+n); E + B = S.
 *
 * Both gain for P in [P0 − S/n, P0 + S/N]: below the market price by at
 * most the benefit per new share, above it by at most the benefit per
 * existing share. With no benefit the zone is the share price alone: any
 * discount is a transfer from existing holders to the backer. The issuer's
 * profit moves only by the benefits: cash raised is equity, not profit.
 */
function effects(deal: CapitalInjection, ctx: EffectContext, opts: DealOptions, out: DealEffects): void {
  if (opts.counterfactual?.has(deal.id) || opts.absent?.has(deal.id)) return;
  for (const period of ctx.periods) {
    const amount = deal.benefits?.[period.id];
    if (!amount) continue;
    out.oneOffs.push({ deal: deal.id, company: deal.issuer, t: period.index, amount: -ctx.toBase(amount, deal.currency, period.index), item: "benefit" });
  }
}

/** The issue-price zone, price and what each side gets, from the issuer's after-tax NPV of the benefits S. */
export function injectionTerms(
  deal: CapitalInjection,
  market: { shares: number; sharePrice: number },
  benefit: number,
): {
  cashRaised: number;
  price: number;
  pLow: number;
  pHigh: number;
  nash: number;
  stake: number;
  existingGain: number;
  existingGainPerShare: number;
  valuePerExistingShare: number;
  backerGain: number;
} {
  const N = market.shares;
  const n = deal.newShares;
  const k = (n * N) / (N + n);
  const pLow = market.sharePrice - benefit / n;
  const pHigh = market.sharePrice + benefit / N;
  // Both gains move by k per unit of price, so the Nash price (maximising E^w·B^(1−w)) sits a share w of the way up the zone.
  const nash = pLow <= pHigh ? pLow + deal.bargainingWeight * (pHigh - pLow) : market.sharePrice;
  const price = deal.issuePrice === "open" ? nash : deal.issuePrice;
  const existingGain = k * (price - market.sharePrice) + (N * benefit) / (N + n);
  return {
    cashRaised: n * price,
    price,
    pLow,
    pHigh,
    nash,
    stake: n / (N + n),
    existingGain,
    existingGainPerShare: existingGain / N,
    valuePerExistingShare: market.sharePrice + existingGain / N,
    backerGain: k * (market.sharePrice + benefit / N - price),
  };
}

function terms(deal: CapitalInjection, ctx: TermsContext): DealTerms {
  const issuer = ctx.scenario.companies.find((c) => c.id === deal.issuer);
  const shares = issuer?.sharesOutstanding ?? 0;
  const sharePrice = issuer?.market?.sharePrice ?? 0;
  const cur = issuer?.reportingCurrency ?? ctx.scenario.fx.base;
  const benefit = ctx.afterTax.get(deal.issuer) ?? 0;
  const t = injectionTerms(deal, { shares, sharePrice }, benefit);
  const day = dayNumber(deal.date);
  const equityIncome = ctx.periods.map((p) => {
    const ni = ctx.netIncome(deal.issuer, p.index);
    // The backer's equity income starts on the issue day.
    return { period: p.id, amount: ni === null ? null : t.stake * shareOfPeriod(p, day, p.end) * ni };
  });
  const m = (x: number) => `${formatMoney(x, cur)} ${moneyUnit(cur)}`;
  const ps = (x: number) => `${x.toFixed(1)} ${cur}`;
  const held = equityIncome.filter((e) => e.amount !== null && e.amount !== 0);
  const lines = [
    ...(deal.hypothetical ? ["HYPOTHETICAL: no such deal has been announced; a what-if of the reports, left out of the scenario's other results"] : []),
    `${deal.backer} subscribes ${(deal.newShares / 1e9).toFixed(3)} billion new ${deal.issuer} shares on ${deal.date} at ${ps(t.price)}${deal.issuePrice === "open" ? ` (Nash price, existing holders' weight ${deal.bargainingWeight})` : ""}: cash raised ${m(t.cashRaised)}; the backer holds ${formatPercent(t.stake)} (existing holders diluted from 100% to ${formatPercent(1 - t.stake)})`,
    `issue-price zone ${t.pLow.toFixed(1)}–${ps(t.pHigh)} against the share price ${ps(sharePrice)} (${issuer?.market?.date ?? "no date"}): existing holders gain above ${ps(t.pLow)} (share price less the benefit per new share), the backer below ${ps(t.pHigh)} (share price plus the benefit per existing share)`,
    `value per existing share ${ps(t.valuePerExistingShare)} (${t.existingGainPerShare >= 0 ? "+" : ""}${t.existingGainPerShare.toFixed(2)}): the table values the benefit to ${deal.issuer} as a company, after-tax NPV ${m(benefit)}; at this price its existing holders keep ${m(t.existingGain)} and the backer gains ${m(t.backerGain)}`,
    held.length === 0
      ? "backer's equity income: none (the issuer states no tax rate, or the shares are issued after the horizon)"
      : `backer's equity income (its stake of ${deal.issuer}'s modelled net income, from the issue day): ${held.map((e) => `${e.period} ${formatMoney(e.amount, cur)}`).join(", ")} ${moneyUnit(cur)}`,
  ];
  return { lines, figures: { currency: cur, sharePrice, shares, benefitAfterTax: benefit, ...t, equityIncome, hypothetical: deal.hypothetical } };
}

/**
 * A capital injection: the issuer is a modelled company with shares and a
 * share price (the zone is read against them); the issue day lies inside the
 * horizon; benefits name known periods; the backer is someone else.
 */
function check(d: CapitalInjection, ctx: DealCheckContext, at: string): Issue[] {
  const { issues, check, period } = refs(ctx, d, at);
  if (check("issuer", d.issuer, ctx.companyIds, "company")) {
    const c = ctx.s.companies.find((x) => x.id === d.issuer);
    if (!c?.sharesOutstanding)
      issues.push(error(`${at}.issuer`, `${d.issuer} states no sharesOutstanding`, `add companies[${d.issuer}].sharesOutstanding (dilution needs it)`, d.id));
    if (!c?.market)
      issues.push(
        error(
          `${at}.issuer`,
          `${d.issuer} states no market context`,
          `add companies[${d.issuer}].market: { date, sharePrice } (the zone is read against it)`,
          d.id,
        ),
      );
  }
  if (d.backer === d.issuer) issues.push(error(`${at}.backer`, `${d.issuer} cannot back itself`, "name the investor who subscribes the shares", d.id));
  if (!(d.newShares > 0))
    issues.push(error(`${at}.newShares`, "no new shares are issued", "give the number of new shares, e.g. { value: 0.4, unit: billion }", d.id));
  const day = dayNumber(d.date);
  const first = ctx.periods[0];
  const last = ctx.periods.at(-1);
  if (first && last && (day < first.start || day > last.end))
    issues.push(error(`${at}.date`, `${d.date} is outside the horizon ${first.id}–${last.id}`, "issue the shares inside the horizon", d.id));
  for (const p of Object.keys(d.benefits ?? {})) period(`benefits.${p}`, p);
  issues.push(...missingRates(ctx, d, at, Object.keys(d.benefits ?? {})));
  return issues;
}

export const capitalInjection = {
  type: "capital-injection",
  schema: CapitalInjection,
  summary: "a strategic backer subscribes new shares: cash raised, dilution, value per existing share and the issue-price zone",
  effects,
  check,
  terms,
  money: (raw, { base }) => ownCurrencyMoney(raw, base, [["benefits", "*"]]),
} satisfies DealModule<CapitalInjection>;
