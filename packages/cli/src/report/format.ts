import { type Cell, fixed, formatMoney, formatThousands, rows, type Table } from "@tieup/core";

/** Aligned plain-text table; numbers right-aligned. */
export function textTable(headers: string[], body: Cell[][], align?: ("l" | "r")[]): string {
  const cells = body.map((r) => r.map((c) => (c === null ? "–" : String(c))));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? "").length)));
  const numeric = (c: Cell | undefined) => typeof c === "number" || /^[-–]?[\d,.]+%?$|^–$/.test(String(c ?? ""));
  const al = align ?? headers.map((_, i) => (body.length > 0 && body.every((r) => numeric(r[i])) ? "r" : "l"));
  const line = (r: string[]) =>
    r
      .map((c, i) => (al[i] === "r" ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((w) => "─".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

export function markdownTable(headers: string[], body: Cell[][]): string {
  const esc = (c: Cell) => (c === null ? "–" : String(c).replace(/\|/g, "\\|"));
  const al = headers.map((_, i) => (body.some((r) => typeof r[i] === "number" || /^-?[\d.,]+ ?%?$/.test(String(r[i] ?? ""))) ? "---:" : "---"));
  return [`| ${headers.join(" | ")} |`, `| ${al.join(" | ")} |`, ...body.map((r) => `| ${r.map(esc).join(" | ")} |`)].join("\n");
}

export function jsonTables(tables: Table[]): Record<string, Record<string, Cell>[]> {
  return Object.fromEntries(tables.map((t) => [t.name, rows(t)]));
}

/** Money with a currency-appropriate scale (core's formatter): ¥ in billions, others in millions. */
export function money(amount: number | null, currency: string): string {
  return formatMoney(amount, currency);
}

/** A change with its sign always shown (+8.4, -0.1; 0.0 unsigned), at the currency's scale. */
export function signedMoney(amount: number, currency: string, digits = 1): string {
  const s = formatMoney(amount, currency, { digits });
  return amount > 0 && s !== fixed(0, digits) ? `+${s}` : s;
}

export function thousands(units: number): string {
  return formatThousands(units);
}

export { fixed, formatPercent as percent, moneyUnit, tableCsv as csvTable } from "@tieup/core";
