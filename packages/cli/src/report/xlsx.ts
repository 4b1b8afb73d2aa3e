import { type SheetCell, sheetNames, shownSheet, type Table, writeExcelCell } from "@tieup/core";
import writeXlsxFile, { type SheetData } from "write-excel-file/node";
import { InputError } from "../io/errors.js";
import { writeAtomic } from "../io/output.js";

/**
 * Workbooks of the commands that print tables: a sheet per table as the
 * report shows it (money in ¥bn or millions with the unit and currency in
 * each header, shares in per cent; core's shownSheet, as the web's export),
 * a sheet of the inputs with their sources, and a sheet saying where the
 * numbers come from.
 */
export interface Sheet {
  name: string;
  rows: (SheetCell | null)[][];
}

export function tableSheet(t: Table, base: string): Sheet {
  return { name: t.name, rows: shownSheet(t, base) };
}

export const bold = (value: string): SheetCell => ({ value, bold: true });
export const text = (x: unknown): SheetCell | null => {
  if (x === undefined || x === null || x === "") return null;
  return typeof x === "number" ? { value: x } : { value: typeof x === "string" ? x : JSON.stringify(x) };
};

/** Where the workbook's numbers come from: the command, the scenario and its overrides, the date, the units. */
export function sourceSheet(fields: readonly [string, string][], exported = new Date()): Sheet {
  return {
    name: "source",
    rows: [
      ...fields.map(([k, v]) => [bold(k), text(v)]),
      [bold("exported"), text(exported.toISOString())],
      [
        bold("units"),
        text("money in billions of yen or won, millions of other currencies, as each header says; shares in per cent; values kept at full precision"),
      ],
    ],
  };
}

/** A workbook is binary: it goes to a file, never to the terminal, and the file says it is one. */
export function checkWorkbookOut(format: string, out: string | undefined): void {
  if (format !== "xlsx") return;
  if (!out)
    throw new InputError([{ severity: "error", path: "--out", message: "a workbook is binary: it needs a file", suggestion: "add --out results.xlsx" }]);
  if (!/\.xlsx$/i.test(out))
    throw new InputError([
      {
        severity: "error",
        path: "--out",
        message: `${out} does not end in .xlsx, and a spreadsheet program opens a workbook by its extension`,
        suggestion: "name it e.g. results.xlsx",
      },
    ]);
}

export async function writeWorkbook(out: string, sheets: readonly Sheet[]): Promise<void> {
  const names = sheetNames(sheets.map((s) => s.name));
  const data = sheets.map((s, i) => ({ sheet: names[i] as string, data: s.rows.map((r) => r.map(writeExcelCell)) as SheetData }));
  writeAtomic(out, await writeXlsxFile(data).toBuffer());
}
