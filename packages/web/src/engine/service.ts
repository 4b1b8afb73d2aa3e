import { type HeadlineFigure, type Issue, type Results, runScenario, type Scenario, type Table } from "@tieup/core";
import { applyControls, type Controls } from "./controls.js";
import type { ScenarioFiles } from "./files.js";
import { comparison, composeFiles, type Evaluated, headlineOf, type Snapshot, snapshot } from "./model.js";

export interface RunRequest {
  id: number;
  /** Replaces the scenario files (first open, or `tieup serve` supplying another scenario). */
  source?: ScenarioFiles;
  /** The entry file's text as edited in the Scenario view; the original when absent. */
  entryText?: string;
  with: string[];
  /** Overrides of the other side of the comparison; null when the Compare view is not shown. */
  vs: string[] | null;
  controls: Controls;
  deal?: string;
  /** Whether to evaluate the no-deal counterfactual (the Plants view's "before"). */
  before?: boolean;
  /** Whether to measure the scenario's headline tariff cost (the Overview's). */
  headline?: boolean;
}

export interface Timings {
  /** Compose and validate (0 when the composed scenario was cached). */
  compose: number;
  /** Evaluate, counterfactual, deal analysis and comparison. */
  evaluate: number;
}

/** The headline of a run, sent after its results so the charts need not wait for it. */
export interface HeadlineReply {
  id: number;
  kind: "headline";
  headline: HeadlineFigure[];
  profit: Table;
  bridge?: Table;
}

export type RunReply =
  | { id: number; ok: true; snapshot: Snapshot; text: string; timings: Timings }
  | { id: number; ok: false; issues: Issue[]; text: string; overrides: string[] };

interface Cached {
  key: string;
  scenario?: Scenario;
  issues: Issue[];
  overrides: string[];
}

/** The engine behind the workspace: composes once per text and overrides, then evaluates each control change. */
export class EngineService {
  private source: ScenarioFiles = { entry: "/scenario.yaml", files: {} };
  private cache = new Map<string, Cached>();
  private last: Evaluated | undefined;
  // Compare's base side is the scenario as written: its results do not move with the controls, so a control change evaluates only the other side.
  private written = new WeakMap<Scenario, Results>();

  run(req: RunRequest): RunReply {
    if (req.source) {
      this.source = req.source;
      this.cache.clear();
    }
    const text = req.entryText ?? this.source.files[this.source.entry] ?? "";
    const t0 = performance.now();
    const main = this.composed(text, req.with);
    const other = req.vs ? this.composed(text, req.vs) : undefined;
    const t1 = performance.now();
    if (!main.scenario) return { id: req.id, ok: false, issues: main.issues, text, overrides: main.overrides };
    this.last = snapshot(main.scenario, main.overrides, req.controls, { ...(req.deal ? { deal: req.deal } : {}), before: req.before === true });
    const snap = this.last.snapshot;
    snap.issues = main.issues;
    if (other?.scenario)
      snap.compare = comparison(
        main.scenario,
        applyControls(other.scenario, req.controls),
        label(req.with),
        label(req.vs ?? [], req.controls),
        this.asWritten(main.scenario),
      );
    else if (other) snap.compareFailure = { label: label(req.vs ?? []), issues: other.issues.filter((i) => i.severity === "error") };
    const t2 = performance.now();
    return { id: req.id, ok: true, snapshot: snap, text, timings: { compose: t1 - t0, evaluate: t2 - t1 } };
  }

  /** The headline of the last successful run when it asked for one: tariff cost (empty without a `headline:` block), whole-company profit, bridge. */
  headline(req: RunRequest): HeadlineReply | undefined {
    if (!req.headline || !this.last) return undefined;
    return { id: req.id, kind: "headline", ...headlineOf(this.last) };
  }

  private asWritten(s: Scenario): Results {
    const hit = this.written.get(s);
    if (hit) return hit;
    // With no controls the run just made is of this very scenario: its results are the base side's.
    const results = this.last?.scenario === s ? this.last.run.results : runScenario(s).results;
    this.written.set(s, results);
    return results;
  }

  private composed(text: string, overrides: string[]): Cached {
    const key = `${overrides.join(",")}\u0000${text}`;
    const hit = this.cache.get(key);
    if (hit) return { ...hit, issues: hit.issues };
    const c = composeFiles(this.source, overrides, text);
    const entry: Cached = { key, ...c };
    // Keep the few most recent: a text edit makes older entries useless.
    if (this.cache.size > 8) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, entry);
    return entry;
  }
}

function label(overrides: string[], controls?: Controls): string {
  const parts = overrides.length ? [`with ${overrides.join(" + ")}`] : ["as written"];
  if (controls && Object.values(controls).some((g) => Object.keys(g).length > 0)) parts.push("and the controls");
  return parts.join(" ");
}
