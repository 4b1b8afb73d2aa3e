import type { Table } from "@tieup/core";
import writeXlsxFile, { type SheetData } from "write-excel-file/browser";
import { type ExportSource, shownColumns } from "./table.js";

/**
 * One sheet per table, with the values as the screen shows them (money in
 * ¥bn or millions, shares in per cent; see table.ts) kept as numbers at
 * full precision and displayed rounded, the header bold with the unit and
 * currency; a last sheet says where the numbers come from.
 */
export function tablesXlsx(tables: readonly Table[], base: string, source: ExportSource, exported = new Date()): Promise<Blob> {
  const sheets = uniqueNames(tables.map((t) => t.name)).map((sheet, i) => ({ sheet, data: sheetData(tables[i] as Table, base) }));
  sheets.push({ sheet: "source", data: sourceSheet(source, base, exported) });
  return writeXlsxFile(sheets).toBlob();
}

export function sheetData(t: Table, base: string): SheetData {
  const cols = shownColumns(t, base);
  const header = cols.map((c) => ({ value: c.header, fontWeight: "bold" as const }));
  const body = Array.from({ length: t.length }, (_, i) =>
    cols.map((c) => {
      const x = c.value(i);
      if (x === null) return null;
      if (typeof x === "string") return { value: x, type: String };
      return { value: x, type: Number, ...(c.digits === undefined ? {} : { format: numberFormat(c.digits) }) };
    }),
  );
  return [header, ...body];
}

/** "#,##0.000" for 3 decimals, "#,##0" for none. */
export function numberFormat(digits: number): string {
  return digits > 0 ? `#,##0.${"0".repeat(digits)}` : "#,##0";
}

function sourceSheet(source: ExportSource, base: string, exported: Date): SheetData {
  const row = (k: string, v: string) => [
    { value: k, fontWeight: "bold" as const },
    { value: v, type: String },
  ];
  return [
    row("scenario", source.scenario),
    ...(source.version !== undefined ? [row("version", String(source.version))] : []),
    row("exported", exported.toISOString()),
    row("base currency", base),
    row("units", "money in billions of yen or won, millions of other currencies, as each header says; shares in per cent"),
  ];
}

/** Sheet names: at most 31 characters, unique (a second "plants" becomes "plants 2"). */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((n) => {
    let name = n.slice(0, 31);
    for (let k = 2; seen.has(name); k++) name = `${n.slice(0, 28)} ${k}`;
    seen.add(name);
    return name;
  });
}
