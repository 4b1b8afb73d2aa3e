import type { CapitalTie } from "../schema/deal.js";
import type { CheckContext } from "./context.js";
import { refs } from "./deals.js";
import { error, type Issue, warning } from "./issue.js";

/**
 * A capital tie: the holder is a modelled company (the investee need not be);
 * the stake and the investee's profit cover every period, so no period's
 * equity income is silently zero; dividends are not negative; the deal's
 * currency has a rate wherever it is converted.
 */
export function checkCapital(ctx: CheckContext, d: CapitalTie, at: string): Issue[] {
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
function missing(ctx: CheckContext, d: CapitalTie, path: string, byPeriod: Record<string, number>, what: string, hint: string): Issue[] {
  const gaps = ctx.periods.filter((p) => byPeriod[p.id] === undefined).map((p) => p.id);
  if (gaps.length === 0) return [];
  return [error(path, `${what} is missing for ${gaps.join(", ")}`, `add ${path.replace(/^deals\[\d+\]\./, "")}.${gaps[0]}: … (${hint})`, d.id)];
}

/** Equity income is converted at every period's rate, so the deal's currency needs one for each period. */
export function missingRates(ctx: CheckContext, d: { id: string; currency: string }, at: string, periods = ctx.periods.map((p) => p.id)): Issue[] {
  const { base, rates } = ctx.s.fx;
  if (d.currency === base) return [];
  const gaps = periods.filter((p) => ctx.periodIds.has(p) && rates[d.currency]?.[p] === undefined);
  if (gaps.length === 0) return [];
  return [
    error(
      `${at}.currency`,
      `no ${d.currency} rate for ${gaps.join(", ")} (the deal's amounts are in ${d.currency})`,
      `add fx.rates.${d.currency}.${gaps[0]}: <${d.currency} per ${base}>`,
      d.id,
    ),
  ];
}

/** A second tie of the same holder in the same investee counts the same shares twice, most likely by mistake. */
function sameTie(ctx: CheckContext, d: CapitalTie, at: string): Issue[] {
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
