import type { Cell, ColumnMeta, Table } from "../results/table.js";
import { moneyScale } from "./numbers.js";

/**
 * A results table as the exports show it. CSV and XLSX carry the values as
 * the screen does (money in ¥bn or millions, shares in per cent) with the
 * unit and currency in each header, CSV rounded to a fixed count of decimals
 * so no float noise (869978000000.0001) shows; JSON carries the stored
 * values at full precision with each column's unit, for machines.
 */

export interface ShownColumn {
  name: string;
  /** The header with its unit in words: "operatingProfit (JPY bn)", "utilisation (%)". */
  header: string;
  /** The shown value of row i (scaled), null for a blank, or the text of a label. */
  value: (i: number) => Cell;
  /** Decimals the CSV rounds to and the XLSX shows (undefined for text). */
  digits: number | undefined;
}

const bigOrMillion = (currency: string) => `${currency} ${moneyScale(currency) === 1e9 ? "bn" : "m"}`;

/** A money column per unit of something (a price, a contribution per vehicle): shown whole, not in millions. */
function perUnit(c: ColumnMeta): boolean {
  return c.unit === "money/unit" || /perunit$/i.test(c.name) || c.name === "price" || /\bper (unit|vehicle)\b/i.test(c.description ?? "");
}

/** The currency of each row of a table whose money is in "the row's currency": its `currency` column. */
function rowCurrencies(t: Table, fallback: string): string[] {
  const col = t.data.currency;
  return Array.from({ length: t.length }, (_, i) => (typeof col?.[i] === "string" ? (col[i] as string) : fallback));
}

/** How each column of `t` is shown; `base` is the scenario's base currency (money the tables hold in "base" units). */
export function shownColumns(t: Table, base: string): ShownColumn[] {
  const currencies = rowCurrencies(t, base);
  const distinct = [...new Set(currencies)];
  return t.columns.map((c): ShownColumn => {
    const raw = (i: number): Cell => t.data[c.name]?.[i] ?? null;
    const num = (f: (x: number, i: number) => number) => (i: number) => {
      const x = raw(i);
      return typeof x === "number" ? f(x, i) : x;
    };
    const unit = c.unit ?? "";
    if (unit === "base" || unit === "money" || unit === "money/unit" || unit === "money/year" || unit === "reporting") {
      const rowWise = unit === "reporting";
      const cur = (i: number) => (rowWise ? (currencies[i] as string) : base);
      const label = rowWise ? (distinct.length === 1 ? (distinct[0] as string) : undefined) : base;
      if (perUnit(c)) return { name: c.name, header: `${c.name} (${label ?? "row's currency"}/unit)`, value: raw, digits: 0 };
      // Earnings per share are in the currency itself, never in its billions.
      if (/(pershare|eps)$/i.test(c.name)) return { name: c.name, header: `${c.name} (${label ?? "row's currency"}/share)`, value: raw, digits: 2 };
      const header = label ? `${c.name} (${bigOrMillion(label)})` : `${c.name} (${distinct.map(bigOrMillion).join(" or ")}: see currency)`;
      return { name: c.name, header, value: num((x, i) => x / moneyScale(cur(i))), digits: 3 };
    }
    if (unit === "reporting/share") {
      const label = distinct.length === 1 ? (distinct[0] as string) : "row's currency";
      return { name: c.name, header: `${c.name} (${label}/share)`, value: raw, digits: 2 };
    }
    if (unit === "parameter") return { name: c.name, header: `${c.name} (parameter's unit)`, value: raw, digits: 6 };
    if (unit === "program") return { name: c.name, header: `${c.name} (program's currency/unit)`, value: raw, digits: 0 };
    if (unit === "output") return outputColumn(t, c, raw);
    if (unit === "fraction" || unit === "probability") return { name: c.name, header: `${c.name} (%)`, value: num((x) => x * 100), digits: 2 };
    if (unit === "reporting/base" || unit === "currency/base") {
      const label = distinct.length === 1 && distinct[0] !== base ? `${distinct[0]} per ${base}` : `currency per ${base}`;
      return { name: c.name, header: `${c.name} (${label})`, value: raw, digits: 4 };
    }
    if (unit === "units" || unit === "people" || unit === "units/year") return { name: c.name, header: `${c.name} (${unit})`, value: raw, digits: 0 };
    const numeric = t.data[c.name]?.some((x) => typeof x === "number") ?? false;
    return { name: c.name, header: unit ? `${c.name} (${unit})` : c.name, value: raw, digits: numeric ? 6 : undefined };
  });
}

/** A sweep statistic in its row's `unit` (a currency code, units, or probability): money scaled as above, a probability in per cent. */
function outputColumn(t: Table, c: ColumnMeta, raw: (i: number) => Cell): ShownColumn {
  const unitOf = (i: number) => String(t.data.unit?.[i] ?? "");
  const shown = [...new Set(Array.from({ length: t.length }, (_, i) => unitOf(i)))].map((u) =>
    /^[A-Z]{3}$/.test(u) ? bigOrMillion(u) : u === "probability" ? "%" : u || "output's unit",
  );
  const header = shown.length === 1 ? `${c.name} (${shown[0]})` : `${c.name} (${shown.join(" or ")}: see unit)`;
  const value = (i: number): Cell => {
    const x = raw(i);
    if (typeof x !== "number") return x;
    const u = unitOf(i);
    return /^[A-Z]{3}$/.test(u) ? x / moneyScale(u) : u === "probability" ? x * 100 : x;
  };
  return { name: c.name, header, value, digits: 3 };
}

/** x to `digits` decimals as the shortest text that reads back as that rounded value; never "-0". */
export function rounded(x: number, digits: number): string {
  const r = Number(x.toFixed(digits));
  return String(r === 0 ? 0 : r);
}

function field(x: Cell, digits: number | undefined): string {
  if (x === null) return "";
  const s = typeof x === "number" ? (digits === undefined ? String(x) : rounded(x, digits)) : x;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * CSV of a table as shown (RFC 4180 quoting, LF line ends): headers with
 * units, values scaled and rounded to each column's decimals, or to `digits`
 * decimals for every numeric column when given.
 */
export function shownCsv(t: Table, base: string, digits?: number): string {
  const cols = shownColumns(t, base);
  const lines = [cols.map((c) => field(c.header, undefined)).join(",")];
  const at = (c: ShownColumn) => (digits !== undefined && c.digits !== undefined ? digits : c.digits);
  for (let i = 0; i < t.length; i++) lines.push(cols.map((c) => field(c.value(i), at(c))).join(","));
  return `${lines.join("\n")}\n`;
}

/** A spreadsheet cell, whatever library writes the file: text or a number, its display format ("#,##0.000") and weight. */
export interface SheetCell {
  value: string | number;
  format?: string;
  bold?: boolean;
}

/**
 * A cell as write-excel-file takes it (the CLI's Node writer and the web's
 * browser writer both use that library): the value, its type, its display
 * format and weight. Plain data, so core still writes no file.
 */
export function writeExcelCell(c: SheetCell | null) {
  if (c === null) return null;
  return {
    value: c.value,
    type: typeof c.value === "number" ? Number : String,
    ...(c.format ? { format: c.format } : {}),
    ...(c.bold ? { fontWeight: "bold" as const } : {}),
  };
}

/**
 * A table as spreadsheet rows as shown: a bold header with units, then the
 * scaled values kept as numbers at full precision and displayed rounded to
 * each column's decimals; null for a blank.
 */
export function shownSheet(t: Table, base: string): (SheetCell | null)[][] {
  const cols = shownColumns(t, base);
  const header = cols.map((c): SheetCell => ({ value: c.header, bold: true }));
  const body = Array.from({ length: t.length }, (_, i) =>
    cols.map((c): SheetCell | null => {
      const x = c.value(i);
      if (x === null) return null;
      if (typeof x === "string") return { value: x };
      return c.digits === undefined ? { value: x } : { value: x, format: numberFormat(c.digits) };
    }),
  );
  return [header, ...body];
}

/** "#,##0.000" for 3 decimals, "#,##0" for none. */
export function numberFormat(digits: number): string {
  return digits > 0 ? `#,##0.${"0".repeat(digits)}` : "#,##0";
}

/** Sheet names as spreadsheets take them: at most 31 characters, none of \\ / ? * [ ] :, unique regardless of case (a second "plants" becomes "plants 2"). */
export function sheetNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw) => {
    const n = raw.replace(/[\\/?*[\]:]/g, "-");
    let name = n.slice(0, 31);
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${n.slice(0, 28)} ${k}`;
    seen.add(name.toLowerCase());
    return name;
  });
}
