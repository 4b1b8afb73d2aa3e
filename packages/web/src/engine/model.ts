import {
  analyseDeal,
  type DealAnalysis,
  type DealConventions,
  dealConventions,
  diffTables,
  focusPeriod,
  gainsAtPrice,
  type HeadlineFigure,
  headlineImpacts,
  type Issue,
  loadScenario,
  profitBridge,
  profitSummary,
  type Results,
  type Run,
  runScenario,
  type Scenario,
  type Table,
} from "@tieup/core";
import { applyControls, type Controls } from "./controls.js";
import { memoryReader, type ScenarioFiles } from "./files.js";
import { type ScenarioMeta, scenarioMeta } from "./meta.js";

export interface Composed {
  scenario?: Scenario;
  issues: Issue[];
  overrides: string[];
}

/** Composes and validates the entry scenario (its text possibly edited) with named overrides: core's loadScenario over the files in memory. */
export function composeFiles(source: ScenarioFiles, withOverrides: readonly string[], entryText?: string): Composed {
  const files = entryText === undefined ? source.files : { ...source.files, [source.entry]: entryText };
  const loaded = loadScenario(source.entry, memoryReader(files), { overrides: withOverrides });
  const overrides = Object.keys(loaded.overrides);
  return loaded.scenario ? { scenario: loaded.scenario, issues: loaded.issues, overrides } : { issues: loaded.issues, overrides };
}

/** One deal's analysis and both parties' NPV gains along the transfer price (contract manufacturing only). */
export interface DealView {
  analysis: DealAnalysis;
  curve: { price: number; host: number; client: number }[];
  /** How the values are computed (valuation date, terminal value, taxes, cash view), stated with them. */
  conventions: DealConventions;
}

export interface Comparison {
  baseLabel: string;
  otherLabel: string;
  companies: Table;
  companyDuties: Table;
  plants: Table;
}

export interface Snapshot {
  meta: ScenarioMeta;
  /** Warnings of the composed scenario (broken citations and the like). */
  issues: Issue[];
  results: Results;
  /** Plants of the same scenario with every deal replaced by its counterfactual ("before the deals"); only when asked for. */
  before?: Pick<Results, "plants">;
  deal?: DealView;
  compare?: Comparison;
  /** Why the Compare view's other side could not be composed (an override that breaks the scenario): shown instead of a comparison. */
  compareFailure?: { label: string; issues: Issue[] };
  /** The scenario's headline: each company's tariff cost in the headline period and windows (Overview only; arrives in a second message). */
  headline?: HeadlineFigure[];
  /** With the headline: whole-company operating profit and its parts by period, and the tariff's effect on net income and EPS. */
  profit?: Table;
  /** With the headline: the whole-company operating-profit bridge into the headline period from the one before. */
  bridge?: Table;
}

/** A snapshot with the scenario it evaluated (controls applied) and its open prices, for work that follows it (the headline). */
export interface Evaluated {
  snapshot: Snapshot;
  scenario: Scenario;
  prices: Record<string, number>;
  run: Run;
}

/** Evaluates the scenario with the controls: results, the no-deal counterfactual and, when asked, one deal's analysis. */
export function snapshot(base: Scenario, overrides: string[], controls: Controls, want: { deal?: string; before?: boolean } = {}): Evaluated {
  const s = applyControls(base, controls);
  // The open prices it solves for are kept: the transfer-price control starts from them.
  const run = runScenario(s);
  const { results, prices } = run;
  // Each extra evaluation costs redraw time: only what the view on screen shows.
  // Both start from the run's prices rather than settling them again (a model with every deal replaced reads none).
  const before = want.before ? { plants: runScenario(s, { prices, counterfactual: new Set(s.deals.map((d) => d.id)) }).results.plants } : undefined;
  const deal = want.deal && s.deals.some((d) => d.id === want.deal) ? dealView(s, want.deal, prices) : undefined;
  // The meta describes the scenario as written: a control's label is its multiplier times that, never times itself.
  const snap: Snapshot = { meta: scenarioMeta(base, overrides, prices), issues: [], results, ...(before ? { before } : {}), ...(deal ? { deal } : {}) };
  return { snapshot: snap, scenario: s, prices, run };
}

/**
 * The scenario's headline figures (empty without a `headline:` block), the
 * whole-company profit summary and the bridge into the focus period: a few
 * more evaluations, so sent after the results.
 */
export function headlineOf(e: Evaluated): { headline: HeadlineFigure[]; profit: Table; bridge?: Table } {
  const headline = headlineImpacts(e.scenario, e.prices);
  const { run } = e;
  const focus = focusPeriod(e.scenario);
  const periods = run.model.periods.map((p) => p.id);
  const profit = profitSummary({ ...run, headline }, periods);
  const before = periods[periods.indexOf(focus) - 1];
  return before ? { headline, profit, bridge: profitBridge({ run, period: before }, { run, period: focus }) } : { headline, profit };
}

/** One deal's view; `prices`: the scenario's open prices at their Nash price, settled when not given. */
export function dealView(s: Scenario, dealId: string, prices: Record<string, number> = runScenario(s).prices): DealView {
  const analysis = analyseDeal(s, dealId, prices);
  const deal = analysis.deal;
  const conventions = dealConventions(s);
  if (deal.type !== "contract-manufacturing" || !analysis.price) return { analysis, curve: [], conventions };
  const { pLow, pHigh } = analysis.price.agreement;
  const lo = Math.max(0, Math.min(pLow, pHigh, analysis.price.used) * 0.85);
  const hi = Math.max(pLow, pHigh, analysis.price.used) * 1.15;
  // Linear gains need two points; otherwise sample the range.
  const steps = analysis.price.linear ? 1 : 12;
  const curve = Array.from({ length: steps + 1 }, (_, i) => {
    const price = lo + ((hi - lo) * i) / steps;
    return { price, ...gainsAtPrice(s, deal, prices, price) };
  });
  return { analysis, curve, conventions };
}

/**
 * Differences matched by key: `base` is the scenario as written (with its overrides), `other` has the controls and the
 * compared overrides. `baseResults`, when given, are `base`'s results already evaluated (they do not move with the controls).
 */
export function comparison(base: Scenario, other: Scenario, baseLabel: string, otherLabel: string, baseResults?: Results): Comparison {
  const a = baseResults ?? runScenario(base).results;
  const b = runScenario(other).results;
  return {
    baseLabel,
    otherLabel,
    companies: diffTables(a.companies, b.companies),
    companyDuties: diffTables(a.companyDuties, b.companyDuties),
    plants: diffTables(a.plants, b.plants),
  };
}
