import type { Table } from "@tieup/core";

/**
 * The exports' tables. CSV and XLSX show the values as the screen does, with
 * units and currency in the headers (core's shownColumns, shared with the
 * CLI); JSON carries the stored values at full precision with each column's
 * unit, for machines.
 */
export { rounded, type ShownColumn, shownColumns, shownCsv } from "@tieup/core";

/** Where a table comes from, stated in every export beside its values. */
export interface ExportSource {
  scenario: string;
  /** A saved version, when the scenario has one. */
  version?: string | number | undefined;
}

/** JSON of a table: the stored values at full precision, with each column's unit and description (money "base": in `base`; "reporting": in the row's `currency`). */
export function tableJson(t: Table, base: string, source: ExportSource, exported = new Date()): string {
  const rows = Array.from({ length: t.length }, (_, i) => Object.fromEntries(t.columns.map((c) => [c.name, t.data[c.name]?.[i] ?? null])));
  return `${JSON.stringify(
    {
      table: t.name,
      scenario: source.scenario,
      ...(source.version !== undefined ? { version: source.version } : {}),
      exported: exported.toISOString(),
      baseCurrency: base,
      columns: t.columns.map((c) => ({
        name: c.name,
        role: c.role,
        ...(c.unit ? { unit: c.unit } : {}),
        ...(c.description ? { description: c.description } : {}),
      })),
      rows,
    },
    null,
    2,
  )}\n`;
}
