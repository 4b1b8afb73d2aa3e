import { type Cell, type ColumnMeta, moneyScale, type Table } from "@tieup/core";

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
      const header = label ? `${c.name} (${bigOrMillion(label)})` : `${c.name} (${distinct.map(bigOrMillion).join(" or ")}: see currency)`;
      return { name: c.name, header, value: num((x, i) => x / moneyScale(cur(i))), digits: 3 };
    }
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

/** CSV of a table as shown (RFC 4180 quoting, LF line ends): headers with units, values scaled and rounded. */
export function shownCsv(t: Table, base: string): string {
  const cols = shownColumns(t, base);
  const lines = [cols.map((c) => field(c.header, undefined)).join(",")];
  for (let i = 0; i < t.length; i++) lines.push(cols.map((c) => field(c.value(i), c.digits)).join(","));
  return `${lines.join("\n")}\n`;
}

/** Where a table comes from, stated in every export beside its values. */
export interface ExportSource {
  scenario: string;
  /** A saved version, when the scenario has one. */
  version?: string | number | undefined;
}

/** JSON of a table: the stored values at full precision, with each column's unit and description (money "base": in `base`; "reporting": in the row's `currency`). */
export function tableJson(t: Table, base: string, source: ExportSource, exported = new Date()): string {
  const rows = Array.from({ length: t.length }, (_, i) => Object.fromEntries(t.columns.map((c) => [c.name, t.data[c.name]?.[i] ?? null])));
  return `${JSON.stringify(
    {
      table: t.name,
      scenario: source.scenario,
      ...(source.version !== undefined ? { version: source.version } : {}),
      exported: exported.toISOString(),
      baseCurrency: base,
      columns: t.columns.map((c) => ({
        name: c.name,
        role: c.role,
        ...(c.unit ? { unit: c.unit } : {}),
        ...(c.description ? { description: c.description } : {}),
      })),
      rows,
    },
    null,
    2,
  )}\n`;
}
