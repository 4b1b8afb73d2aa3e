import { col, defineTable, tableOfRows } from "../results/define.js";
import type { Table } from "../results/table.js";
import type { Scenario } from "../scenario/schema.js";
import type { DealAnalysis, PartyValue } from "./analysis.js";
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

/** How a column of a deal's NPV table reads: a rate, money in the party's currency, money per share, or a share of market value. */
export type DealValueKind = "rate" | "money" | "perShare" | "share";

export interface DealValueColumn {
  header: string;
  kind: DealValueKind;
  value: (v: PartyValue) => number | null;
}

/**
 * The columns of a deal's NPV table after the company, in order, for the CLI
 * and the web alike: the values every deal has, then those its analysis
 * carries (market value, terminal value, the other counterfactuals).
 */
export function dealValueColumns(a: DealAnalysis, withTerminal: boolean): DealValueColumn[] {
  const against = (values: readonly PartyValue[]) => (v: PartyValue) => values.find((x) => x.company === v.company)?.npv ?? 0;
  return [
    { header: "discount rate", kind: "rate", value: (v) => v.discountRate },
    { header: "NPV of gain", kind: "money", value: (v) => v.npv },
    { header: "after tax", kind: "money", value: (v) => v.npvAfterTax },
    { header: "after tax per share", kind: "perShare", value: (v) => v.npvAfterTaxPerShare },
    { header: "cash after tax", kind: "money", value: (v) => v.npvCash },
    ...(a.values.some((v) => v.market !== null)
      ? [{ header: "of market cap", kind: "share" as const, value: (v: PartyValue) => v.market?.ofMarketCap ?? null }]
      : []),
    ...(withTerminal ? [{ header: "terminal value", kind: "money" as const, value: (v: PartyValue) => v.terminalValue }] : []),
    ...(a.versusNeither ? [{ header: "NPV vs neither develops", kind: "money" as const, value: against(a.versusNeither) }] : []),
    ...(a.versus ?? []).map((alt) => ({ header: `NPV vs ${alt.label}`, kind: "money" as const, value: against(alt.values) })),
  ];
}
