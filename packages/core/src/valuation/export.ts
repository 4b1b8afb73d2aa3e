import { type Cell, type ColumnMeta, createTable, pushRow, type Table } from "../results/table.js";
import type { DealAnalysis } from "./analysis.js";
import type { DealValueColumn } from "./tables.js";

/**
 * A deal's analysis as results tables with units, for the exports of the
 * CLI and the web alike: its NPV per party (the columns of the report) and
 * the plants whose output it changes. `name` gives an id's name in words.
 */

const DEAL_UNIT: Record<DealValueColumn["kind"], string> = { money: "reporting", rate: "fraction", share: "fraction", perShare: "reporting/share" };

function table(name: string, columns: ColumnMeta[], list: readonly Record<string, Cell>[]): Table {
  const t = createTable(name, columns);
  for (const r of list) pushRow(t, r);
  return t;
}

const same = (id: string) => id;

/** "NPV of gain" → "npvOfGain": a header as a column name. */
const key = (c: DealValueColumn) => c.header.replace(/ (\w)/g, (_, x: string) => x.toUpperCase()).replace(/^NPV/, "npv");

/** A deal's NPV per party, money in each party's currency. */
export function dealValueTable(a: DealAnalysis, columns: readonly DealValueColumn[], name: (company: string) => string = same): Table {
  const cols: ColumnMeta[] = [
    { name: "company", role: "key", description: "Company id" },
    { name: "name", role: "value", description: "Company name" },
    { name: "currency", role: "value", description: "Currency of the amounts" },
    ...columns.map((c): ColumnMeta => ({ name: key(c), role: "value", unit: DEAL_UNIT[c.kind], description: c.header })),
  ];
  return table(
    `deal-${a.deal.id}`,
    cols,
    a.values.map((v) => ({
      company: v.company,
      name: name(v.company),
      currency: v.currency,
      ...Object.fromEntries(columns.map((c) => [key(c), c.value(v)])),
    })),
  );
}

/** The plants a deal changes, in one period or (no period) in each. */
export function dealPlantsTable(a: DealAnalysis, period?: string, name: (plant: string) => string = same): Table {
  const cols: ColumnMeta[] = [
    { name: "plant", role: "key" },
    { name: "name", role: "value" },
    { name: "period", role: "key" },
    ...["outputBefore", "outputAfter"].map((name): ColumnMeta => ({ name, role: "value", unit: "units" })),
    ...["utilisationBefore", "utilisationAfter"].map((name): ColumnMeta => ({ name, role: "value", unit: "fraction" })),
    ...["jobsBefore", "jobsAfter"].map((name): ColumnMeta => ({ name, role: "value", unit: "people" })),
  ];
  return table(
    period === undefined ? `deal-${a.deal.id}-plants` : `deal-${a.deal.id}-plants-${period}`,
    cols,
    a.plants
      .filter((x) => period === undefined || x.period === period)
      .map((x) => ({
        plant: x.plant,
        name: name(x.plant),
        period: x.period,
        outputBefore: x.outputBefore,
        outputAfter: x.outputAfter,
        utilisationBefore: x.utilisationBefore,
        utilisationAfter: x.utilisationAfter,
        jobsBefore: x.jobsBefore,
        jobsAfter: x.jobsAfter,
      })),
  );
}
