import { withRates } from "../impact/window.js";
import { type Run, runScenario } from "../pipeline/run.js";
import { tableOfRows } from "../results/define.js";
import { rows, type Table } from "../results/table.js";
import { FX_SENSITIVITY } from "./tables.js";

/** How far a sensitivity moves a currency: ¥1 per base unit for the yen (how the Japanese makers state theirs), 1% of the rate otherwise. */
export function fxMove(currency: string, rate: number, base: string): { move: number; label: string } {
  return currency === "JPY" ? { move: 1, label: `+¥1 per ${base}` } : { move: rate * 0.01, label: "+1% (weaker)" };
}

/**
 * Each company's operating-profit change when `currency` weakens against
 * the base currency in `period` alone, every other number as written and
 * open prices as settled: the model's counterpart of a company's published
 * FX sensitivity.
 */
export function fxSensitivity(run: Run, period: string, currencies: readonly string[]): Table {
  const out = [];
  const before = rows(run.results.companies).filter((r) => r.period === period);
  for (const currency of currencies) {
    const rate = run.scenario.fx.rates[currency]?.[period];
    if (rate === undefined) continue;
    const { move, label } = fxMove(currency, rate, run.scenario.fx.base);
    const moved = runScenario(withRates(run.scenario, period, { [currency]: rate + move }), { prices: run.prices }).results;
    const after = new Map(
      rows(moved.companies)
        .filter((r) => r.period === period)
        .map((r) => [r.company, r]),
    );
    for (const b of before) {
      const a = after.get(b.company);
      const company = run.scenario.companies.find((c) => c.id === b.company);
      const published = currency === "JPY" ? company?.fxSensitivity?.JPY : undefined;
      out.push({
        company: String(b.company),
        period,
        fxCurrency: currency,
        move: label,
        currency: String(b.currency),
        modelledScope: Number(a?.operatingProfit ?? 0) - Number(b.operatingProfit ?? 0),
        wholeCompany: Number(a?.companyOperatingProfit ?? 0) - Number(b.companyOperatingProfit ?? 0),
        published: published ?? null,
      });
    }
  }
  return tableOfRows(FX_SENSITIVITY, out);
}
