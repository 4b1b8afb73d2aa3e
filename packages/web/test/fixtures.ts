import type { Metric } from "@tieup/core";

/** A company money output the Uncertainty view's tests chart: maker's FY2026 operating profit in USD. */
export const PROFIT_METRIC: Metric = {
  name: "company.maker.FY2026.operatingProfit",
  kind: "company",
  company: "maker",
  period: "FY2026",
  column: "operatingProfit",
  unit: "USD",
};
