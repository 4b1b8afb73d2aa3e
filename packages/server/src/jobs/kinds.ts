import {
  analyseDeal,
  dealConventions,
  dealGainsTable,
  defaultMetricNames,
  diffTables,
  drawPlan,
  type Metric,
  profitSummary,
  resolveMetrics,
  runDraws,
  runScenario,
  type Scenario,
  SweepSummary,
  sensitivity,
  sweepTable,
  tornadoTable,
} from "@tieup/core";
import { z } from "zod";
import { CALIBRATE_PARAMS, type Calibration, calibrate } from "./calibrate.js";
import { overrides, ScenarioIssues, tablesJson } from "./common.js";
import { OPTIMISE_PARAMS, optimise } from "./optimise.js";

export { ScenarioIssues } from "./common.js";

/** The parameters of each kind of run: what the API accepts and the worker executes. */
export const RUN_PARAMS = {
  evaluate: z.strictObject({ with: overrides }),
  deal: z.strictObject({ with: overrides, deal: z.string().min(1).max(100).optional().describe("one deal's id; all deals when absent") }),
  compare: z.strictObject({
    with: overrides,
    against: z.strictObject({ version: z.int().min(1).optional(), with: overrides }).describe("the other side: another version and/or overrides"),
  }),
  sweep: z.strictObject({
    with: overrides,
    draws: z.int().min(1).max(1_000_000).default(1000),
    seed: z
      .int()
      .min(-(2 ** 31))
      .max(2 ** 31 - 1)
      .default(1),
    outputs: z
      .array(z.string().min(1).max(200))
      .max(50)
      .default([])
      .describe("metrics, e.g. company.honda.FY2026.operatingProfit; the scenario's defaults when empty"),
  }),
  sensitivity: z.strictObject({ with: overrides, output: z.string().min(1).max(200).optional() }),
  optimise: OPTIMISE_PARAMS,
  calibrate: CALIBRATE_PARAMS,
} as const;

export type RunKind = keyof typeof RUN_PARAMS;
export const RUN_KINDS = Object.keys(RUN_PARAMS) as RunKind[];

/**
 * A run as the worker receives it: the scenarios already composed and
 * validated by the API (runs.ts), so the worker only computes.
 */
export interface Job {
  kind: RunKind;
  scenario: Scenario;
  /** compare: the other side (another version and/or overrides). */
  other?: Scenario;
  params: Record<string, unknown>;
  /** calibrate: the targets and the scenario as of each target's date, composed by the API. */
  calibration?: Calibration;
}

export interface Hooks {
  progress(done: number, total: number): void;
  /** True once the run is cancelled: a sweep stops after its current slice and returns what it has, labelled. */
  cancelled(): boolean;
  /** Lets a cancel message arrive between slices. */
  yieldNow(): Promise<void>;
}

/** Executes a run: the same core calls as the CLI's commands, results as JSON tables (raw values). */
export async function execute(job: Job, hooks: Hooks): Promise<unknown> {
  const { scenario } = job;
  switch (job.kind) {
    case "evaluate":
      return evaluate(scenario);
    case "deal":
      return deals(scenario, (job.params as { deal?: string }).deal);
    case "compare":
      return compare(scenario, job.other ?? scenario);
    case "sweep":
      return sweep(scenario, job.params as SweepParams, hooks);
    case "sensitivity":
      return tornado(scenario, (job.params as { output?: string }).output);
    case "optimise":
      return optimise(scenario, job.params as z.infer<typeof OPTIMISE_PARAMS>);
    case "calibrate":
      if (!job.calibration) throw new Error("a calibrate run needs its targets");
      return calibrate(scenario, job.calibration);
  }
}

function evaluate(s: Scenario): unknown {
  const run = runScenario(s, { headline: true });
  const r = run.results;
  const tables = [r.companies, r.companyDuties, r.plants, r.duties, profitSummary(run, r.periods)];
  return { scenario: s.id, base: r.base, periods: r.periods, focus: run.focus, headline: run.headline, warnings: r.warnings, tables: tablesJson(tables) };
}

function deals(s: Scenario, only: string | undefined): unknown {
  const ids = s.deals.map((d) => d.id);
  if (only !== undefined && !ids.includes(only))
    throw new ScenarioIssues([{ severity: "error", path: "params.deal", message: `no deal \`${only}\``, suggestion: `deals are ${ids.join(", ")}` }]);
  const analyses = (only ? [only] : ids).map((id) => analyseDeal(s, id));
  return { scenario: s.id, conventions: dealConventions(s), deals: analyses, tables: tablesJson([dealGainsTable(s, analyses)]) };
}

function compare(a: Scenario, b: Scenario): unknown {
  const ra = runScenario(a).results;
  const rb = runScenario(b).results;
  const tables = [diffTables(ra.companies, rb.companies), diffTables(ra.companyDuties, rb.companyDuties), diffTables(ra.plants, rb.plants)];
  return { base: a.id, other: b.id, tables: tablesJson(tables) };
}

function metricsOf(s: Scenario, names: readonly string[], path: string): Metric[] {
  const { metrics, issues } = resolveMetrics(s, names, (k) => `params.${path}${path === "outputs" ? `[${k}]` : ""}`);
  if (issues.length) throw new ScenarioIssues(issues);
  return metrics;
}

function needsUncertainty(s: Scenario): void {
  if (!s.uncertainty?.parameters.length)
    throw new ScenarioIssues([
      {
        severity: "error",
        path: "uncertainty",
        message: "the scenario has no uncertainty block to draw from",
        suggestion: "add uncertainty.parameters, or an override that adds them",
      },
    ]);
}

export type SweepParams = { draws: number; seed: number; outputs: string[] };

/** What every sweep checks before its first draw: something to draw from, and the metrics it reports. */
export function sweepMetrics(s: Scenario, p: SweepParams): Metric[] {
  needsUncertainty(s);
  return metricsOf(s, p.outputs, "outputs");
}

/** Slices of 25 draws: each draw depends only on (seed, index), so a sweep cut short is the first draws of the full one. */
async function sweep(s: Scenario, p: SweepParams, hooks: Hooks): Promise<unknown> {
  const metrics = sweepMetrics(s, p);
  const plan = drawPlan(s);
  const summary = new SweepSummary(metrics, p.draws, false);
  let done = 0;
  while (done < p.draws && !hooks.cancelled()) {
    const end = Math.min(p.draws, done + 25);
    summary.addRows(runDraws(s, plan, metrics, p.seed, done, end));
    done = end;
    hooks.progress(done, p.draws);
    await hooks.yieldNow();
  }
  return sweepResult(s, p, summary, done);
}

/** A sweep's result from the summary of its first `done` draws (fed in draw order), labelled when cut short. */
export function sweepResult(s: Scenario, p: SweepParams, summary: SweepSummary, done: number): unknown {
  const outputs = summary.summaries();
  return {
    scenario: s.id,
    draws: done,
    seed: p.seed,
    ...(done < p.draws
      ? { interrupted: true, requested: p.draws, note: `cancelled after ${done} of ${p.draws} draws: the statistics of the first ${done} draws` }
      : {}),
    parameters: s.uncertainty?.parameters,
    outputs,
    tables: tablesJson([sweepTable(outputs)]),
  };
}

function tornado(s: Scenario, output: string | undefined): unknown {
  needsUncertainty(s);
  const [metric] = metricsOf(s, output ? [output] : [defaultMetricNames(s, {})[0] as string], "output") as [Metric];
  const { base, swings } = sensitivity(s, drawPlan(s), metric);
  return { scenario: s.id, output: metric, base, swings, tables: tablesJson([tornadoTable(swings)]) };
}
