import type { Company } from "../schema/company.js";

/** A deal's value to one company set beside what the market says the company is worth. */
export interface MarketReading {
  /** Day of the share price. */
  date: string;
  sharePrice: number;
  /** Share price × shares outstanding, reporting currency. */
  marketCap: number;
  /** Market capitalisation + net debt; null without net debt. */
  enterpriseValue: number | null;
  /** The after-tax NPV as a fraction of market capitalisation, which is also its value per share as a fraction of the share price. */
  ofMarketCap: number;
  /** The after-tax NPV per ADR (per share × ADR ratio); null without a ratio. */
  perAdr: number | null;
}

/**
 * Reads an after-tax NPV against the company's market context: the value a
 * holder gets per share, as a share of the price, and of market value. After
 * tax because the price is of equity, which owns profit after tax; null when
 * the company states no market context, shares or tax rate.
 */
export function marketReading(company: Company | undefined, npvAfterTax: number | null): MarketReading | null {
  const m = company?.market;
  const shares = company?.sharesOutstanding;
  if (!m || !shares || npvAfterTax === null || m.sharePrice <= 0) return null;
  const marketCap = m.sharePrice * shares;
  const perShare = npvAfterTax / shares;
  return {
    date: m.date,
    sharePrice: m.sharePrice,
    marketCap,
    enterpriseValue: m.netDebt === undefined ? null : marketCap + m.netDebt,
    ofMarketCap: npvAfterTax / marketCap,
    perAdr: m.adrRatio === undefined ? null : perShare * m.adrRatio,
  };
}
