import {
  type Cell,
  type ColumnMeta,
  createTable,
  type DealAnalysis,
  type DealValueColumn,
  type Metric,
  pushRow,
  type Summary,
  type Swing,
  sweepTable,
  type Table,
  tornadoTable,
} from "@tieup/core";
import type { PlantLine } from "../charts/plants.js";
import { metricLabel, type Names } from "../ui/names.js";

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
  const t = tornadoTable(swings);
  return {
    ...t,
    columns: [...t.columns, { name: "unit", role: "value", description: "Unit of the output" }],
    data: { ...t.data, unit: swings.map(() => metric.unit) },
  };
}

const DEAL_UNIT: Record<DealValueColumn["kind"], string> = { money: "reporting", rate: "fraction", share: "fraction", perShare: "" };

/** A deal's NPV per party, the columns the CLI and the view show, money in each party's currency. */
export function dealValueExport(a: DealAnalysis, columns: readonly DealValueColumn[], names: Names): Table {
  const key = (c: DealValueColumn) => c.header.replace(/ (\w)/g, (_, x: string) => x.toUpperCase());
  const cols: ColumnMeta[] = [
    { name: "company", role: "key", description: "Company id" },
    { name: "name", role: "value", description: "Company name" },
    { name: "currency", role: "value", description: "Currency of the amounts" },
    ...columns.map((c): ColumnMeta => ({ name: key(c), role: "value", ...(DEAL_UNIT[c.kind] ? { unit: DEAL_UNIT[c.kind] } : {}), description: c.header })),
  ];
  return table(
    `deal-${a.deal.id}`,
    cols,
    a.values.map((v) => ({
      company: v.company,
      name: names.company(v.company),
      currency: v.currency,
      ...Object.fromEntries(columns.map((c) => [key(c), c.value(v)])),
    })),
  );
}

/** The plants a deal changes, in one period. */
export function dealPlantsExport(a: DealAnalysis, period: string, names: Names): Table {
  const cols: ColumnMeta[] = [
    { name: "plant", role: "key" },
    { name: "name", role: "value" },
    ...["outputBefore", "outputAfter"].map((name): ColumnMeta => ({ name, role: "value", unit: "units" })),
    ...["utilisationBefore", "utilisationAfter"].map((name): ColumnMeta => ({ name, role: "value", unit: "fraction" })),
    ...["jobsBefore", "jobsAfter"].map((name): ColumnMeta => ({ name, role: "value", unit: "people" })),
  ];
  return table(
    `deal-${a.deal.id}-plants-${period}`,
    cols,
    a.plants
      .filter((x) => x.period === period)
      .map((x) => ({
        plant: x.plant,
        name: names.plant(x.plant),
        outputBefore: x.outputBefore,
        outputAfter: x.outputAfter,
        utilisationBefore: x.utilisationBefore,
        utilisationAfter: x.utilisationAfter,
        jobsBefore: x.jobsBefore,
        jobsAfter: x.jobsAfter,
      })),
  );
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
