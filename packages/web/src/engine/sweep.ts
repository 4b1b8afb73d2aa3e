import {
  type DrawPlan,
  dealParties,
  defaultMetricNames,
  drawPlan,
  getAt,
  histogram,
  type Metric,
  parseMetric,
  runDraws,
  type Scenario,
  type SobolResult,
  type Summary,
  SweepSummary,
  type Swing,
  sensitivity,
  sobol,
} from "@tieup/core";
import { applyControls, type Controls } from "./controls.js";
import type { ScenarioFiles } from "./files.js";
import { composeFiles } from "./model.js";

/** The scenario the Uncertainty view draws from when the open one has no `uncertainty:` block (bundled with the app). */
export const UNCERTAIN_DEFAULT = "/scenarios/nissan-honda-us-uncertain.yaml";
/** The scenario UNCERTAIN_DEFAULT extends: the only one whose distributions may be borrowed from it. */
export const DEFAULT_ENTRY = "/scenarios/nissan-honda-us.yaml";

export interface SweepRequest {
  source: ScenarioFiles;
  entryText?: string;
  with: string[];
  controls: Controls;
  draws: number;
  seed: number;
  /** Files holding UNCERTAIN_DEFAULT when `source` does not (a scenario served by `tieup serve`): the app's bundled ones. */
  fallback?: ScenarioFiles;
  /** Set by the worker from uncertainScenario: the file the distributions come from when not the open scenario. */
  borrowed?: string;
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
  /** The file whose distributions were drawn when the open scenario has none of its own (it extends the open one). */
  borrowed?: string;
  /** Parameters a control fixed (their draws would overwrite it): "<id>" when all its places are fixed, "<id> (k of n places)" otherwise. */
  pinned?: string[];
}

/**
 * Draws kept per output for its histogram: a sweep of more is drawn from the
 * first 20,000 (a random sample of the same distribution), so that memory
 * does not grow with the draws; its statistics are of every draw.
 */
export const HISTOGRAM_DRAWS = 20_000;

const NO_BLOCK =
  "the scenario has no uncertainty: block, so there is nothing to draw: add one (see docs/uncertainty.md), best in a file of its own that extends the scenario, as scenarios/nissan-honda-us-uncertain.yaml does for the default";

/**
 * The scenario to draw from: the open one if it has an uncertainty block.
 * Only the default scenario borrows one, from the bundled file that extends
 * it, composed over the open files so that its edits (and a stored version's)
 * are what is drawn; any other scenario without a block is told so, never
 * given the default's distributions.
 */
export function uncertainScenario(req: SweepRequest): { scenario?: Scenario; borrowed?: string; message?: string } {
  const own = composeFiles(req.source, req.with, req.entryText).scenario;
  if (own?.uncertainty) return { scenario: own };
  if (req.source.entry !== DEFAULT_ENTRY) return { message: NO_BLOCK };
  const bundled = [req.source, req.fallback].find((f) => f?.files[UNCERTAIN_DEFAULT] !== undefined);
  if (!bundled) return { message: NO_BLOCK };
  const edited: Record<string, string> = req.entryText === undefined ? {} : { [DEFAULT_ENTRY]: req.entryText };
  const files = { entry: UNCERTAIN_DEFAULT, files: { ...bundled.files, ...req.source.files, ...edited } };
  const composed = composeFiles(files, req.with);
  if (composed.scenario?.uncertainty) return { scenario: composed.scenario, borrowed: UNCERTAIN_DEFAULT.slice(1) };
  const first = composed.issues.find((i) => i.severity === "error");
  return {
    message: `${UNCERTAIN_DEFAULT.slice(1)} (the default's distributions) does not fit the scenario as open${first ? `: ${first.path}: ${first.message}` : ""}`,
  };
}

/**
 * The plan with the places a control moved taken out of the parameters that
 * set them: a drawn value would overwrite the control (`t.jp-auto-15=0.5`
 * would be drawn over and the sweep would ignore it). Scaled parameters
 * multiply what the control left, so they keep every place. A pinned
 * parameter still takes its random number, so the other parameters' draws
 * are those of the same seed without the control.
 */
export function pinByControls(asWritten: Scenario, controlled: Scenario, plan: DrawPlan): { plan: DrawPlan; pinned: string[] } {
  const pinned: string[] = [];
  const parameters = plan.parameters.map((p) => {
    if (p.mode !== "set") return p;
    const keep = p.locations.map((at) => getAt(asWritten, at) === getAt(controlled, at));
    const kept = keep.filter(Boolean).length;
    if (kept === p.locations.length) return p;
    pinned.push(kept === 0 ? p.id : `${p.id} (${p.locations.length - kept} of ${p.locations.length} places)`);
    return { ...p, locations: p.locations.filter((_, i) => keep[i]), base: p.base.filter((_, i) => keep[i]) };
  });
  return { plan: { ...plan, parameters }, pinned };
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

/** Variance-based indices of one output (core's `sobol`, as `tieup sensitivity --sobol`), for the parameters still drawn. */
export interface SobolView {
  name: string;
  metric: Metric;
  result: SobolResult;
  /** The uncertainty block correlates some parameters; Saltelli sampling draws them independently. */
  correlated: boolean;
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
    const { plan, pinned } = pinByControls(scenario, s, drawPlan(s));
    const metrics = sweepMetrics(s);
    const summary = new SweepSummary(metrics, req.draws, HISTOGRAM_DRAWS);
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
          ...(req.borrowed ? { borrowed: req.borrowed } : {}),
          ...(pinned.length ? { pinned } : {}),
        });
        for (const x of summaries) session.draws.set(x.metric.name, x.draws ?? []);
        return session;
      },
    };
  }

  /** Sobol indices of the output (the first when `name` is not the sweep's) from n rows of Saltelli sampling: n × (parameters + 2) evaluations. */
  sobol(name: string | undefined, n: number, seed: number): SobolView {
    const picked = this.result.outputs.find((o) => o.metric.name === name) ?? this.result.outputs[0];
    if (!picked) throw new Error("the sweep has no outputs");
    // Parameters the controls fixed everywhere are not uncertain: they take no part.
    const plan = { ...this.plan, parameters: this.plan.parameters.filter((p) => p.locations.length > 0) };
    const correlated = (this.scenario.uncertainty?.correlations.length ?? 0) > 0;
    return { name: picked.metric.name, metric: picked.metric, result: sobol(this.scenario, plan, picked.metric, n, seed), correlated };
  }

  /** The output's histogram and tornado; the first output when `name` is not one of the sweep's. */
  detail(name: string | undefined, bins = 30): OutputDetail {
    const picked = this.result.outputs.find((o) => o.metric.name === name) ?? this.result.outputs[0];
    if (!picked) throw new Error("the sweep has no outputs");
    const { metric } = picked;
    // A parameter the controls fixed everywhere is not uncertain: it has no bar.
    const live = new Set(this.plan.parameters.filter((p) => p.locations.length > 0).map((p) => p.id));
    const tornado = sensitivity(this.scenario, this.plan, metric);
    return {
      name: metric.name,
      metric,
      histogram: histogram(this.draws.get(metric.name) ?? [], bins),
      tornado: { ...tornado, swings: tornado.swings.filter((x) => live.has(x.parameter)) },
    };
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
