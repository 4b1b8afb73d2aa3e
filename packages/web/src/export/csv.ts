import type { Cell, Table } from "@tieup/core";

/** RFC 4180 CSV of a results table: a header row of column names, fields quoted when they hold a comma, quote or line break. */
export function tableCsv(t: Table): string {
  const names = t.columns.map((c) => c.name);
  const lines = [names.map(field).join(",")];
  for (let i = 0; i < t.length; i++) lines.push(names.map((n) => field(t.data[n]?.[i] ?? null)).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

function field(x: Cell | string): string {
  if (x === null) return "";
  const s = String(x);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
