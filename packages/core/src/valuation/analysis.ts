import type { DealTerms } from "../deals/module.js";
import { type Deal, moduleOf, replacedBy } from "../deals/registry.js";
import { type ContractManufacturing, hasOpenPrice } from "../deals/types/contract-manufacturing.js";
import type { CompanyResults, Results } from "../evaluate/index.js";
import { buildModel, fxRate, rateIn } from "../model/model.js";
import { type Cell, rows } from "../results/table.js";
import type { Scenario } from "../scenario/schema.js";
import { isoOf } from "../time/dates.js";
import { expandHorizon, type Period } from "../time/periods.js";
import { type Agreement, fitLinear, linearAgreement, numericAgreement } from "./bargaining.js";
import { analysisEvaluators, type Evaluator, plainEvaluator } from "./evaluations.js";
import { type MarketReading, marketReading } from "./market.js";
import { netIncomeEffect } from "./net-income.js";
import { discountFactors, npv, valuationDay, valuationOffset } from "./npv.js";

/** One party's change against its own counterfactual, by period, in its reporting currency. */
export interface GainRow {
  company: string;
  period: string;
  currency: string;
  operatingProfit: number;
  profit: number;
  /** Changes in what the cash view needs: fixed cost (its depreciation is not cash), non-cash deal costs, dividends and stake sales received. */
  fixedCost: number;
  nonCashCosts: number;
  dividends: number;
  stakeSales: number;
}

export interface PartyValue {
  company: string;
  currency: string;
  discountRate: number;
  /** NPV of the change in profit (operating profit + equity income), before tax. */
  npv: number;
  npvPerShare: number | null;
  /** NPV of the change in net income: operating profit after the company's tax rate, equity income as booked, less the minority share; null without a tax rate. */
  npvAfterTax: number | null;
  npvAfterTaxPerShare: number | null;
  /**
   * NPV of the change in cash after tax: the operating change after tax, with
   * depreciation (parameters.depreciationShareOfFixedCost of fixed cost) and
   * write-offs added back, equity income replaced by the dividends and stake
   * sales received; null without a tax rate.
   */
  npvCash: number | null;
  /**
   * Value today of the gain after the horizon (before tax): a growing
   * perpetuity of the last period's annual gain (parameters.terminalGrowth)
   * or an exit multiple of it (parameters.exitMultiple); null without either.
   * Never included in `npv`.
   */
  terminalValue: number | null;
  /** The after-tax NPV against the company's share price and market value; null without market context. */
  market: MarketReading | null;
}

export interface PlantChange {
  plant: string;
  period: string;
  outputBefore: number;
  outputAfter: number;
  utilisationBefore: number;
  utilisationAfter: number;
  jobsBefore: number;
  jobsAfter: number;
}

export interface PriceAnalysis {
  /** Currency of the prices: the client program's. */
  currency: string;
  kind: "fixed" | "cost-plus" | "open";
  /** The price the deal is evaluated at (the Nash price when open and a zone exists). */
  used: number;
  weight: number;
  agreement: Agreement;
  /**
   * Currency of `agreement.jointSurplus`: the parties' reporting currency when
   * they share one, else the base currency (each party's gains converted at
   * each period's rate), so amounts in two currencies are never added.
   */
  surplusCurrency: string;
  /** Whether the gains are linear in the price (exact zone) or were solved numerically. */
  linear: boolean;
  /** The host's annual volume at which its NPV gain is zero at the used price, for the deal's ramp shape; null if none. */
  breakEvenVolume: number | null;
}

export interface DealAnalysis {
  deal: Deal;
  parties: string[];
  gains: GainRow[];
  values: PartyValue[];
  plants: PlantChange[];
  price?: PriceAnalysis;
  /** NPV of all parties' gains, each in its own currency converted to the base currency at each period's rate. */
  jointNpvBase: number;
  /**
   * For a joint development, each party's NPV against neither developing the
   * part (no development spending, costs as the programs state them), beside
   * `values`, which are against each developing it alone.
   */
  versusNeither?: PartyValue[];
  /** Each party's NPV against the deal module's other counterfactuals (a closure against keeping the plant idle), beside `values`. */
  versus?: { id: string; label: string; values: PartyValue[] }[];
  /** The deal type's own terms (a capital injection's issue-price zone, dilution, …), when its module states any. */
  terms?: DealTerms;
}

/** How every deal value is computed, stated with it: a reviewer's first questions. */
export interface DealConventions {
  /** NPVs are as of this day (parameters.valuationDate, else the horizon's first), ISO. */
  valuationDate: string;
  /** Periods of the explicit horizon; nothing beyond it is valued. */
  horizon: { from: string; to: string };
  discounting: "mid-period";
  /** none, a growing perpetuity of the last period's gain, or an exit multiple of it, reported apart (PartyValue.terminalValue). */
  terminalValue: "none" | { growingPerpetuity: number } | { exitMultiple: number };
  /** `npv` before tax; `npvAfterTax` after each company's tax rate and minority share, for companies that state a tax rate. */
  taxes: { company: string; taxRate: number | null }[];
  /** `npv` and `npvAfterTax` are accounting profit (fixed costs include depreciation); `npvCash` is cash after tax. */
  basis: "accounting profit";
  /** The cash view: depreciation's share of fixed cost and write-offs added back, equity income replaced by dividends and stake sales. */
  cash: { depreciationShareOfFixedCost: number };
}

export function dealConventions(scenario: Scenario): DealConventions {
  const periods = expandHorizon(scenario.horizon);
  return {
    valuationDate: isoOf(valuationDay(scenario)),
    horizon: { from: periods[0]?.id ?? "", to: periods.at(-1)?.id ?? "" },
    discounting: "mid-period",
    terminalValue: terminalRule(scenario) ?? "none",
    taxes: scenario.companies.map((c) => ({ company: c.id, taxRate: c.taxRate ?? null })),
    basis: "accounting profit",
    cash: { depreciationShareOfFixedCost: scenario.parameters.depreciationShareOfFixedCost },
  };
}

/** The terminal-value convention in words, as every report states it. */
export function terminalValueWords(tv: DealConventions["terminalValue"]): string {
  if (tv === "none") return "no terminal value";
  if ("exitMultiple" in tv) return `a terminal value apart (${tv.exitMultiple} times the last year's gain before tax, at the horizon's end)`;
  return `a terminal value apart (the last year's gain growing ${(tv.growingPerpetuity * 100).toFixed(1)}% a year forever)`;
}

/** Prices of the open contract-manufacturing deals: each at its Nash price, resolved in order; `evaluate` runs the evaluations (a sweep draw's memo). */
export function resolveOpenPrices(scenario: Scenario, evaluate: Evaluator = plainEvaluator(scenario)): { prices: Record<string, number>; warnings: string[] } {
  const prices: Record<string, number> = {};
  const warnings: string[] = [];
  const open = scenario.deals.filter(hasOpenPrice);
  for (const d of open) prices[d.id] = hostCost(scenario, d);
  for (const d of open) {
    // Settling a price needs the zone, not the break-even volume (one evaluation fewer per open deal, in every sweep draw).
    const a = priceAnalysis(scenario, d, prices, false, evaluate);
    if (a.agreement.nash === null)
      warnings.push(
        `deal ${d.id}: no transfer price makes both parties gain (host needs ≥ ${a.agreement.pLow.toFixed(0)}, client pays ≤ ${a.agreement.pHigh.toFixed(0)}); evaluated at the host's cost`,
      );
    prices[d.id] = a.used;
  }
  return { prices, warnings };
}

/** Analyses one deal: every party's gain against its own counterfactual (the same scenario with this deal replaced by it). */
export function analyseDeal(scenario: Scenario, dealId: string, prices: Record<string, number> = resolveOpenPrices(scenario).prices): DealAnalysis {
  const deal = scenario.deals.find((d) => d.id === dealId);
  if (!deal) throw new Error(`internal: no deal ${dealId}`);
  const evaluate = analysisEvaluators(scenario);
  const price = deal.type === "contract-manufacturing" ? priceAnalysis(scenario, deal, prices, true, evaluate.companies) : undefined;
  const withPrice = price ? { ...prices, [deal.id]: price.used } : prices;
  const on = evaluate.full({ prices: withPrice, whatIf: new Set([deal.id]) });
  const off = evaluate.full({ prices: withPrice, counterfactual: replacedBy(deal) });
  const gains = gainRows(on, off);
  const parties = movedCompanies(gains);
  const values = partyValues(scenario, on, gains, parties);
  const against: Against = { scenario, companies: evaluate.companies, prices: withPrice, on, parties };
  return {
    deal,
    parties,
    gains,
    values,
    plants: plantChanges(scenario, on, off),
    ...(price ? { price } : {}),
    jointNpvBase: jointBase(scenario, on, off, parties),
    ...(deal.type === "joint-development" ? { versusNeither: versusNeither(against, deal.id) } : {}),
    ...alternativesOf(against, deal),
    ...termsOf(scenario, deal, on, off, values),
  };
}

/** Companies whose profit or operating profit a comparison changes, in order of first appearance. */
function movedCompanies(gains: readonly GainRow[]): string[] {
  return [...new Set(gains.filter((g) => Math.abs(g.profit) > 1e-6 || Math.abs(g.operatingProfit) > 1e-6).map((g) => g.company))];
}

/** The values of the named companies' gains, in the scenario's order of companies. */
function partyValues(scenario: Scenario, on: Results, gains: GainRow[], companies: readonly string[]): PartyValue[] {
  return scenario.companies.filter((c) => companies.includes(c.id)).map((c) => partyValue(scenario, on, c.id, gains));
}

/** What the parties' values against another counterfactual are computed from: the deal as agreed (`on`) and the evaluations of the analysis (companies tables: all a value reads). */
interface Against {
  scenario: Scenario;
  companies: Evaluator;
  prices: Record<string, number>;
  on: Results;
  parties: string[];
}

/** Each party's value against every alternative counterfactual the deal's module names. */
function alternativesOf({ scenario, companies, prices, on, parties }: Against, deal: Deal): Pick<DealAnalysis, "versus"> {
  const alternatives = moduleOf(deal).alternatives ?? [];
  if (alternatives.length === 0) return {};
  return {
    versus: alternatives.map((alt) => {
      const off = companies({ prices, counterfactual: new Set([deal.id]), alternative: new Map([[deal.id, alt.id]]) });
      const gains = gainRows(on, off);
      return { ...alt, values: partyValues(scenario, on, gains, [...parties, ...movedCompanies(gains)]) };
    }),
  };
}

/** The deal module's own terms, computed from the evaluation as agreed and each party's after-tax value. */
function termsOf(scenario: Scenario, deal: Deal, on: Results, off: Results, values: PartyValue[]): { terms?: DealTerms } {
  const m = moduleOf(deal);
  if (!m.terms) return {};
  const afterTax = new Map(values.flatMap((v) => (v.npvAfterTax === null ? [] : [[v.company, v.npvAfterTax] as const])));
  const byKey = new Map(rows(on.companies).map((r) => [`${r.company}|${r.period}`, r]));
  const offKey = new Map(rows(off.companies).map((r) => [`${r.company}|${r.period}`, r]));
  const delta = (company: string, column: string, t: number) => {
    const key = `${company}|${on.periods[t]}`;
    return Number(byKey.get(key)?.[column] ?? 0) - Number(offKey.get(key)?.[column] ?? 0);
  };
  const netIncome = (company: string, t: number) => {
    const c = scenario.companies.find((x) => x.id === company);
    const r = byKey.get(`${company}|${on.periods[t]}`);
    if (!c || !r) return null;
    return netIncomeEffect(c, Number(r.companyOperatingProfit), Number(r.equityIncome)).netIncome;
  };
  const periods = expandHorizon(scenario.horizon);
  const convert = (amount: number, from: string, to: string, t: number) =>
    from === to ? amount : (amount / rateIn(scenario, periods, from, t)) * rateIn(scenario, periods, to, t);
  const asOf = valuationOffset(scenario);
  const day = valuationDay(scenario);
  const years = periods.reduce((x, p) => x + p.years, 0);
  const discount = (company: string) => {
    const r = scenario.companies.find((c) => c.id === company)?.discountRate ?? scenario.parameters.discountRate;
    return { factors: discountFactors(periods, r, asOf), end: (1 + r) ** -(years - asOf), future: periods.map((p) => p.start + p.days / 2 > day) };
  };
  const held = periods.findIndex((p) => p.start <= day && day <= p.end);
  const valuationPeriod = held >= 0 ? held : day < (periods[0]?.start ?? 0) ? 0 : periods.length - 1;
  const terms = m.terms(deal, { scenario, periods, afterTax, netIncome, delta, convert, discount, valuationPeriod });
  return terms ? { terms } : {};
}

/** Each party's NPV gain against the scenario without the deal at all (for a joint development: neither party develops). */
function versusNeither({ scenario, companies, prices, on, parties }: Against, dealId: string): PartyValue[] {
  const none = companies({ prices, absent: new Set([dealId]) });
  return partyValues(scenario, on, gainRows(on, none), parties);
}

/** NPV gains of host and client at a given transfer price (program currency), each in its reporting currency. */
export function gainsAtPrice(scenario: Scenario, deal: ContractManufacturing, prices: Record<string, number>, p: number): { host: number; client: number } {
  return gainsFunction(scenario, deal, prices)(p);
}

/**
 * The parties' gains at a price, each in its reporting currency, and their sum
 * in the base currency (at each period's rate). The counterfactual does not
 * depend on the price, so it is evaluated once.
 */
type GainsAt = ((p: number) => { host: number; client: number }) & { jointBase: (p: number) => number };

function gainsFunction(
  scenario: Scenario,
  deal: ContractManufacturing,
  prices: Record<string, number>,
  evaluate: Evaluator = plainEvaluator(scenario),
): GainsAt {
  const others = { ...prices };
  delete others[deal.id];
  const off = evaluate({ prices: others, counterfactual: new Set([deal.id]) });
  const on = (p: number) => evaluate({ prices: { ...others, [deal.id]: p } });
  const gains = (p: number) => {
    const at = on(p);
    const rowsAt = gainRows(at, off);
    const value = (c: string) => partyValue(scenario, at, c, rowsAt).npv;
    return { host: value(deal.host), client: value(deal.client) };
  };
  return Object.assign(gains, { jointBase: (p: number) => jointBase(scenario, on(p), off, [deal.host, deal.client]) });
}

function priceAnalysis(
  scenario: Scenario,
  deal: ContractManufacturing,
  prices: Record<string, number>,
  withBreakEven = true,
  evaluate: Evaluator = plainEvaluator(scenario),
): PriceAnalysis {
  const program = scenario.programs.find((p) => p.id === deal.program);
  // Prices are in the program's currency: scale the search by its variable cost, not by a market price in another currency.
  const ref = Math.max(1, 2 * (program?.variableCost ?? 1));
  const g = gainsFunction(scenario, deal, prices, evaluate);
  const fit = fitLinear(g, 0, ref, ref / 2);
  const agreement =
    fit.linear && fit.gains.bH > 0 && fit.gains.bC > 0
      ? linearAgreement(fit.gains, deal.bargainingWeight)
      : numericAgreement(g, 0, widen(g, ref), deal.bargainingWeight);
  const { currency: surplusCurrency, joint } = surplusIn(scenario, deal, g, agreement);
  const tp = deal.transferPrice;
  const kind = tp === "open" ? "open" : "perUnit" in tp ? "fixed" : "cost-plus";
  const used = tp === "open" ? (agreement.nash ?? hostCost(scenario, deal)) : "perUnit" in tp ? tp.perUnit : (1 + tp.costPlus) * (program?.variableCost ?? 0);
  return {
    currency: program?.currency ?? scenario.fx.base,
    kind,
    used,
    weight: deal.bargainingWeight,
    agreement: { ...agreement, jointSurplus: joint },
    surplusCurrency,
    linear: fit.linear,
    breakEvenVolume: withBreakEven ? breakEven(scenario, deal, prices, used, g(used).host) : null,
  };
}

/** The joint surplus of an agreement in one currency: the parties' own when shared, else the base (H and C are each in its party's). */
function surplusIn(scenario: Scenario, deal: ContractManufacturing, g: GainsAt, a: Agreement): { currency: string; joint: number } {
  const currencyOf = (id: string) => scenario.companies.find((c) => c.id === id)?.reportingCurrency ?? scenario.fx.base;
  const host = currencyOf(deal.host);
  if (host === currencyOf(deal.client)) return { currency: host, joint: a.jointSurplus };
  return { currency: scenario.fx.base, joint: g.jointBase(a.nash ?? (a.pLow + a.pHigh) / 2) };
}

/** An upper price at which the host gains and the client loses, doubling from `start` (at most 2^10 times it). */
function widen(g: (p: number) => { host: number; client: number }, start: number): number {
  let hi = start;
  for (let i = 0; i < 10; i++) {
    const at = g(hi);
    if (at.host > 0 && at.client < 0) return hi;
    hi *= 2;
  }
  return hi;
}

/** The host's variable cost per unit of the client's program: the price at which it earns no contribution. */
function hostCost(scenario: Scenario, deal: ContractManufacturing): number {
  return scenario.programs.find((p) => p.id === deal.program)?.variableCost ?? 0;
}

/**
 * Host break-even volume: its NPV gain is H = A − K, where K is the NPV of
 * its one-offs (retooling) and A scales with the volume. Scaling the ramp by
 * s gives s·A − K, zero at s* = K / A; reported as s* × the ramp's average
 * annual volume (its units over the years of the periods in which it builds).
 */
function breakEven(scenario: Scenario, deal: ContractManufacturing, prices: Record<string, number>, used: number, hostGain: number): number | null {
  const model = buildModel(scenario, { prices: { ...prices, [deal.id]: used } });
  const host = scenario.companies.find((c) => c.id === deal.host);
  if (!host) return null;
  const factors = discountFactors(model.periods, host.discountRate ?? scenario.parameters.discountRate, valuationOffset(scenario));
  const k = model.effects.oneOffs
    .filter((o) => o.deal === deal.id && o.company === deal.host)
    .reduce((s, o) => s + o.amount * fxRate(model, host.reportingCurrency, o.t) * (factors[o.t] ?? 0), 0);
  const a = hostGain + k;
  const building = model.periods.filter((p) => (deal.volume[p.id] ?? 0) > 0);
  if (a <= 0 || building.length === 0) return null;
  const units = building.reduce((s, p) => s + (deal.volume[p.id] ?? 0), 0);
  return (k / a) * (units / building.reduce((s, p) => s + p.years, 0));
}

/**
 * Each company and period's change from `off` to `on`. Speed: read by column
 * and index, not as row objects (the price fit of every sweep draw calls it).
 */
function gainRows(on: CompanyResults, off: CompanyResults): GainRow[] {
  const a = on.companies.data;
  const b = off.companies.data;
  const column = (d: Record<string, Cell[]>, name: string) => d[name] ?? [];
  const before = new Map<string, number>();
  const offCompany = column(b, "company");
  const offPeriod = column(b, "period");
  for (let j = 0; j < off.companies.length; j++) before.set(`${offCompany[j]}|${offPeriod[j]}`, j);
  const delta = (name: string, i: number, j: number | undefined) => Number(column(a, name)[i] ?? 0) - Number(j === undefined ? 0 : (column(b, name)[j] ?? 0));
  const out: GainRow[] = [];
  const company = column(a, "company");
  const period = column(a, "period");
  const currency = column(a, "currency");
  for (let i = 0; i < on.companies.length; i++) {
    const j = before.get(`${company[i]}|${period[i]}`);
    out.push({
      company: String(company[i]),
      period: String(period[i]),
      currency: String(currency[i]),
      operatingProfit: delta("operatingProfit", i, j),
      profit: delta("profit", i, j),
      fixedCost: delta("fixedCost", i, j),
      nonCashCosts: delta("nonCashCosts", i, j),
      dividends: delta("dividends", i, j),
      stakeSales: delta("stakeSales", i, j),
    });
  }
  return out;
}

function partyValue(scenario: Scenario, on: CompanyResults, company: string, gains: GainRow[]): PartyValue {
  const c = scenario.companies.find((x) => x.id === company);
  const rate = c?.discountRate ?? scenario.parameters.discountRate;
  const periods = expandHorizon(scenario.horizon);
  const asOf = valuationOffset(scenario);
  const factors = discountFactors(periods, rate, asOf);
  const rowsOf = on.periods.map((p) => gains.find((g) => g.company === company && g.period === p));
  const value = npv(
    rowsOf.map((g) => g?.profit ?? 0),
    factors,
  );
  const afterTax = c ? rowsOf.map((g) => netIncomeEffect(c, g?.operatingProfit ?? 0, (g?.profit ?? 0) - (g?.operatingProfit ?? 0)).netIncome) : [];
  const npvAfterTax =
    c?.taxRate === undefined
      ? null
      : npv(
          afterTax.map((x) => x ?? 0),
          factors,
        );
  const perShare = (x: number | null) => (x !== null && c?.sharesOutstanding ? x / c.sharesOutstanding : null);
  const d = scenario.parameters.depreciationShareOfFixedCost;
  const keep = 1 - (c?.minorityShare ?? 0);
  const cash = (g: GainRow | undefined) =>
    g === undefined || c?.taxRate === undefined
      ? 0
      : (g.operatingProfit * (1 - c.taxRate) + d * g.fixedCost + g.nonCashCosts) * keep + g.dividends + g.stakeSales;
  const npvCash = c?.taxRate === undefined ? null : npv(rowsOf.map(cash), factors);
  return {
    company,
    currency: c?.reportingCurrency ?? on.base,
    discountRate: rate,
    npv: value,
    npvPerShare: perShare(value),
    npvAfterTax,
    npvAfterTaxPerShare: perShare(npvAfterTax),
    npvCash,
    terminalValue: terminalValue(periods, rowsOf.at(-1)?.profit ?? 0, rate, terminalRule(scenario), asOf),
    market: marketReading(c, npvAfterTax),
  };
}

/** How a deal's value after the horizon is taken: a growing perpetuity, an exit multiple, or not at all. */
export type TerminalRule = { growingPerpetuity: number } | { exitMultiple: number } | undefined;

/** The scenario's terminal-value rule (validation refuses both at once). */
export function terminalRule(scenario: Scenario): TerminalRule {
  const { terminalGrowth, exitMultiple } = scenario.parameters;
  if (terminalGrowth !== undefined) return { growingPerpetuity: terminalGrowth };
  if (exitMultiple !== undefined) return { exitMultiple };
  return undefined;
}

/**
 * Value today of the gain after a horizon Y years long, from the last
 * period's annual gain A:
 *   growing perpetuity g, its first amount (1 + g)·A in the middle of the year after:
 *     Σ_k A(1+g)^k (1+r)^−(Y − ½ + k) = A(1+g)(1+r)^(½−Y) / (r − g)
 *   exit multiple M, as if sold at the horizon's end:  M·A·(1+r)^−Y
 * (each discounted to the valuation date, asOf years after the start).
 */
export function terminalValue(periods: readonly Period[], lastGain: number, rate: number, rule: TerminalRule | number | undefined, asOf = 0): number | null {
  const last = periods.at(-1);
  const r = typeof rule === "number" ? { growingPerpetuity: rule } : rule;
  if (r === undefined || !last) return null;
  const years = periods.reduce((s, p) => s + p.years, 0);
  const annual = lastGain / last.years;
  if ("exitMultiple" in r) return r.exitMultiple * annual * (1 + rate) ** (asOf - years);
  const g = r.growingPerpetuity;
  if (g >= rate) return null;
  return (annual * (1 + g) * (1 + rate) ** (0.5 - years + asOf)) / (rate - g);
}

function jointBase(scenario: Scenario, on: CompanyResults, off: CompanyResults, parties: string[]): number {
  const before = new Map(rows(off.companies).map((r) => [`${r.company}|${r.period}`, Number(r.profitBase)]));
  const periods = expandHorizon(scenario.horizon);
  let total = 0;
  for (const company of parties) {
    const c = scenario.companies.find((x) => x.id === company);
    const factors = discountFactors(periods, c?.discountRate ?? scenario.parameters.discountRate, valuationOffset(scenario));
    for (const r of rows(on.companies).filter((x) => x.company === company)) {
      const t = on.periods.indexOf(String(r.period));
      total += (Number(r.profitBase) - (before.get(`${company}|${r.period}`) ?? 0)) * (factors[t] ?? 0);
    }
  }
  return total;
}

function plantChanges(scenario: Scenario, on: Results, off: Results): PlantChange[] {
  const before = new Map(rows(off.plants).map((r) => [`${r.plant}|${r.period}`, r]));
  const jobsPerUnit = jobsRates(scenario, off);
  const capacity = new Map(scenario.plants.map((p) => [p.id, p.capacity]));
  // Jobs follow the annual rate of output: output × annual capacity ÷ the period's capacity.
  const jobs = (r: Record<string, unknown> | undefined) => {
    const cap = Number(r?.capacity ?? 0);
    return cap > 0 ? (Number(r?.output ?? 0) * (capacity.get(String(r?.plant)) ?? 0) * (jobsPerUnit.get(String(r?.plant)) ?? 0)) / cap : 0;
  };
  return rows(on.plants)
    .map((r) => {
      const b = before.get(`${r.plant}|${r.period}`);
      return {
        plant: String(r.plant),
        period: String(r.period),
        outputBefore: Number(b?.output ?? 0),
        outputAfter: Number(r.output),
        utilisationBefore: Number(b?.utilisation ?? 0),
        utilisationAfter: Number(r.utilisation),
        jobsBefore: jobs(b),
        jobsAfter: jobs(r),
      };
    })
    .filter((c) => Math.abs(c.outputAfter - c.outputBefore) > 1e-6);
}

/**
 * Jobs per vehicle of annual output at each plant: reported headcount over the
 * plant's annual rate of output in the first period it builds anything
 * (without the deal), or parameters.jobsPerThousandUnits where no headcount is
 * reported. Jobs are taken to move with output: a simplification that
 * overstates short-run changes (plants keep people through a ramp).
 */
function jobsRates(scenario: Scenario, off: Results): Map<string, number> {
  const out = new Map<string, number>();
  const plantRows = rows(off.plants);
  for (const p of scenario.plants) {
    const first = plantRows.find((r) => r.plant === p.id && Number(r.output) > 0 && Number(r.capacity) > 0);
    const annual = first ? (Number(first.output) * p.capacity) / Number(first.capacity) : 0;
    out.set(p.id, p.headcount && annual > 0 ? p.headcount / annual : scenario.parameters.jobsPerThousandUnits / 1000);
  }
  return out;
}
