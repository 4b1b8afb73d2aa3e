import { type Cell, fixed, formatMoney, formatThousands, rows, shownCsv, type Table, tableCsv } from "@tieup/core";
import { InputError } from "../io/errors.js";

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

export { fixed, formatPercent as percent, moneyUnit } from "@tieup/core";

/** How a command writes a table as CSV: --raw for the stored values, --round for the decimals. */
export interface CsvFlags {
  raw?: boolean;
  round?: string;
}

/**
 * A table as CSV. By default as the report shows it: units and currency in
 * each header (`operatingProfit (JPY bn)`), money in billions of yen or
 * millions of other currencies, shares in per cent, each column rounded to
 * its decimals (money to 3: ¥1m, $1k), so no float noise. --raw: the stored
 * values (yen, dollars, fractions) under the bare column names, at full
 * precision. --round N: N decimals for every number, in either form.
 */
export function csvOf(t: Table, base: string, flags: CsvFlags = {}): string {
  const digits = roundDigits(flags.round);
  return flags.raw ? tableCsv(t, digits === undefined ? {} : { digits }) : shownCsv(t, base, digits);
}

function roundDigits(round: string | undefined): number | undefined {
  if (round === undefined) return undefined;
  const digits = Number(round);
  if (round.trim() === "" || !Number.isInteger(digits) || digits < 0 || digits > 12)
    throw new InputError([
      { severity: "error", path: "--round", message: `--round takes a number of decimals from 0 to 12, got "${round}"`, suggestion: "e.g. --round 2" },
    ]);
  return digits;
}
