/** Numbers as analysts read them: money in ¥bn or millions of the currency, units in thousands, shares in %. */

const SYMBOL: Record<string, string> = { JPY: "¥", USD: "$", CAD: "C$", EUR: "€", MXN: "MX$" };

/** The unit money is shown in: JPY in billions, every other currency in millions. */
export function moneyUnit(currency: string): string {
  return currency === "JPY" ? "¥bn" : `${SYMBOL[currency] ?? `${currency} `}m`;
}

export function moneyScale(currency: string): number {
  return currency === "JPY" ? 1e9 : 1e6;
}

/** 1.234e9 JPY → "¥1.2bn"; −2.5e6 USD → "−$2.5m". */
export function money(amount: number | null | undefined, currency: string, digits = 1): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return "–";
  const scaled = amount / moneyScale(currency);
  const sign = scaled < 0 ? "−" : "";
  const symbol = SYMBOL[currency] ?? `${currency} `;
  const body = Math.abs(scaled).toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${sign}${symbol}${body}${currency === "JPY" ? "bn" : "m"}`;
}

/** A price per vehicle: 30734.3 USD → "$30,734/unit". */
export function perUnit(amount: number | null | undefined, currency: string): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return "–";
  const sign = amount < 0 ? "−" : "";
  return `${sign}${SYMBOL[currency] ?? `${currency} `}${Math.round(Math.abs(amount)).toLocaleString("en-US")}/unit`;
}

export function percent(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || !Number.isFinite(x) ? "–" : `${(x * 100).toFixed(digits)}%`;
}

/** Vehicles in thousands: 1413200 → "1,413.2k units". */
export function thousandUnits(units: number | null | undefined): string {
  if (units === null || units === undefined || !Number.isFinite(units)) return "–";
  return `${(units / 1e3).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}k units`;
}
