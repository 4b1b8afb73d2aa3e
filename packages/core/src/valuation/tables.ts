import { col, defineTable, tableOfRows } from "../results/define.js";
import type { Table } from "../results/table.js";
import type { Scenario } from "../scenario/schema.js";
import type { DealAnalysis } from "./analysis.js";
import { netIncomeEffect } from "./net-income.js";

const { key, numericKey, label, measure } = col;

export const DEAL_GAINS = defineTable(
  "dealGains",
  "One row per deal, party and period: the party's change in profit against its own counterfactual, in its reporting currency.",
  [
    key("deal", "Deal id"),
    key("company", "Party (a company whose profit the deal changes)"),
    key("period", "Period id"),
    label("currency", "The party's reporting currency"),
    measure("operatingProfit", "reporting", "Change in operating profit"),
    measure("profit", "reporting", "Change in profit (operating profit + equity income)"),
    col.optional(
      "netIncome",
      "reporting",
      "Change in net income: Δoperating profit × (1 − tax) × (1 − minority share) + Δequity income × (1 − minority share); null without a tax rate",
    ),
    col.optional("perShare", "reporting", "Change in earnings per share: Δnet income ÷ shares outstanding; null without a share count"),
  ],
);

/** The parties' gains of each analysis, by period, with their effect on net income and EPS. */
export function dealGainsTable(scenario: Scenario, analyses: readonly DealAnalysis[]): Table {
  return tableOfRows(
    DEAL_GAINS,
    analyses.flatMap((a) =>
      a.gains
        .filter((g) => a.parties.includes(g.company))
        .map((g) => {
          const company = scenario.companies.find((c) => c.id === g.company);
          const ni = company ? netIncomeEffect(company, g.operatingProfit, g.profit - g.operatingProfit) : { netIncome: null, perShare: null };
          return {
            deal: a.deal.id,
            company: g.company,
            period: g.period,
            currency: g.currency,
            operatingProfit: g.operatingProfit,
            profit: g.profit,
            netIncome: ni.netIncome,
            perShare: ni.perShare,
          };
        }),
    ),
  );
}

export const PRICE_SWEEP = defineTable("priceSweep", "One row per transfer price of a contract-manufacturing deal: both parties' NPV gains at it.", [
  numericKey("price", "program", "Transfer price per unit, in the program's currency"),
  measure("host", "reporting", "NPV of the host's gain, in its reporting currency"),
  measure("client", "reporting", "NPV of the client's gain, in its reporting currency"),
]);

export function priceSweepTable(points: readonly { price: number; host: number; client: number }[]): Table {
  return tableOfRows(PRICE_SWEEP, points);
}
