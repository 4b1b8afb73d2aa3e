import { dealParties, defaultMetricNames, drawPlan, type Metric, parseMetric, runDraws, type Scenario, type Summary, SweepSummary } from "@tieup/core";
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

/**
 * Monte Carlo over the scenario's uncertainty block with the workspace's
 * controls applied, the default outputs of `tieup sweep` (each company's
 * operating profit, each deal's party NPVs and win-win), in chunks so that
 * progress can be reported. Same draws as the CLI for the same seed.
 */
export function runSweep(scenario: Scenario, req: SweepRequest, onProgress: (done: number) => void = () => {}): SweepResult {
  const t0 = performance.now();
  const s = applyControls(scenario, req.controls);
  const parties = dealParties(s);
  const metrics = defaultMetricNames(s, parties).flatMap((name) => {
    const r = parseMetric(s, name, parties);
    return "metric" in r ? [r.metric] : [];
  });
  const plan = drawPlan(s);
  const summary = new SweepSummary(metrics, req.draws);
  const chunk = 20;
  for (let start = 0; start < req.draws; start += chunk) {
    const end = Math.min(req.draws, start + chunk);
    summary.addRows(runDraws(s, plan, metrics, req.seed, start, end));
    onProgress(end);
  }
  return {
    scenario: s.id,
    parameters: (s.uncertainty?.parameters ?? []).map((p) => `${p.id} (${p.distribution.type})`),
    outputs: summary.summaries().map(({ metric, summary: sm }) => ({ metric, summary: sm })),
    draws: req.draws,
    seed: req.seed,
    ms: performance.now() - t0,
  };
}
