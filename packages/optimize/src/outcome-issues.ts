import type { Issue, Scenario } from "@tieup/core";
import type { Violation } from "./formulation/elastic.js";
import type { Objective } from "./formulation/objective.js";
import { type OptimizeOutcome, type OptimizeRequest, optimizeScenario, parseObjective, solveOptions, solvesOf } from "./pipeline.js";
import { companiesOf } from "./problem/instance.js";
import { scenarioInstance } from "./scenario.js";
import { exportFormulation, type OptimumResult } from "./solve-instance.js";

/**
 * What an optimisation's user must hear when a solve has no answer, in the
 * scenario's terms: the rows that cannot be met together (each with a path
 * into the scenario or the request option behind it), or the limit that
 * stopped the solver. Every interface reports these the same way.
 */
export function outcomeIssues(o: OptimizeOutcome): Issue[] {
  // Every model without an answer is reported (each stand-alone one of a cooperation, then the alliance), not only the first.
  const issues: Issue[] = [];
  for (const r of solvesOf(o)) for (const i of unanswered(r, o)) if (!issues.some((x) => x.path === i.path && x.message === i.message)) issues.push(i);
  return issues;
}

/**
 * An objective as its user wrote it, optimised: the outcome, and the issues
 * that say why it has no answer (an unknown objective: no outcome; a solve
 * without an answer: the outcome, which may still be exported).
 */
export async function optimizeObjective(
  scenario: Scenario,
  objective: string,
  request: Omit<OptimizeRequest, "objective"> = {},
  si = scenarioInstance(scenario, { footprint: request.footprint !== undefined }),
): Promise<{ outcome?: OptimizeOutcome; issues: Issue[] }> {
  const parsed = parseObjective(objective, companiesOf(si.inst));
  if ("issue" in parsed) return { issues: [parsed.issue] };
  const outcome = await optimizeScenario(scenario, { ...request, objective: parsed.objective }, si);
  return { outcome, issues: outcomeIssues(outcome) };
}

/** The model text of an outcome for another solver, for the objective asked (alliance-fair with its stand-alone floors). */
export function exportOutcome(o: OptimizeOutcome, format: "lp" | "mps"): Promise<string> {
  const asked = o.request.objective;
  const objective: Objective =
    asked.kind === "alliance-fair"
      ? { kind: "alliance-fair", floors: new Map([...(o.cooperation?.standAlone ?? [])].map(([c, r]) => [c, r.objective])) }
      : asked;
  return exportFormulation(o.si.inst, o.scope, { ...solveOptions(o.si, o.request, o.discount), prefer: undefined, objective }, format);
}

/** Why a solve has no answer, in domain terms (what cannot be met together, or which limit stopped it); none when it has one. */
function unanswered(r: OptimumResult, run: OptimizeOutcome): Issue[] {
  if (r.status === "optimal" || (r.status === "time-limit" && Number.isFinite(r.objective))) return [];
  if (r.status === "infeasible") return r.violations.length > 0 ? r.violations.map((v) => violationIssue(v, run)) : [infeasible(r.detail)];
  if (r.status === "time-limit")
    return [
      {
        severity: "error",
        path: "--time-limit",
        message: "no feasible answer was found within the time limit",
        suggestion: "raise --time-limit, or loosen --gap",
      },
    ];
  throw new Error(`the solver stopped without an answer (${r.detail})`);
}

function infeasible(detail: string): Issue {
  return { severity: "error", path: "--objective", message: `the model has no feasible answer (${detail})`, suggestion: "try --demand ceiling" };
}

const units = (x: number) => Math.round(x).toLocaleString("en-US");

/** One violated row as an issue with a path into the scenario. */
function violationIssue(v: Violation, run: OptimizeOutcome): Issue {
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
