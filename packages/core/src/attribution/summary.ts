import type { Run } from "../pipeline/run.js";
import { tableOfRows } from "../results/define.js";
import { rows, type Table } from "../results/table.js";
import { netIncomeEffect } from "../valuation/net-income.js";
import { PROFIT_SUMMARY } from "./tables.js";

/**
 * What a report leads with, per company and period: whole-company operating
 * profit and what it is made of (the modelled scope, cost programmes, other
 * planned changes, rest of company), the headline tariff cost (gross,
 * offsets, net) and what that cost does to net income and EPS. The tariff
 * columns are filled for the headline period when the run measured it.
 */
export function profitSummary(run: Run, periods: readonly string[]): Table {
  const tariff = run.headline.find((f) => f.from === undefined);
  const out = [];
  for (const r of rows(run.results.companies).filter((x) => periods.includes(String(x.period)))) {
    const period = String(r.period);
    const company = run.scenario.companies.find((c) => c.id === r.company);
    const impact = tariff?.id === period ? tariff.impacts.find((i) => i.company === r.company) : undefined;
    const effect = company && impact ? netIncomeEffect(company, -impact.operatingProfit) : { netIncome: null, perShare: null };
    out.push({
      company: String(r.company),
      period,
      currency: String(r.currency),
      wholeCompany: Number(r.companyOperatingProfit),
      modelledScope: Number(r.operatingProfit),
      costPrograms: Number(r.costPrograms),
      otherPlanned: Number(r.otherPlanned),
      restOfCompany: Number(r.restOfCompany),
      tariffGross: impact ? impact.gross : null,
      tariffOffsets: impact ? impact.offsets : null,
      tariffNet: impact ? impact.net : null,
      tariffNetIncome: effect.netIncome,
      tariffEps: effect.perShare,
    });
  }
  return tableOfRows(PROFIT_SUMMARY, out);
}
