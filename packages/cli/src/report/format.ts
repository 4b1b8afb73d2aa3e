import { type Cell, rows, type Table } from "@tieup/core";

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

/** RFC 4180 CSV of a results table, full precision. */
export function csvTable(t: Table): string {
  const names = t.columns.map((c) => c.name);
  const q = (c: Cell) => {
    if (c === null) return "";
    const s = String(c);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const out = [names.join(",")];
  for (let i = 0; i < t.length; i++) out.push(names.map((n) => q(t.data[n]?.[i] ?? null)).join(","));
  return `${out.join("\n")}\n`;
}

export function jsonTables(tables: Table[]): Record<string, Record<string, Cell>[]> {
  return Object.fromEntries(tables.map((t) => [t.name, rows(t)]));
}

/** Money with a currency-appropriate scale: ¥ in billions, others in millions. */
export function money(amount: number | null, currency: string): string {
  if (amount === null) return "–";
  if (currency === "JPY") return fixed(amount / 1e9, 1);
  return fixed(amount / 1e6, 1);
}

export function moneyUnit(currency: string): string {
  return currency === "JPY" ? "¥ billion" : `${currency} million`;
}

export function thousands(units: number): string {
  return fixed(units / 1e3, 1);
}

export function percent(x: number | null): string {
  return x === null || !Number.isFinite(x) ? "–" : `${(x * 100).toFixed(1)}%`;
}

export function fixed(x: number, digits: number): string {
  const v = Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x;
  return v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
