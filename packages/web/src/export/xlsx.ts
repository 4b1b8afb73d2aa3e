import { sheetNames, shownSheet, type Table, writeExcelCell } from "@tieup/core";
import writeXlsxFile, { type SheetData } from "write-excel-file/browser";
import type { ExportSource } from "./table.js";

/**
 * One sheet per table, with the values as the screen shows them (money in
 * ¥bn or millions, shares in per cent; see table.ts) kept as numbers at
 * full precision and displayed rounded, the header bold with the unit and
 * currency; a last sheet says where the numbers come from.
 */
export function tablesXlsx(tables: readonly Table[], base: string, source: ExportSource, exported = new Date()): Promise<Blob> {
  const sheets = sheetNames(tables.map((t) => t.name)).map((sheet, i) => ({ sheet, data: sheetData(tables[i] as Table, base) }));
  sheets.push({ sheet: "source", data: sourceSheet(source, base, exported) });
  return writeXlsxFile(sheets).toBlob();
}

export function sheetData(t: Table, base: string): SheetData {
  return shownSheet(t, base).map((row) => row.map(writeExcelCell));
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
