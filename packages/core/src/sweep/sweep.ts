import type { Scenario } from "../scenario/schema.js";
import { applyDraw, type DrawPlan, sampleDraw } from "../uncertainty/plan.js";
import { Accumulator, type Summary } from "../uncertainty/stats.js";
import type { Metric } from "./metrics.js";
import { measure } from "./metrics.js";

/**
 * Draws [start, end) of a sweep, in order: one row of metric values per draw,
 * flattened (draw-major). Pure and self-contained, so a worker thread, a web
 * worker or a test can each run any slice and get the same numbers.
 */
export function runDraws(scenario: Scenario, plan: DrawPlan, metrics: readonly Metric[], seed: number, start: number, end: number): Float64Array {
  const out = new Float64Array((end - start) * metrics.length);
  for (let i = start; i < end; i++) {
    const values = measure(applyDraw(scenario, plan, sampleDraw(plan, seed, i)), metrics);
    out.set(values, (i - start) * metrics.length);
  }
  return out;
}

/** One accumulator per metric; feed rows in draw order. `keep`: the draws to keep (all with `true`), see Accumulator. */
export class SweepSummary {
  readonly accumulators: Accumulator[];
  constructor(
    readonly metrics: readonly Metric[],
    draws: number,
    keep: boolean | number = false,
  ) {
    this.accumulators = metrics.map(() => new Accumulator(draws, keep));
  }

  addRows(rows: Float64Array): void {
    const m = this.metrics.length;
    for (let r = 0; r < rows.length / m; r++) for (let k = 0; k < m; k++) this.accumulators[k]?.add(rows[r * m + k] as number);
  }

  summaries(): { metric: Metric; summary: Summary; draws?: number[] }[] {
    return this.metrics.map((metric, k) => {
      const acc = this.accumulators[k] as Accumulator;
      return { metric, summary: acc.summary(), ...(acc.kept ? { draws: acc.kept } : {}) };
    });
  }
}
