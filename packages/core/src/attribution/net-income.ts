import type { Company } from "../schema/company.js";

/**
 * What a change in operating profit does to net income and earnings per
 * share: ΔNI = ΔOP × (1 − tax rate) × (1 − minority share), ΔEPS = ΔNI ÷
 * shares outstanding. Null where the company states no tax rate (or no
 * shares, for EPS). Operating profit stands in for profit before tax, so
 * financing and equity-method items are left as they were.
 */
export function netIncomeEffect(company: Company, operatingProfit: number): { netIncome: number | null; perShare: number | null } {
  if (company.taxRate === undefined) return { netIncome: null, perShare: null };
  const netIncome = operatingProfit * (1 - company.taxRate) * (1 - (company.minorityShare ?? 0));
  return { netIncome, perShare: company.sharesOutstanding ? netIncome / company.sharesOutstanding : null };
}
