import {
  type DrawPlan,
  dealParties,
  defaultMetricNames,
  drawPlan,
  histogram,
  type Metric,
  parseMetric,
  runDraws,
  type Scenario,
  type Summary,
  SweepSummary,
  type Swing,
  sensitivity,
} from "@tieup/core";
import { applyControls, type Controls } from "./controls.js";
import type { ScenarioFiles } from "./files.js";
import { composeFiles } from "./model.js";

/** The scenario the Uncertainty view draws from when the open one has no `uncertainty:` block (bundled with the app). */
export const UNCERTAIN_DEFAULT = "/scenarios/nissan-honda-us-uncertain.yaml";

export interface SweepRequest {
  source: ScenarioFiles;
  entryText?: string;
  with: string[];
  controls: Controls;
  draws: number;
  seed: number;
  /** Files holding UNCERTAIN_DEFAULT when `source` does not (a scenario served by `tieup serve`): the app's bundled ones. */
  fallback?: ScenarioFiles;
}

export interface SweepResult {
  scenario: string;
  /** "<id> (<distribution type>)" of each uncertain parameter. */
  parameters: string[];
  outputs: { metric: Metric; summary: Summary }[];
  draws: number;
  seed: number;
  ms: number;
  /** Draws asked for, when the sweep was stopped before them all (the statistics are of the first `draws`). */
  requested?: number;
}

/** The scenario to draw from: the open one if it has an uncertainty block, else the bundled uncertain default. */
export function uncertainScenario(req: SweepRequest): { scenario?: Scenario; message?: string } {
  const own = composeFiles(req.source, req.with, req.entryText).scenario;
  if (own?.uncertainty) return { scenario: own };
  const files = [req.source, req.fallback].find((f) => f?.files[UNCERTAIN_DEFAULT] !== undefined);
  if (!files) return { message: "the scenario has no uncertainty: block; see docs/uncertainty.md and scenarios/nissan-honda-us-uncertain.yaml" };
  const fallback = composeFiles({ ...files, entry: UNCERTAIN_DEFAULT }, req.with).scenario;
  return fallback?.uncertainty ? { scenario: fallback } : { message: `${UNCERTAIN_DEFAULT} does not validate` };
}

/** The histogram and the tornado of one output: what the view asks for when an output is picked. */
export interface OutputDetail {
  name: string;
  metric: Metric;
  /** Equal-width bins of the draws, in the metric's unit. */
  histogram: { edges: number[]; counts: number[] };
  /** One-at-a-time swings (P5 → P95 of each parameter, the others as written), largest first; base = the output with every parameter as written. */
  tornado: { base: number; swings: Swing[] };
}

/**
 * A finished sweep that keeps its draws (the browser's sweep is small: at
 * most a few thousand rows), so picking another output needs no new draws:
 * its histogram comes from the kept draws and its tornado from core's
 * one-at-a-time sensitivity, both in the worker.
 */
export class SweepSession {
  private readonly draws = new Map<string, number[]>();
  private constructor(
    private readonly scenario: Scenario,
    private readonly plan: DrawPlan,
    readonly result: SweepResult,
  ) {}

  /** Runs the sweep of `req` on `scenario` (as runSweep), keeping every draw. */
  static run(scenario: Scenario, req: SweepRequest, onProgress: (done: number) => void = () => {}): SweepSession {
    const run = SweepSession.start(scenario, req);
    while (run.step()) onProgress(run.done);
    return run.finish();
  }

  /**
   * The same sweep, giving way between chunks of draws (so a worker can
   * read a stop message) and stopping when `stop()` says so: the statistics
   * are then of the first draws, the same numbers as a sweep of that many.
   */
  static async runStoppable(scenario: Scenario, req: SweepRequest, onProgress: (done: number) => void, stop: () => boolean): Promise<SweepSession> {
    const run = SweepSession.start(scenario, req);
    while (!stop() && run.step()) {
      onProgress(run.done);
      await new Promise((r) => setTimeout(r, 0));
    }
    return run.finish();
  }

  private static start(scenario: Scenario, req: SweepRequest) {
    const t0 = performance.now();
    const s = applyControls(scenario, req.controls);
    const plan = drawPlan(s);
    const metrics = sweepMetrics(s);
    const summary = new SweepSummary(metrics, req.draws, true);
    const chunk = 20;
    let done = 0;
    return {
      get done() {
        return done;
      },
      /** Draws the next chunk; false when every draw is done. */
      step(): boolean {
        if (done >= req.draws) return false;
        const end = Math.min(req.draws, done + chunk);
        summary.addRows(runDraws(s, plan, metrics, req.seed, done, end));
        done = end;
        return true;
      },
      finish(): SweepSession {
        const summaries = summary.summaries();
        const session = new SweepSession(s, plan, {
          scenario: s.id,
          parameters: (s.uncertainty?.parameters ?? []).map((p) => `${p.id} (${p.distribution.type})`),
          outputs: summaries.map(({ metric, summary: sm }) => ({ metric, summary: sm })),
          draws: done,
          seed: req.seed,
          ms: performance.now() - t0,
          ...(done < req.draws ? { requested: req.draws } : {}),
        });
        for (const x of summaries) session.draws.set(x.metric.name, x.draws ?? []);
        return session;
      },
    };
  }

  /** The output's histogram and tornado; the first output when `name` is not one of the sweep's. */
  detail(name: string | undefined, bins = 30): OutputDetail {
    const picked = this.result.outputs.find((o) => o.metric.name === name) ?? this.result.outputs[0];
    if (!picked) throw new Error("the sweep has no outputs");
    const { metric } = picked;
    return { name: metric.name, metric, histogram: histogram(this.draws.get(metric.name) ?? [], bins), tornado: sensitivity(this.scenario, this.plan, metric) };
  }
}

/** The outputs `tieup sweep` reports by default: each company's operating profit, each deal's party NPVs and win-win. */
function sweepMetrics(s: Scenario): Metric[] {
  const parties = dealParties(s);
  return defaultMetricNames(s, parties).flatMap((name) => {
    const r = parseMetric(s, name, parties);
    return "metric" in r ? [r.metric] : [];
  });
}

/**
 * Monte Carlo over the scenario's uncertainty block with the workspace's
 * controls applied, the default outputs of `tieup sweep` (each company's
 * operating profit, each deal's party NPVs and win-win), in chunks so that
 * progress can be reported. Same draws as the CLI for the same seed.
 */
export function runSweep(scenario: Scenario, req: SweepRequest, onProgress: (done: number) => void = () => {}): SweepResult {
  return SweepSession.run(scenario, req, onProgress).result;
}
