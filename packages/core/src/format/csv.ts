import type { Cell, Table } from "../results/table.js";

/** One CSV field: quoted when it holds a comma, a quote or a line break; quotes doubled; null empty. */
function field(x: Cell): string {
  if (x === null) return "";
  const s = String(x);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * CSV of a results table as stored (RFC 4180 quoting, LF line ends): a
 * header row of column names, then one line per row at full precision, or
 * rounded to `digits`. For machines; shownCsv is the analyst's form.
 */
export function tableCsv(t: Table, options: CsvOptions = {}): string {
  const names = t.columns.map((c) => c.name);
  const round = (x: Cell) => (typeof x === "number" && options.digits !== undefined ? roundTo(x, options.digits) : x);
  const lines = [names.map(field).join(",")];
  for (let i = 0; i < t.length; i++) lines.push(names.map((n) => field(round(t.data[n]?.[i] ?? null))).join(","));
  return `${lines.join("\n")}\n`;
}

export interface CsvOptions {
  /** Round numbers to this many decimals (float noise such as 869978000000.0001 goes); absent: full precision. */
  digits?: number;
}

/** x rounded to `digits` decimals, never "-0". */
function roundTo(x: number, digits: number): number {
  const r = Number(x.toFixed(digits));
  return r === 0 ? 0 : r;
}
