/**
 * Numbers as analysts read them, for every view (CLI tables, web, exports):
 * money in ¥ billion or millions of other currencies, units in thousands,
 * shares in per cent. One formatter, two styles: `plain` for tables whose
 * header carries the unit ("343.2"), `symbol` for labels that stand alone
 * ("¥343.2bn", "−$2.5m").
 */

const SYMBOL: Readonly<Record<string, string>> = { JPY: "¥", USD: "$", CAD: "C$", EUR: "€", MXN: "MX$", KRW: "₩", GBP: "£", CNY: "CN¥" };

/** What one displayed money unit is worth: yen in billions, every other currency in millions. */
export function moneyScale(currency: string): number {
  return currency === "JPY" || currency === "KRW" ? 1e9 : 1e6;
}

function symbolOf(currency: string): string {
  return SYMBOL[currency] ?? `${currency} `;
}

/** The unit money is shown in: "¥ billion" / "USD million" (long, table headers) or "¥bn" / "$m" (short, labels). */
export function moneyUnit(currency: string, style: "long" | "short" = "long"): string {
  const big = moneyScale(currency) === 1e9;
  if (style === "short") return `${symbolOf(currency)}${big ? "bn" : "m"}`;
  return currency === "JPY" ? "¥ billion" : `${currency} ${big ? "billion" : "million"}`;
}

// toLocaleString with options builds a formatter on every call: a redraw formats thousands of amounts, so one per digit count is kept.
const formatters = new Map<number, Intl.NumberFormat>();

/** A number with a fixed count of decimals and thousands separators; −0 and values that round to 0 show as 0. */
export function fixed(x: number, digits: number): string {
  const v = Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x;
  let f = formatters.get(digits);
  if (!f) {
    f = new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(digits, f);
  }
  return f.format(v);
}

export interface MoneyFormat {
  style?: "plain" | "symbol";
  digits?: number;
}

/** 343.2e9 JPY → "343.2" (plain) or "¥343.2bn" (symbol); absent or non-finite → "–". */
export function formatMoney(amount: number | null | undefined, currency: string, { style = "plain", digits = 1 }: MoneyFormat = {}): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return "–";
  const scaled = amount / moneyScale(currency);
  if (style === "plain") return fixed(scaled, digits);
  const body = fixed(Math.abs(scaled), digits);
  const sign = scaled < 0 && body !== fixed(0, digits) ? "−" : "";
  return `${sign}${symbolOf(currency)}${body}${moneyUnit(currency, "short").slice(symbolOf(currency).length)}`;
}

/** A price per vehicle: 30734.3 USD → "$30,734/unit". */
export function formatPerUnit(amount: number | null | undefined, currency: string): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return "–";
  const sign = Math.round(amount) < 0 ? "−" : "";
  return `${sign}${symbolOf(currency)}${fixed(Math.round(Math.abs(amount)), 0)}/unit`;
}

/** 0.275 → "27.5%"; absent or non-finite → "–". */
export function formatPercent(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || !Number.isFinite(x) ? "–" : `${(x * 100).toFixed(digits)}%`;
}

/** Vehicles in thousands: 1413200 → "1,413.2". */
export function formatThousands(units: number | null | undefined): string {
  return units === null || units === undefined || !Number.isFinite(units) ? "–" : fixed(units / 1e3, 1);
}

/** A cell of a results table as a number: 0 when it is absent or not a number (a row a table leaves out counts as nothing). */
export function cellNumber(x: unknown): number {
  return typeof x === "number" ? x : 0;
}
