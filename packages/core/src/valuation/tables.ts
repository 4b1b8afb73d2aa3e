import { col, defineTable, tableOfRows } from "../results/define.js";
import type { Table } from "../results/table.js";
import type { DealAnalysis } from "./analysis.js";

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
  ],
);

/** The parties' gains of each analysis, by period. */
export function dealGainsTable(analyses: readonly DealAnalysis[]): Table {
  return tableOfRows(
    DEAL_GAINS,
    analyses.flatMap((a) =>
      a.gains
        .filter((g) => a.parties.includes(g.company))
        .map((g) => ({ deal: a.deal.id, company: g.company, period: g.period, currency: g.currency, operatingProfit: g.operatingProfit, profit: g.profit })),
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
