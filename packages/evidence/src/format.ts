import type { Claim } from "./types.js";

const SYMBOL: Record<string, string> = { JPY: "¥", USD: "$", EUR: "€", GBP: "£", CAD: "C$" };
const SCALES: [number, string][] = [
  [1e12, "trillion"],
  [1e9, "billion"],
  [1e6, "million"],
];

/** A money amount as news writes it: ¥650 billion, $3.4 billion, MXN 2 million. */
export function money(value: number, currency: string): string {
  const [scale, word] = SCALES.find(([s]) => Math.abs(value) >= s) ?? [1, ""];
  const n = trim(value / scale);
  const sym = SYMBOL[currency];
  return `${sym ?? `${currency} `}${n}${word ? ` ${word}` : ""}`;
}

function trim(x: number): string {
  return x.toLocaleString("en-US", { maximumFractionDigits: 3 });
}

/** One value in its unit: "¥650 billion", "57%", "20,000 jobs", "145 JPY/USD". */
export function formatValue(value: number, unit: string): string {
  if (/^[A-Z]{3}$/.test(unit)) return money(value, unit);
  if (unit === "%") return `${trim(value)}%`;
  if (unit === "pp") return `${trim(value)} pp`;
  const [scale, word] = SCALES.find(([s]) => Math.abs(value) >= s) ?? [1, ""];
  return `${trim(value / scale)}${word ? ` ${word}` : ""} ${unit}`;
}

/** A claim's value with its range, change and paired currencies: "70–80%", "17 → 10 plants", "¥90 billion ($600 million)". */
export function formatClaim(c: Pick<Claim, "value" | "unit" | "high" | "from" | "alternates" | "qualifier">): string {
  let s: string;
  if (c.high !== undefined) s = `${formatValue(c.value, c.unit).replace(/[^\d.,].*$/, "")}–${formatValue(c.high, c.unit)}`;
  else if (c.from !== undefined) s = `${formatValue(c.from, c.unit)} → ${formatValue(c.value, c.unit)}`;
  else s = formatValue(c.value, c.unit);
  if (/^[A-Z]{3}$/.test(c.unit) && c.high !== undefined) s = `${money(c.value, c.unit)}–${money(c.high, c.unit)}`;
  const alt = c.alternates?.length ? ` (${c.alternates.map((a) => formatValue(a.value, a.unit)).join(", ")})` : "";
  return `${c.qualifier ? `${c.qualifier} ` : ""}${s}${alt}`;
}
