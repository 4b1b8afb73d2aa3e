import type { Scenario } from "../scenario/schema.js";
import type { Distribution, Uncertainty } from "../schema/uncertainty.js";
import { cholesky, correlate, correlationMatrix } from "./copula.js";
import { quantile } from "./marginals.js";
import { getAt, type Location, parsePath, resolvePath, setAt } from "./paths.js";
import { clampUniform, drawStream } from "./random.js";

export interface PlannedParameter {
  id: string;
  mode: "set" | "scale";
  distribution: Distribution;
  locations: Location[];
  /** The values as written, at each location. */
  base: number[];
}

/** What a sweep needs to draw and apply parameters: built once, shared by every draw. */
export interface DrawPlan {
  parameters: PlannedParameter[];
  /** Cholesky factor of the copula's correlation matrix; undefined when no pair is correlated. */
  cholesky?: number[][];
}

/**
 * Resolves every parameter's paths against the scenario and factors the
 * correlation matrix. Throws on what validation reports as errors (see
 * validate/uncertainty.ts): callers pass validated scenarios.
 */
export function drawPlan(scenario: Scenario, uncertainty: Uncertainty | undefined = scenario.uncertainty): DrawPlan {
  if (!uncertainty) return { parameters: [] };
  const parameters = uncertainty.parameters.map((p) => {
    const locations = (Array.isArray(p.path) ? p.path : [p.path]).flatMap((text) => {
      const steps = parsePath(text);
      const r = typeof steps === "string" ? { error: steps } : resolvePath(scenario, steps);
      if ("error" in r) throw new Error(`uncertainty parameter ${p.id}: ${r.error}`);
      return r.locations;
    });
    return { id: p.id, mode: p.mode, distribution: p.distribution, locations, base: locations.map((at) => getAt(scenario, at) as number) };
  });
  if (uncertainty.correlations.length === 0) return { parameters };
  const index = new Map(parameters.map((p, i) => [p.id, i]));
  const pairs = uncertainty.correlations.map((c) => ({ i: index.get(c.between[0]) ?? -1, j: index.get(c.between[1]) ?? -1, rank: c.rank }));
  const l = cholesky(correlationMatrix(parameters.length, pairs));
  if (!l) throw new Error("uncertainty.correlations: the rank correlations are not mutually consistent");
  return { parameters, cholesky: l };
}

/** The parameters' values in draw `index` of a sweep seeded with `seed`: one number per parameter. */
export function sampleDraw(plan: DrawPlan, seed: number, index: number): number[] {
  const next = drawStream(seed, index);
  const raw = plan.parameters.map(() => next());
  // Φ of a mixed normal can round to 0 or 1 far in the tails: clamp so every draw stays in the range validation checked.
  const u = plan.cholesky ? correlate(plan.cholesky, raw).map(clampUniform) : raw;
  return plan.parameters.map((p, i) => quantile(p.distribution, u[i] as number));
}

/** The scenario with each parameter at its drawn value (set) or its values multiplied by it (scale). */
export function applyDraw(scenario: Scenario, plan: DrawPlan, values: readonly number[]): Scenario {
  let out = scenario;
  plan.parameters.forEach((p, i) => {
    const v = values[i] as number;
    p.locations.forEach((at, k) => {
      out = setAt(out, at, p.mode === "scale" ? (p.base[k] as number) * v : v);
    });
  });
  return out;
}
