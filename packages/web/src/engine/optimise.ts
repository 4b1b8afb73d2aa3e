import type { Scenario } from "@tieup/core";
import {
  companiesOf,
  cooperation,
  type Objective,
  type OptimizeOptions,
  type OptimumResult,
  optimizeInstance,
  type ScenarioInstance,
  scenarioInstance,
  valueAllocation,
} from "@tieup/optimize";
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

/** Reads an objective as `tieup optimize --objective` does; a message names the choices when it is not one. */
export function parseObjective(text: string, companies: string[]): Objective | { kind: "alliance-fair" } | { error: string } {
  if (text === "alliance") return { kind: "alliance" };
  if (text === "alliance-fair") return { kind: "alliance-fair" };
  const company = /^company:(.+)$/.exec(text)?.[1];
  if (company !== undefined && companies.includes(company)) return { kind: "company", company };
  return { error: `unknown objective \`${text}\`: one of alliance, alliance-fair, ${companies.map((c) => `company:${c}`).join(", ")}` };
}

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
 * The allocation LP for the objective, as `tieup optimize` runs it: own
 * sourcing valued by the optimiser, then the company's optimum or, for an
 * alliance, each stand-alone optimum and the alliance's (the value of
 * cooperation). Own sourcing is preferred among equally good answers.
 */
export async function optimiseScenario(scenario: Scenario, objectiveText: string, id = 0): Promise<OptimiseResult> {
  const t0 = performance.now();
  const si = scenarioInstance(scenario);
  const companies = companiesOf(si.inst);
  const objective = parseObjective(objectiveText, companies);
  if ("error" in objective) return { ok: false, id, message: objective.error };
  const baseline = await valueAllocation(si.inst, { companies, crossCompany: true }, si.baseline);
  const options: Omit<OptimizeOptions, "objective"> = { prefer: si.baseline };
  let result: OptimumResult;
  let standAlone = new Map<string, OptimumResult>();
  let coop: { value: number; standAloneTotal: number; alliance: number } | null = null;
  let scope = companies;
  if (objective.kind === "company") {
    scope = [objective.company];
    result = await optimizeInstance(si.inst, { companies: scope, crossCompany: false }, { ...options, objective });
  } else {
    const c = await cooperation(si.inst, objective.kind === "alliance-fair" ? "alliance-fair" : "alliance", options);
    result = c.alliance;
    standAlone = c.standAlone;
    coop = { value: c.value, standAloneTotal: c.standAloneTotal, alliance: c.alliance.objective };
  }
  const failed = [result, ...standAlone.values()].find((r) => !Number.isFinite(r.objective));
  if (failed) return { ok: false, id, message: `the solver found no answer (${failed.detail})` };
  return {
    ok: true,
    id,
    scenario: scenario.id,
    objective: objectiveText,
    base: si.inst.base,
    periods: si.inst.periods,
    companies: scope.map((c) => ({
      company: c,
      ownSourcing: baseline.profit.get(c) ?? 0,
      optimum: result.profit.get(c) ?? 0,
      standAlone: standAlone.get(c)?.objective ?? null,
    })),
    cooperation: coop,
    crossBuilt: crossBuilt(si, result),
    plants: plantUse(baseline, result, scope),
    size: result.size,
    solveMs: result.solveMs + [...standAlone.values()].reduce((s, r) => s + r.solveMs, 0),
    ms: performance.now() - t0,
    warnings: si.warnings,
  };
}

/** Flows at the optimum whose plant belongs to another company than the seller, summed over the horizon. */
function crossBuilt(si: ScenarioInstance, r: OptimumResult): CrossBuild[] {
  const L = si.inst.lanes;
  const sum = new Map<string, CrossBuild>();
  for (const f of r.flows) {
    const l = f.lane;
    if (L.seller[l] === L.builder[l]) continue;
    const key = `${L.program[l]}\u0000${L.plant[l]}\u0000${L.market[l]}`;
    const row = sum.get(key) ?? {
      program: L.program[l] as string,
      seller: L.seller[l] as string,
      plant: L.plant[l] as string,
      builder: L.builder[l] as string,
      market: L.market[l] as string,
      units: 0,
    };
    row.units += f.units;
    sum.set(key, row);
  }
  return [...sum.values()].sort((a, b) => b.units - a.units);
}

/** Each plant of the companies in scope per period: output with own sourcing and at the optimum, and the shadow price of capacity. */
function plantUse(baseline: OptimumResult, r: OptimumResult, scope: string[]): PlantUse[] {
  const own = new Map(baseline.plants.map((p) => [`${p.plant}\u0000${p.period}`, p.output]));
  return r.plants
    .filter((p) => scope.includes(p.owner))
    .map((p) => ({
      plant: p.plant,
      owner: p.owner,
      period: p.period,
      capacity: p.capacity,
      ownOutput: own.get(`${p.plant}\u0000${p.period}`) ?? 0,
      output: p.output,
      shadowPrice: p.shadowPrice,
    }));
}
