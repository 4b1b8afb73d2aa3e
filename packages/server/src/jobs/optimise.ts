import { focusPeriod, type Issue, type Scenario } from "@tieup/core";
import { type FootprintOptions, optimizeObjective, outcomeJson, scenarioInstance } from "@tieup/optimize";
import { z } from "zod";
import { overrides, ScenarioIssues } from "./common.js";

const fraction = z.number().min(0).max(1);

/** The parameters of `tieup optimize`, by the same names in camel case and with the same defaults. */
export const OPTIMISE_PARAMS = z.strictObject({
  with: overrides,
  objective: z.string().min(1).max(100).default("alliance").describe("company:<id> (stand-alone), alliance, or alliance-fair"),
  footprint: z.boolean().default(false).describe("also decide which plants to keep and which platforms to add (MILP)"),
  demand: z.enum(["ceiling", "meet"]).default("ceiling"),
  timeLimit: z.number().positive().max(86_400).optional().describe("HiGHS time limit, seconds"),
  gap: fraction.optional().describe("relative MIP gap at which to stop"),
  presolve: z.boolean().optional().describe("HiGHS presolve (default: on for the LP, off for the MILP)"),
  discount: z.boolean().optional().describe("profits as NPVs at each company's rate (default with footprint)"),
  minUtilisation: fraction.default(0.3),
  retoolCost: z.number().min(0).max(1e15).default(300e6).describe("one-off cost of adding a platform to a plant, base currency"),
  closureYears: z.number().min(0).max(100).default(1),
  retoolPlatforms: z.enum(["any", "own"]).default("any"),
  decideFrom: z.string().min(1).max(40).optional().describe("with footprint: the first period plants may close or retool"),
});

export type OptimiseParams = z.infer<typeof OPTIMISE_PARAMS>;

/** The CLI's option names in the optimiser's issues, as the API's parameter paths. */
const PARAM_OF: Record<string, string> = {
  "--objective": "params.objective",
  "--time-limit": "params.timeLimit",
  "--gap": "params.gap",
  "--min-utilisation": "params.minUtilisation",
  "--demand": "params.demand",
};

/** `tieup optimize` as a run: the same pipeline, its `--format json` as the result. */
export async function optimise(s: Scenario, p: OptimiseParams): Promise<unknown> {
  const si = scenarioInstance(s, { footprint: p.footprint });
  let footprint: FootprintOptions | undefined;
  if (p.footprint) {
    const period = p.decideFrom ?? focusPeriod(s);
    const firstDecision = si.inst.periods.indexOf(period);
    if (firstDecision < 0)
      throw new ScenarioIssues([
        { severity: "error", path: "params.decideFrom", message: `unknown period \`${period}\``, suggestion: `periods are ${si.inst.periods.join(", ")}` },
      ]);
    footprint = {
      minUtilisation: p.minUtilisation,
      retoolCost: p.retoolCost,
      closureYears: p.closureYears,
      platforms: p.retoolPlatforms,
      firstDecision,
      frozen: si.baseline,
    };
  }
  const request = { footprint, demand: p.demand, discount: p.discount, timeLimit: p.timeLimit, gap: p.gap, presolve: p.presolve };
  const { outcome, issues } = await optimizeObjective(s, p.objective, request, si);
  if (!outcome || issues.length > 0) throw new ScenarioIssues(issues.map(asParam));
  return outcomeJson(outcome);
}

function asParam(i: Issue): Issue {
  const path = PARAM_OF[i.path];
  return path ? { ...i, path, ...(i.suggestion ? { suggestion: i.suggestion.replace(/--([a-z-]+)/g, (_, o: string) => camel(o)) } : {}) } : i;
}

function camel(option: string): string {
  return option.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
