import { sheetHeader, type Table } from "@tieup/core";
import writeXlsxFile, { type SheetData } from "write-excel-file/browser";

/** One sheet per results table, header row bold with units in words (the base currency by name), numbers kept as numbers. */
export function tablesXlsx(tables: Table[], base: string): Promise<Blob> {
  const sheets = tables.map((t) => ({ sheet: t.name.slice(0, 31), data: sheetData(t, base) }));
  return writeXlsxFile(sheets).toBlob();
}

export function sheetData(t: Table, base: string): SheetData {
  const header = t.columns.map((c) => ({ value: sheetHeader(c, base), fontWeight: "bold" as const }));
  const body = Array.from({ length: t.length }, (_, i) =>
    t.columns.map((c) => {
      const x = t.data[c.name]?.[i] ?? null;
      if (x === null) return null;
      return typeof x === "number" ? { value: x, type: Number } : { value: x, type: String };
    }),
  );
  return [header, ...body];
}
