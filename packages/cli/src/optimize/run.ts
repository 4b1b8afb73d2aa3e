import type { Issue, Scenario } from "@tieup/core";
import {
  type Cooperation,
  companiesOf,
  cooperation,
  exportFormulation,
  type FootprintOptions,
  type Objective,
  type OptimizeOptions,
  type OptimumResult,
  optimizeInstance,
  type ScenarioInstance,
  type Scope,
  type Violation,
  valueAllocation,
} from "@tieup/optimize";
import { InputError } from "../io/errors.js";

/** What `tieup optimize` was asked. */
export interface OptimizeRun {
  scenario: Scenario;
  si: ScenarioInstance;
  objective: Objective | { kind: "alliance-fair" };
  footprint: FootprintOptions | undefined;
  demand: "ceiling" | "meet";
  timeLimit: number | undefined;
  gap: number | undefined;
}

/** What it found: the scenario's own sourcing valued by the optimiser, the optimum, and for alliances the value of cooperation. */
export interface OptimizeOutcome {
  run: OptimizeRun;
  scope: Scope;
  baseline: OptimumResult;
  result: OptimumResult;
  cooperation: Cooperation | undefined;
}

export async function runOptimize(run: OptimizeRun): Promise<OptimizeOutcome> {
  const { inst, baseline: units } = run.si;
  const companies = companiesOf(inst);
  const baseline = await valueAllocation(inst, { companies, crossCompany: true }, units);
  const options = solveOptions(run);
  if (run.objective.kind === "company") {
    const scope = { companies: [run.objective.company], crossCompany: false };
    const result = checked(await optimizeInstance(inst, scope, { ...options, objective: run.objective }), run);
    return { run, scope, baseline, result, cooperation: undefined };
  }
  const coop = await cooperation(inst, run.objective.kind, options);
  for (const r of coop.standAlone.values()) checked(r, run);
  return { run, scope: { companies, crossCompany: true }, baseline, result: checked(coop.alliance, run), cooperation: coop };
}

function solveOptions(run: OptimizeRun): Omit<OptimizeOptions, "objective"> {
  return { footprint: run.footprint, demand: run.demand, timeLimit: run.timeLimit, gap: run.gap, prefer: run.si.baseline };
}

/** The model text for --export, for the objective asked (alliance-fair with its stand-alone floors). */
export function exportFor(run: OptimizeRun, outcome: OptimizeOutcome, format: "lp" | "mps"): Promise<string> {
  const o = run.objective;
  const objective: Objective =
    o.kind === "alliance-fair" ? { kind: "alliance-fair", floors: new Map([...(outcome.cooperation?.standAlone ?? [])].map(([c, r]) => [c, r.objective])) } : o;
  return exportFormulation(run.si.inst, outcome.scope, { ...solveOptions(run), prefer: undefined, objective }, format);
}

/** A solve without an answer is reported in domain terms: what cannot be met together, or which limit stopped it. */
function checked(r: OptimumResult, run: OptimizeRun): OptimumResult {
  if (r.status === "optimal" || (r.status === "time-limit" && Number.isFinite(r.objective))) return r;
  if (r.status === "infeasible") throw new InputError(r.violations.length > 0 ? r.violations.map((v) => violationIssue(v, run)) : [infeasible(r.detail)]);
  if (r.status === "time-limit")
    throw new InputError([
      {
        severity: "error",
        path: "--time-limit",
        message: "no feasible answer was found within the time limit",
        suggestion: "raise --time-limit, or loosen --gap",
      },
    ]);
  throw new Error(`the solver stopped without an answer (${r.detail})`);
}

function infeasible(detail: string): Issue {
  return { severity: "error", path: "--objective", message: `the model has no feasible answer (${detail})`, suggestion: "try --demand ceiling" };
}

const units = (x: number) => Math.round(x).toLocaleString("en-US");

/** One violated row as an issue with a path into the scenario. */
export function violationIssue(v: Violation, run: OptimizeRun): Issue {
  const args = /\((.*)\)/.exec(v.row)?.[1]?.split(",") ?? [];
  const [a = "", b = "", c = ""] = args;
  switch (v.family) {
    case "demand": {
      const full = v.related.map((row) => /^capacity\(([^,]*),/.exec(row)?.[1]).filter((p) => p !== undefined);
      const plants = full.length > 0 ? ` with ${full.join(", ")} at capacity (${full.map((p) => `plants[${p}].capacity`).join(", ")})` : "";
      return {
        severity: "error",
        path: `programs[${a}].markets.${b}.demand`,
        entity: a,
        message: `demand for ${a} in ${b} in ${c} cannot be met: ${units(v.amount)} units short${plants}`,
        suggestion: "lower the demand, add capacity or a plant that can build the platform, or use --demand ceiling",
      };
    }
    case "capacity":
      return {
        severity: "error",
        path: `plants[${a}].capacity`,
        entity: a,
        message: `${a} would need ${units(v.amount)} more units of capacity in ${b} to meet the demands above`,
        suggestion: "raise the capacity, or let other plants build these programs",
      };
    case "minUtilisation":
      return {
        severity: "error",
        path: "--min-utilisation",
        entity: a,
        message: `${a} cannot reach the minimum utilisation in ${b} (${units(v.amount)} units short)`,
        suggestion: "lower --min-utilisation",
      };
    case "fair":
      return {
        severity: "error",
        path: "--objective",
        entity: a,
        message: `${a} cannot be kept at its stand-alone optimum in the alliance (short by ${units(v.amount)} ${run.si.inst.base})`,
        suggestion: "use --objective alliance",
      };
    default:
      return { severity: "error", path: v.row, message: `violated by ${units(v.amount)}` };
  }
}
