import { discountFactors, expandHorizon, type Issue, type Scenario, suggestId, valuationOffset } from "@tieup/core";
import { type Cooperation, cooperation } from "./cooperation.js";
import type { Discount } from "./formulation/discount.js";
import type { FootprintOptions } from "./formulation/footprint.js";
import type { Objective } from "./formulation/objective.js";
import { companiesOf, type Scope } from "./problem/instance.js";
import { type ScenarioInstance, scenarioInstance } from "./scenario.js";
import { type OptimizeOptions, type OptimumResult, optimizeInstance, valueAllocation } from "./solve-instance.js";

/** An objective as `--objective` writes it, read: a company alone, the alliance, or the alliance that leaves no company below its stand-alone optimum. */
export type ObjectiveChoice = Objective | { kind: "alliance-fair" };

/** What to optimise: the objective and the solver's settings. */
export interface OptimizeRequest {
  objective: ObjectiveChoice;
  footprint?: FootprintOptions | undefined;
  demand?: "ceiling" | "meet";
  /**
   * Each company's money discounted at its rate (NPV to the horizon's start)
   * rather than summed; default on with a footprint, where a closure's
   * one-off cost is weighed against savings in later years.
   */
  discount?: boolean | undefined;
  timeLimit?: number | undefined;
  gap?: number | undefined;
  /** HiGHS presolve; default on for an LP, off for a MIP (HiGHS' MIP presolve can return a worse answer as optimal). */
  presolve?: boolean | undefined;
}

/** A scenario's optimisation as every interface runs it: the instance, the request, and what the solves found. */
export interface OptimizeOutcome {
  scenario: Scenario;
  si: ScenarioInstance;
  request: OptimizeRequest;
  scope: Scope;
  /** The scenario's own sourcing valued by the optimiser. */
  baseline: OptimumResult;
  /** The optimum (or the best answer found) of the objective. */
  result: OptimumResult;
  /** For an alliance objective: each stand-alone optimum and the value of cooperation. */
  cooperation: Cooperation | undefined;
  /** The discount factors every profit of the outcome is weighted by (NPVs); none: horizon sums. */
  discount: Discount | undefined;
}

/** Reads an objective: `alliance`, `alliance-fair` or `company:<id>`; an issue at `--objective` naming the choices otherwise. */
export function parseObjective(text: string, companies: readonly string[]): { objective: ObjectiveChoice } | { issue: Issue } {
  if (text === "alliance") return { objective: { kind: "alliance" } };
  if (text === "alliance-fair") return { objective: { kind: "alliance-fair" } };
  const company = /^company:(.+)$/.exec(text)?.[1];
  if (company !== undefined && companies.includes(company)) return { objective: { kind: "company", company } };
  const choices = ["alliance", "alliance-fair", ...companies.map((c) => `company:${c}`)].join(", ");
  if (company !== undefined)
    return {
      issue: { severity: "error", path: "--objective", message: `unknown company \`${company}\``, suggestion: suggestId(company, companies, "companies") },
    };
  return { issue: { severity: "error", path: "--objective", message: `unknown objective \`${text}\``, suggestion: `one of ${choices}` } };
}

/** Whether a request discounts: as asked, else when it decides the footprint. */
export function discounts(request: OptimizeRequest): boolean {
  return request.discount ?? request.footprint !== undefined;
}

/** Each company's annual discount rate: its own, or the scenario's. */
export function discountRates(scenario: Scenario): Map<string, number> {
  return new Map(scenario.companies.map((c) => [c.id, c.discountRate ?? scenario.parameters.discountRate]));
}

/** Each company's discount factors over the scenario's periods (mid-period, to the valuation date, as `tieup deal` discounts). */
export function companyDiscount(scenario: Scenario): Discount {
  const periods = expandHorizon(scenario.horizon);
  const asOf = valuationOffset(scenario);
  return new Map([...discountRates(scenario)].map(([c, rate]) => [c, discountFactors(periods, rate, asOf)]));
}

/** The solver options of a request, with the scenario's own sourcing preferred among equally good answers. */
export function solveOptions(si: ScenarioInstance, request: OptimizeRequest, discount?: Discount): Omit<OptimizeOptions, "objective"> {
  return {
    footprint: request.footprint,
    demand: request.demand ?? "ceiling",
    discount,
    timeLimit: request.timeLimit,
    gap: request.gap,
    presolve: request.presolve,
    prefer: si.baseline,
  };
}

/**
 * Optimises a validated scenario: values its own sourcing, then solves the
 * company's optimum or, for an alliance, each stand-alone optimum and the
 * alliance's (the value of cooperation). Statuses are in the results; an
 * adapter decides what a status that is not `optimal` means to its user.
 */
export async function optimizeScenario(
  scenario: Scenario,
  request: OptimizeRequest,
  si = scenarioInstance(scenario, { footprint: request.footprint !== undefined }),
): Promise<OptimizeOutcome> {
  const { inst } = si;
  const companies = companiesOf(inst);
  const discount = discounts(request) ? companyDiscount(scenario) : undefined;
  const baseline = await valueAllocation(inst, { companies, crossCompany: true }, si.baseline, discount);
  const options = solveOptions(si, request, discount);
  const o = request.objective;
  if (o.kind === "company") {
    const scope = { companies: [o.company], crossCompany: false };
    const result = await optimizeInstance(inst, scope, { ...options, objective: o });
    return { scenario, si, request, scope, baseline, result, cooperation: undefined, discount };
  }
  const coop = await cooperation(inst, o.kind, options);
  return { scenario, si, request, scope: { companies, crossCompany: true }, baseline, result: coop.alliance, cooperation: coop, discount };
}

/** The value of cooperation in figures: Σ stand-alone optima, the alliance optimum and their difference; null for one company. */
export function cooperationSummary(o: OptimizeOutcome): { standAloneTotal: number; alliance: number; value: number } | null {
  const c = o.cooperation;
  return c ? { standAloneTotal: c.standAloneTotal, alliance: c.alliance.objective, value: c.value } : null;
}

/** Every solve behind an outcome (the objective's, and each stand-alone one of a cooperation). */
export function solvesOf(o: OptimizeOutcome): OptimumResult[] {
  return [o.result, ...(o.cooperation ? o.cooperation.standAlone.values() : [])];
}

/** Whether every solve behind the outcome proved its optimum. */
export function proven(o: OptimizeOutcome): boolean {
  return solvesOf(o).every((r) => r.status === "optimal");
}
