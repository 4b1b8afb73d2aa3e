import type { Scenario } from "@tieup/core";
import { cooperationSummary, type OptimizeTables, type OptimumResult, optimizeObjective, optimizeTables, solvesOf } from "@tieup/optimize";
import { applyControls, type Controls } from "./controls.js";
import type { ScenarioFiles } from "./files.js";
import { composeFiles } from "./model.js";

/** What the Optimise view asks its worker: the workspace's scenario and controls, and an objective. */
export interface OptimiseRequest {
  id: number;
  source: ScenarioFiles;
  entryText?: string;
  with: string[];
  controls: Controls;
  /** alliance, alliance-fair or company:<id>, as `tieup optimize --objective`. */
  objective: string;
}

/** The optimiser's answer: @tieup/optimize's tables (plain data, they cross from the worker to the page) and the solve's figures. */
export type OptimiseResult =
  | {
      ok: true;
      id: number;
      scenario: string;
      objective: string;
      base: string;
      periods: string[];
      tables: OptimizeTables;
      /** Alliance optimum − Σ stand-alone optima; null for a single company's objective. */
      cooperation: ReturnType<typeof cooperationSummary>;
      size: OptimumResult["size"];
      solveMs: number;
      ms: number;
      warnings: string[];
    }
  | { ok: false; id: number; message: string };

// The last composition, keyed by entry, text and overrides: a new objective or control re-optimises without composing again.
let last: { key: string; scenario: Scenario | undefined } | undefined;

/** Composes the workspace's scenario (cached per text and overrides) with its controls and optimises it. */
export async function optimiseRequest(req: OptimiseRequest): Promise<OptimiseResult> {
  const key = JSON.stringify([req.source.entry, req.entryText ?? null, req.with]);
  if (last?.key !== key) last = { key, scenario: composeFiles(req.source, req.with, req.entryText).scenario };
  if (!last.scenario) return { ok: false, id: req.id, message: "the scenario does not validate: see the Scenario view" };
  return optimiseScenario(applyControls(last.scenario, req.controls), req.objective, req.id);
}

/** The allocation LP for the objective, as `tieup optimize` runs it, with its tables for the page; no answer is explained as the CLI explains it. */
export async function optimiseScenario(scenario: Scenario, objectiveText: string, id = 0): Promise<OptimiseResult> {
  const t0 = performance.now();
  const { outcome: o, issues } = await optimizeObjective(scenario, objectiveText);
  if (!o || issues.length > 0) return { ok: false, id, message: issues.map((i) => `${i.message}${i.suggestion ? `: ${i.suggestion}` : ""}`).join("; ") };
  const { base, periods } = o.si.inst;
  const solveMs = solvesOf(o).reduce((sum, r) => sum + r.solveMs, 0);
  const figures = { base, periods, size: o.result.size, solveMs, ms: performance.now() - t0, warnings: o.si.warnings };
  return { ok: true, id, scenario: scenario.id, objective: objectiveText, tables: optimizeTables(o), cooperation: cooperationSummary(o), ...figures };
}
