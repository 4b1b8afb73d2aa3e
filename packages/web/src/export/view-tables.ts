import { metricLabel, type Names } from "@tieup/charts/names";
import type { PlantLine } from "@tieup/charts/plants";
import {
  type Cell,
  type ColumnMeta,
  createTable,
  type DealAnalysis,
  type DealValueColumn,
  dealPlantsTable,
  dealValueTable,
  type Metric,
  pushRow,
  type Summary,
  type Swing,
  sweepTable,
  type Table,
  tornadoExportTable,
} from "@tieup/core";

/**
 * The tables the views compute (the sweep's spreads, a deal's NPV, the
 * plants before and with the deals) as results tables with units, so the
 * exports treat them like the engine's own.
 */

function table(name: string, columns: ColumnMeta[], list: readonly Record<string, Cell>[]): Table {
  const t = createTable(name, columns);
  for (const r of list) pushRow(t, r);
  return t;
}

/** The sweep's statistics per output (core's sweep table) with each output's name in words beside its path. */
export function sweepExport(outputs: readonly { metric: Metric; summary: Summary }[], names: Names, name = "sweep"): Table {
  const t = sweepTable(outputs);
  return {
    ...t,
    name,
    columns: [{ name: "label", role: "value", description: "The output in words" }, ...t.columns],
    data: { label: outputs.map((o) => metricLabel(o.metric, names)), ...t.data },
  };
}

/** The tornado's swings in the output's unit (its `unit` column). */
export function tornadoExport(swings: readonly Swing[], metric: Metric): Table {
  return tornadoExportTable(swings, metric);
}

/** A deal's NPV per party (core's table, shared with the CLI) with the companies' names. */
export function dealValueExport(a: DealAnalysis, columns: readonly DealValueColumn[], names: Names): Table {
  return dealValueTable(a, columns, names.company);
}

/** The plants a deal changes, in one period. */
export function dealPlantsExport(a: DealAnalysis, period: string, names: Names): Table {
  return dealPlantsTable(a, period, names.plant);
}

/** The Plants view's lines: utilisation before and with the deals, and break-even. */
export function plantLinesExport(lines: readonly PlantLine[], period: string, names: Names): Table {
  const cols: ColumnMeta[] = [
    { name: "plant", role: "key" },
    { name: "name", role: "value" },
    { name: "owner", role: "value" },
    { name: "country", role: "value" },
    { name: "outputBefore", role: "value", unit: "units" },
    { name: "outputAfter", role: "value", unit: "units" },
    { name: "utilisationBefore", role: "value", unit: "fraction" },
    { name: "utilisationAfter", role: "value", unit: "fraction" },
    { name: "breakEvenUtilisation", role: "value", unit: "fraction", description: "null when the plant earns no contribution" },
  ];
  return table(
    `plants-${period}`,
    cols,
    lines.map((l) => ({
      plant: l.plant,
      name: names.plant(l.plant),
      owner: names.company(l.owner),
      country: l.country,
      outputBefore: l.outputBefore,
      outputAfter: l.outputAfter,
      utilisationBefore: l.before,
      utilisationAfter: l.after,
      // A plant without contribution has no break-even: a blank, not 0%.
      breakEvenUtilisation: l.breakEven,
    })),
  );
}
