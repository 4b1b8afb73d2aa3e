import { hasOpenPrice } from "../deals/types/contract-manufacturing.js";
import { COMPANIES, type CompanyResults } from "../evaluate/index.js";
import { didYouMean, type Issue } from "../issues/issue.js";
import type { Scenario } from "../scenario/schema.js";
import { expandHorizon } from "../time/periods.js";
import { analyseDeal, resolveOpenPrices } from "../valuation/analysis.js";
import { type DealValue, dealValue } from "../valuation/deal-value.js";
import { memoEvaluator } from "../valuation/evaluations.js";

/**
 * Outputs of a sweep, named by path:
 *   company.<company>.<period>.<column>   a column of the companies table (operatingProfit, profit, vehicleDuty, …)
 *   deal.<deal>.npv.<company>             NPV of a party's gain from the deal
 *   deal.<deal>.jointSurplus              NPV of all parties' gains, base currency
 *   deal.<deal>.winwin                    1 when every party gains at the base case's price, else 0 (its mean is the probability)
 *   deal.<deal>.zone                      1 when the draw leaves a zone of agreement (both gain at the draw's own Nash price)
 */
export type Metric =
  | { name: string; kind: "company"; company: string; period: string; column: string; unit: string }
  | { name: string; kind: "npv"; deal: string; company: string; unit: string }
  | { name: string; kind: "jointSurplus"; deal: string; unit: string }
  | {
      name: string;
      kind: "winwin";
      deal: string;
      parties: string[];
      unit: "probability";
      /** Open prices at their base-case Nash price: every draw is evaluated at them, not re-bargained. */
      agreed: Record<string, number>;
    }
  | { name: string; kind: "zone"; deal: string; parties: string[]; unit: "probability" };

/** A deal's 0/1 events (win-win, a zone of agreement), summarised as probabilities rather than distributions. */
export type ChanceMetric = Extract<Metric, { kind: "winwin" | "zone" }>;

export function isChance(m: Metric): m is ChanceMetric {
  return m.kind === "winwin" || m.kind === "zone";
}

/** What a chance output is the probability of, in the words of the reports. */
export function chanceEvent(m: ChanceMetric): string {
  return m.kind === "zone" ? "a zone of agreement exists" : "win-win at the base-case price";
}

// Every numeric column of the companies table is an output.
const COMPANY_VALUES: string[] = COMPANIES.columns.filter((c) => c.kind === "number").map((c) => c.name);

export type MetricParse = { metric: Metric } | { error: string; suggestion?: string };

/** Reads a metric path against a scenario; `parties` gives each deal's parties (see dealParties). */
export function parseMetric(s: Scenario, name: string, parties: Record<string, string[]>): MetricParse {
  const parts = name.split(".");
  const [kind, id, a, b] = parts;
  const periods = expandHorizon(s.horizon).map((p) => p.id);
  if (kind === "company") {
    const c = s.companies.find((x) => x.id === id);
    if (!c)
      return unknown(
        "company",
        id,
        s.companies.map((x) => x.id),
        "companies",
      );
    if (a === undefined || !periods.includes(a)) return unknown("period", a, periods);
    if (b === undefined || !COMPANY_VALUES.includes(b) || parts.length > 4) return unknown("column", b, COMPANY_VALUES);
    const unit = b === "units" ? "units" : b.endsWith("Base") ? s.fx.base : c.reportingCurrency;
    return { metric: { name, kind: "company", company: c.id, period: a, column: b, unit } };
  }
  if (kind === "deal") {
    const deal = s.deals.find((d) => d.id === id);
    if (!deal)
      return unknown(
        "deal",
        id,
        s.deals.map((d) => d.id),
      );
    const ps = parties[deal.id] ?? [];
    if (a === "winwin" && parts.length === 3)
      return { metric: { name, kind: "winwin", deal: deal.id, parties: ps, unit: "probability", agreed: agreedPrices(s) } };
    if (a === "zone" && parts.length === 3) return { metric: { name, kind: "zone", deal: deal.id, parties: ps, unit: "probability" } };
    if (a === "jointSurplus" && parts.length === 3) return { metric: { name, kind: "jointSurplus", deal: deal.id, unit: s.fx.base } };
    if (a === "npv" && parts.length === 4) {
      const c = s.companies.find((x) => x.id === b);
      if (!c) return unknown("company", b, ps.length ? ps : s.companies.map((x) => x.id), "companies");
      return { metric: { name, kind: "npv", deal: deal.id, company: c.id, unit: c.reportingCurrency } };
    }
    return unknown("deal output", parts.slice(2).join("."), ["npv.<company>", "jointSurplus", "winwin", "zone"]);
  }
  return unknown("output kind", kind, ["company", "deal"]);
}

function unknown(what: string, got: string | undefined, known: string[], plural = `${what}s`): MetricParse {
  const best = got === undefined ? undefined : didYouMean(got, known);
  return {
    error: got === undefined || got === "" ? `missing ${what}` : `unknown ${what} \`${got}\``,
    suggestion: best ? `did you mean \`${best}\`?` : `${plural}: ${known.slice(0, 15).join(", ")}`,
  };
}

const agreedCache = new WeakMap<Scenario, Record<string, number>>();

/** The base case's open prices at their Nash price: what the parties would sign before the uncertainty resolves. */
function agreedPrices(s: Scenario): Record<string, number> {
  let p = agreedCache.get(s);
  if (!p) {
    p = resolveOpenPrices(s).prices;
    agreedCache.set(s, p);
  }
  return p;
}

/** Each deal's parties as the scenario is written: the companies whose profit it changes. */
export function dealParties(s: Scenario, dealIds: string[] = s.deals.map((d) => d.id)): Record<string, string[]> {
  if (dealIds.length === 0) return {};
  const { prices } = resolveOpenPrices(s);
  return Object.fromEntries(dealIds.map((id) => [id, analyseDeal(s, id, prices).parties]));
}

/** The default outputs: each company's whole-company operating profit in `period` (FY2026 when in the horizon, else the last), each deal's party NPVs and win-win, and whether a zone of agreement exists for a deal whose price is open. */
export function defaultMetricNames(s: Scenario, parties: Record<string, string[]>): string[] {
  const periods = expandHorizon(s.horizon).map((p) => p.id);
  const period = periods.includes("FY2026") ? "FY2026" : (periods[periods.length - 1] as string);
  return [
    ...s.companies.map((c) => `company.${c.id}.${period}.companyOperatingProfit`),
    ...s.deals.flatMap((d) => [
      ...(parties[d.id] ?? []).map((c) => `deal.${d.id}.npv.${c}`),
      `deal.${d.id}.winwin`,
      ...(hasOpenPrice(d) ? [`deal.${d.id}.zone`] : []),
    ]),
  ];
}

/**
 * The outputs named, or the scenario's defaults, as metrics; an unknown name
 * is an issue at `pathOf(k)` (the k-th name) with a suggestion. Parties are
 * worked out only for the deals the names mention (each costs evaluations).
 */
export function resolveMetrics(s: Scenario, names: readonly string[], pathOf: (k: number) => string): { metrics: Metric[]; issues: Issue[] } {
  const deals = names.length ? [...new Set(names.filter((n) => n.startsWith("deal.")).map((n) => n.split(".")[1] as string))] : undefined;
  const parties = dealParties(
    s,
    (deals ?? s.deals.map((d) => d.id)).filter((id) => s.deals.some((d) => d.id === id)),
  );
  const wanted = names.length ? names : defaultMetricNames(s, parties);
  const issues: Issue[] = [];
  const metrics: Metric[] = [];
  wanted.forEach((name, k) => {
    const r = parseMetric(s, name, parties);
    if ("metric" in r) metrics.push(r.metric);
    else issues.push({ severity: "error", path: pathOf(k), message: `${name}: ${r.error}`, ...(r.suggestion ? { suggestion: r.suggestion } : {}) });
  });
  return { metrics, issues };
}

/**
 * The outputs of one scenario (a draw): evaluates it once with open prices
 * at their Nash price (as `evaluate` does), then once more per deal named,
 * with that deal replaced by its counterfactual. Every evaluation goes
 * through one memo, so a model two of them share (a deal's counterfactual
 * and the price fit's, a hypothetical deal's counterfactual and the draw's
 * own run) is evaluated once: the same numbers, fewer evaluations.
 */
export function measure(s: Scenario, metrics: readonly Metric[]): number[] {
  const evaluate = memoEvaluator(s);
  const { prices } = resolveOpenPrices(s, evaluate);
  const results = evaluate({ prices });
  const values = new Map<string, DealValue>();
  const value = (id: string) => cached(values, id, () => dealValue(s, prices, results, id, evaluate));
  // At the base case's prices, evaluated once per draw when an output asks for it.
  let agreed: { prices: Record<string, number>; results: CompanyResults } | undefined;
  const atAgreed = new Map<string, DealValue>();
  const agreedValue = (id: string, p: Record<string, number>) => {
    // No open price the draw moved (none at all, or each where the base case had it): the draw's own run is the one.
    if (Object.entries(p).every(([k, v]) => prices[k] === v)) return value(id);
    if (agreed === undefined) {
      const at = { ...prices, ...p };
      agreed = { prices: at, results: evaluate({ prices: at }) };
    }
    const run = agreed;
    return cached(atAgreed, id, () => dealValue(s, run.prices, run.results, id, evaluate));
  };
  return metrics.map((m) => {
    if (m.kind === "company") return companyValue(results, m.company, m.period, m.column);
    if (m.kind === "winwin") return isWinWin(agreedValue(m.deal, m.agreed), m.parties) ? 1 : 0;
    const v = value(m.deal);
    if (m.kind === "jointSurplus") return v.joint;
    if (m.kind === "npv") return v.npv[m.company] ?? 0;
    return isWinWin(v, m.parties) ? 1 : 0;
  });
}

function cached<T>(map: Map<string, T>, key: string, make: () => T): T {
  const known = map.get(key);
  if (known !== undefined) return known;
  const v = make();
  map.set(key, v);
  return v;
}

/**
 * Every party's NPV gain is positive at the price the deal is evaluated at.
 * For `zone` that is the draw's own Nash price, inside the zone of agreement
 * whenever the zone is not empty (and 0 < weight < 1), so it measures whether
 * a zone exists; for `winwin` it is the base case's price, fixed before the
 * draw, so a draw can leave a party worse off. Parties are the deal's parties as the scenario is written (a draw in
 * which a party's gain is exactly zero is not a win for it).
 */
export function isWinWin(v: DealValue, parties: readonly string[]): boolean {
  const ps = parties.length ? parties : v.parties;
  return ps.length > 0 && ps.every((c) => (v.npv[c] ?? 0) > 0);
}

/** One cell of the companies table, found by its key columns (speed: no row objects, which a draw built for every company output). */
function companyValue(r: CompanyResults, company: string, period: string, column: string): number {
  const d = r.companies.data;
  const companies = d.company ?? [];
  const periods = d.period ?? [];
  for (let i = 0; i < r.companies.length; i++) if (companies[i] === company && periods[i] === period) return Number(d[column]?.[i] ?? 0);
  return 0;
}
