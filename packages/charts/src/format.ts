import { formatMoney, formatPercent, formatPerUnit, formatThousands, moneyScale, moneyUnit as unitOf } from "@tieup/core";

/**
 * The workspace's labels, from core's one number formatter (the CLI uses
 * the same): money with its symbol and scale, prices per unit, shares and
 * volumes.
 */
export { moneyScale };

/** The unit money is shown in: ¥bn for yen, $m, C$m … for the others. */
export function moneyUnit(currency: string): string {
  return unitOf(currency, "short");
}

/** 1.234e9 JPY → "¥1.2bn"; −2.5e6 USD → "−$2.5m". */
export function money(amount: number | null | undefined, currency: string, digits = 1): string {
  return formatMoney(amount, currency, { style: "symbol", digits });
}

/** A price per vehicle: 30734.3 USD → "$30,734/unit". */
export const perUnit = formatPerUnit;

export const percent = formatPercent;

/** Vehicles in thousands: 1413200 → "1,413.2k units". */
export function thousandUnits(units: number | null | undefined): string {
  const t = formatThousands(units);
  return t === "–" ? t : `${t}k units`;
}

/** One unit when every company reports in the same currency; else say the amounts are each in its own. */
export function unitLabel(currencies: readonly string[]): string {
  const set = [...new Set(currencies)];
  return set.length === 1 ? moneyUnit(set[0] as string) : "each company's currency (¥bn, or millions)";
}
