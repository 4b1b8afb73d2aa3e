import { col, defineTable, type RowOf, tableOfRows } from "../results/define.js";
import type { Table } from "../results/table.js";
import type { Summary } from "../uncertainty/stats.js";
import type { Metric } from "./metrics.js";
import type { Swing } from "./sensitivity.js";
import type { SobolIndex } from "./sobol.js";

const { key, label, measure, optional } = col;

/** A statistic of an output over the draws, in the output's unit (null when it is not a finite number). */
const stat = <N extends string>(name: N, description: string) => optional(name, "output", description);

export const SWEEP = defineTable("sweep", "One row per output of a Monte Carlo sweep: its statistics over the draws, at full precision.", [
  key("output", "Output path, e.g. company.honda.FY2026.operatingProfit"),
  label("unit", "Unit of the output: a currency code, units, or probability"),
  measure("count", "draws", "Draws summarised"),
  stat("mean", "Mean"),
  stat("sd", "Standard deviation"),
  stat("min", "Smallest draw"),
  stat("p5", "5th percentile: exact up to 100,000 draws, else within 0.1% (a sketch)"),
  stat("p50", "Median: exact with --keep-draws, else the P² estimate"),
  stat("p95", "95th percentile: exact up to 100,000 draws, else within 0.1% (a sketch)"),
  stat("max", "Largest draw"),
  stat("es5", "Expected shortfall: mean of the worst 5% of draws (exact up to 100,000 draws, else within 0.1% of their mean magnitude)"),
  optional("pNegative", "fraction", "Share of draws below zero"),
  optional("pPositive", "fraction", "Share of draws above zero"),
]);

export function sweepTable(outputs: readonly { metric: Metric; summary: Summary }[]): Table {
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return tableOfRows(
    SWEEP,
    outputs.map(
      ({ metric, summary: s }): RowOf<typeof SWEEP> => ({
        output: metric.name,
        unit: metric.unit,
        count: s.count,
        mean: finite(s.mean),
        sd: finite(s.sd),
        min: finite(s.min),
        p5: finite(s.p5),
        p50: finite(s.p50),
        p95: finite(s.p95),
        max: finite(s.max),
        es5: finite(s.es5),
        pNegative: finite(s.pNegative),
        pPositive: finite(s.pPositive),
      }),
    ),
  );
}

export const SENSITIVITY = defineTable(
  "sensitivity",
  "One row per uncertain parameter: the output with the parameter alone at its low and high value, largest swing first.",
  [
    key("parameter", "Uncertain parameter id"),
    measure("low", "parameter", "Low value of the parameter (P5; regimes: the lowest)"),
    measure("high", "parameter", "High value (P95; regimes: the highest)"),
    measure("atLow", "output", "The output with the parameter at its low value, every other as written"),
    measure("atHigh", "output", "The output at the high value"),
    measure("swing", "output", "|atHigh − atLow|: the length of the tornado bar"),
  ],
);

export function tornadoTable(swings: readonly Swing[]): Table {
  return tableOfRows(
    SENSITIVITY,
    swings.map((s) => ({ parameter: s.parameter, low: s.low, high: s.high, atLow: s.atLow, atHigh: s.atHigh, swing: s.swing })),
  );
}

/** The tornado's swings with the output's unit beside them (a currency code, units or probability), so an export can say what they are in. */
export function tornadoExportTable(swings: readonly Swing[], metric: Pick<Metric, "unit">): Table {
  const t = tornadoTable(swings);
  return {
    ...t,
    columns: [...t.columns, { name: "unit", role: "value", description: "Unit of the output" }],
    data: { ...t.data, unit: swings.map(() => metric.unit) },
  };
}

export const SOBOL = defineTable(
  "sobol",
  "One row per uncertain parameter: its variance-based (Sobol) indices for one output, with 95% bootstrap intervals (`tieup sensitivity --sobol`).",
  [
    key("parameter", "Uncertain parameter id"),
    measure("first", "fraction", "First-order index: the share of the output's variance the parameter explains alone"),
    measure("firstLow", "fraction", "2.5th percentile of the first-order index over bootstrap resamples"),
    measure("firstHigh", "fraction", "97.5th percentile"),
    measure("total", "fraction", "Total index: the share of variance that involves the parameter, interactions included"),
    measure("totalLow", "fraction", "2.5th percentile of the total index"),
    measure("totalHigh", "fraction", "97.5th percentile"),
  ],
);

export function sobolTable(indices: readonly SobolIndex[]): Table {
  return tableOfRows(
    SOBOL,
    indices.map((x) => ({ ...x })),
  );
}
