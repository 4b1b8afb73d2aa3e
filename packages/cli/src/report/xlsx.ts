import { type Citation, sheetRows, type Table } from "@tieup/core";
import writeXlsxFile, { type SheetData } from "write-excel-file/node";

/**
 * A workbook of results tables, one sheet each (header row bold, units in the
 * headers, numbers kept as numbers at full precision), and a last sheet of
 * the inputs' citations: what an analyst pastes into a model of their own.
 */
export async function workbook(tables: readonly Table[], base: string, citations: readonly Citation[] = []): Promise<Buffer> {
  const bold = (value: string) => ({ value, fontWeight: "bold" as const });
  const sheets = tables.map((t) => {
    const { header, rows } = sheetRows(t, base);
    const data: SheetData = [header.map(bold), ...rows.map((r) => r.map(cell))];
    return { sheet: t.name.slice(0, 31), data };
  });
  if (citations.length > 0)
    sheets.push({
      sheet: "inputs",
      data: [
        ["path", "value", "source", "note"].map(bold),
        ...citations.map((c) =>
          [c.path, typeof c.value === "number" ? c.value : c.value === undefined ? "" : String(c.value), c.source, c.note ?? ""].map(cell),
        ),
      ],
    });
  return writeXlsxFile(sheets).toBuffer();
}

function cell(x: unknown) {
  if (x === null || x === undefined || x === "") return null;
  return typeof x === "number" ? { value: x, type: Number } : { value: String(x), type: String };
}
