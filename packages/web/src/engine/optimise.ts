import { cellNumber as n, rows, type Scenario, type Table } from "@tieup/core";
import { companiesOf, type OptimumResult, optimizeScenario, optimizeTables, parseObjective, scenarioInstance, solvesOf } from "@tieup/optimize";
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

export interface CompanyProfit {
  company: string;
  /** Profit (contribution − fixed cost over the horizon, base currency) with the scenario's own sourcing, at the optimum, and alone. */
  ownSourcing: number;
  optimum: number;
  standAlone: number | null;
}

/** Units of a program built at a plant of another company than the one selling it, at the optimum. */
export interface CrossBuild {
  program: string;
  seller: string;
  plant: string;
  builder: string;
  market: string;
  /** Units over the horizon. */
  units: number;
}

export interface PlantUse {
  plant: string;
  owner: string;
  period: string;
  capacity: number;
  ownOutput: number;
  output: number;
  /** Profit of one more unit of capacity (base currency per unit); null without a dual. */
  shadowPrice: number | null;
}

/** The optimiser's answer as plain data (it crosses from the worker to the page). */
export type OptimiseResult =
  | {
      ok: true;
      id: number;
      scenario: string;
      objective: string;
      base: string;
      periods: string[];
      companies: CompanyProfit[];
      /** Alliance optimum − Σ stand-alone optima; null for a single company's objective. */
      cooperation: { value: number; standAloneTotal: number; alliance: number } | null;
      crossBuilt: CrossBuild[];
      plants: PlantUse[];
      size: OptimumResult["size"];
      solveMs: number;
      ms: number;
      warnings: string[];
    }
  | { ok: false; id: number; message: string };

// The last composition: a new objective or control re-optimises without composing the YAML again.
// Keyed by entry, text and overrides (the files arrive copied in each message, and do not change within a page).
let last: { key: string; scenario: Scenario | undefined } | undefined;

/** Composes the workspace's scenario (cached per text and overrides) with its controls and optimises it. */
export async function optimiseRequest(req: OptimiseRequest): Promise<OptimiseResult> {
  const key = JSON.stringify([req.source.entry, req.entryText ?? null, req.with]);
  if (last?.key !== key) last = { key, scenario: composeFiles(req.source, req.with, req.entryText).scenario };
  if (!last.scenario) return { ok: false, id: req.id, message: "the scenario does not validate: see the Scenario view" };
  return optimiseScenario(applyControls(last.scenario, req.controls), req.objective, req.id);
}

/**
 * The allocation LP for the objective, as `tieup optimize` runs it
 * (@tieup/optimize's optimizeScenario), as plain data for the page.
 */
export async function optimiseScenario(scenario: Scenario, objectiveText: string, id = 0): Promise<OptimiseResult> {
  const t0 = performance.now();
  const si = scenarioInstance(scenario);
  const parsed = parseObjective(objectiveText, companiesOf(si.inst));
  if ("issue" in parsed) return { ok: false, id, message: `${parsed.issue.message}: ${parsed.issue.suggestion}` };
  const o = await optimizeScenario(scenario, { objective: parsed.objective }, si);
  const failed = solvesOf(o).find((r) => !Number.isFinite(r.objective));
  if (failed) return { ok: false, id, message: `the solver found no answer (${failed.detail})` };
  const t = optimizeTables(o);
  const c = o.cooperation;
  return {
    ok: true,
    id,
    scenario: scenario.id,
    objective: objectiveText,
    base: si.inst.base,
    periods: si.inst.periods,
    companies: rows(t.companies).map((r) => ({
      company: String(r.company),
      ownSourcing: n(r.ownSourcing),
      optimum: n(r.optimum),
      standAlone: typeof r.standAlone === "number" ? r.standAlone : null,
    })),
    cooperation: c ? { value: c.value, standAloneTotal: c.standAloneTotal, alliance: c.alliance.objective } : null,
    crossBuilt: crossBuilt(t.flows),
    plants: rows(t.plants)
      .filter((p) => o.scope.companies.includes(String(p.owner)))
      .map((p) => ({
        plant: String(p.plant),
        owner: String(p.owner),
        period: String(p.period),
        capacity: n(p.capacity),
        ownOutput: n(p.ownOutput),
        output: n(p.output),
        shadowPrice: typeof p.shadowPrice === "number" ? p.shadowPrice : null,
      })),
    size: o.result.size,
    solveMs: solvesOf(o).reduce((sum, r) => sum + r.solveMs, 0),
    ms: performance.now() - t0,
    warnings: si.warnings,
  };
}

/** Flows at the optimum whose plant belongs to another company than the seller, summed over the horizon. */
function crossBuilt(flows: Table): CrossBuild[] {
  const sum = new Map<string, CrossBuild>();
  for (const f of rows(flows)) {
    if (f.seller === f.builder) continue;
    const key = `${f.program}\u0000${f.plant}\u0000${f.market}`;
    const row = sum.get(key) ?? {
      program: String(f.program),
      seller: String(f.seller),
      plant: String(f.plant),
      builder: String(f.builder),
      market: String(f.market),
      units: 0,
    };
    row.units += n(f.units);
    sum.set(key, row);
  }
  return [...sum.values()].sort((a, b) => b.units - a.units);
}
