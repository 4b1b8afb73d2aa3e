import type { Cell, Table } from "../results/table.js";

/** One CSV field: quoted when it holds a comma, a quote or a line break; quotes doubled; null empty. */
function field(x: Cell): string {
  if (x === null) return "";
  const s = String(x);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * CSV of a results table (RFC 4180 quoting, LF line ends), full precision:
 * a header row of column names, then one line per row. Used by the CLI and
 * the web's exports alike.
 */
export function tableCsv(t: Table): string {
  const names = t.columns.map((c) => c.name);
  const lines = [names.map(field).join(",")];
  for (let i = 0; i < t.length; i++) lines.push(names.map((n) => field(t.data[n]?.[i] ?? null)).join(","));
  return `${lines.join("\n")}\n`;
}
