import type { Cell, ColumnMeta, Table } from "../results/table.js";

/**
 * A column's header for a spreadsheet: its name and its unit in words a
 * reader can use ("fixedCost (USD)", "operatingProfit (currency of the row)")
 * instead of the declaration's tokens ("base", "reporting").
 */
export function sheetHeader(c: ColumnMeta, base: string): string {
  if (!c.unit) return c.name;
  const unit = c.unit === "base" ? base : c.unit === "reporting" ? "the row's currency" : c.unit === "reporting/base" ? `currency per ${base}` : c.unit;
  return `${c.name} (${unit})`;
}

/** A table as spreadsheet rows: the header, then each row's cells as stored (numbers at full precision, null for a blank). */
export function sheetRows(t: Table, base: string): { header: string[]; rows: Cell[][] } {
  return {
    header: t.columns.map((c) => sheetHeader(c, base)),
    rows: Array.from({ length: t.length }, (_, i) => t.columns.map((c) => t.data[c.name]?.[i] ?? null)),
  };
}
