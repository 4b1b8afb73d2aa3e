import type { Table } from "@tieup/core";
import writeXlsxFile, { type SheetData } from "write-excel-file/browser";

/** One sheet per results table, header row bold, numbers kept as numbers. */
export function tablesXlsx(tables: Table[]): Promise<Blob> {
  const sheets = tables.map((t) => ({ sheet: t.name.slice(0, 31), data: sheetData(t) }));
  return writeXlsxFile(sheets).toBlob();
}

export function sheetData(t: Table): SheetData {
  const header = t.columns.map((c) => ({ value: c.unit ? `${c.name} (${c.unit})` : c.name, fontWeight: "bold" as const }));
  const body = Array.from({ length: t.length }, (_, i) =>
    t.columns.map((c) => {
      const x = t.data[c.name]?.[i] ?? null;
      if (x === null) return null;
      return typeof x === "number" ? { value: x, type: Number } : { value: x, type: String };
    }),
  );
  return [header, ...body];
}
