import { type Cell, createTable, tableCsv as csvTable, pushRow } from "@tieup/core";
import { markdownTable, textTable } from "../report/format.js";

export type Format = "table" | "json" | "csv" | "md";

/** Rows of an evidence listing in the requested format; JSON keeps the rows as objects. */
export function renderRows(name: string, headers: string[], rows: Record<string, Cell>[], format: Format): string {
  if (format === "json") return `${JSON.stringify(rows, null, 2)}\n`;
  if (format === "csv") {
    const t = createTable(
      name,
      headers.map((h) => ({ name: h, role: "value" as const })),
    );
    for (const r of rows) pushRow(t, r);
    return csvTable(t);
  }
  const body = rows.map((r) => headers.map((h) => r[h] ?? null));
  return `${format === "md" ? markdownTable(headers, body) : textTable(headers, body)}\n`;
}
