import type { Company } from "../schema/company.js";

/**
 * What a change in operating profit does to net income and earnings per
 * share: ΔNI = ΔOP × (1 − tax rate) × (1 − minority share) + Δequity income
 * × (1 − minority share) (equity-method income is after the investee's tax),
 * ΔEPS = ΔNI ÷ shares outstanding. Null where the company states no tax rate
 * (or no shares, for EPS). Operating profit stands in for profit before tax,
 * so financing items are left as they were.
 */
export function netIncomeEffect(company: Company, operatingProfit: number, equityIncome = 0): { netIncome: number | null; perShare: number | null } {
  if (company.taxRate === undefined) return { netIncome: null, perShare: null };
  const keep = 1 - (company.minorityShare ?? 0);
  const netIncome = operatingProfit * (1 - company.taxRate) * keep + equityIncome * keep;
  return { netIncome, perShare: company.sharesOutstanding ? netIncome / company.sharesOutstanding : null };
}
