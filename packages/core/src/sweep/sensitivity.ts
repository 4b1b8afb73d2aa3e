import type { Scenario } from "../scenario/schema.js";
import { swingRange } from "../uncertainty/marginals.js";
import { applyDraw, type DrawPlan } from "../uncertainty/plan.js";
import type { Metric } from "./metrics.js";
import { measure } from "./metrics.js";

export interface Swing {
  parameter: string;
  low: number;
  high: number;
  /** The output with the parameter at its low and at its high value, every other parameter as written. */
  atLow: number;
  atHigh: number;
  /** |atHigh − atLow|: the length of the tornado bar. */
  swing: number;
}

/**
 * The scenario with parameter k alone at `value`. The others are not applied
 * at all, so each of their numbers keeps the value written at its own path (a
 * "set" parameter over several paths may have a different number at each).
 */
export function applyOne(scenario: Scenario, plan: DrawPlan, k: number, value: number): Scenario {
  const p = plan.parameters[k];
  return p ? applyDraw(scenario, { parameters: [p] }, [value]) : scenario;
}

/**
 * One-at-a-time sensitivity for a tornado chart: each parameter swung from
 * its low to its high end (P5 and P95; for regimes the lowest and highest
 * value) with the others as written, ranked by the size of the swing in the
 * output.
 */
export function sensitivity(scenario: Scenario, plan: DrawPlan, metric: Metric): { base: number; swings: Swing[] } {
  const [base] = measure(scenario, [metric]) as [number];
  const swings = plan.parameters.map((p, k) => {
    const [low, high] = swingRange(p.distribution);
    const [atLow] = measure(applyOne(scenario, plan, k, low), [metric]) as [number];
    const [atHigh] = measure(applyOne(scenario, plan, k, high), [metric]) as [number];
    return { parameter: p.id, low, high, atLow, atHigh, swing: Math.abs(atHigh - atLow) };
  });
  return { base, swings: swings.sort((a, b) => b.swing - a.swing) };
}
