import type { Scenario } from "../scenario/schema.js";
import { resolveOpenPrices } from "../valuation/analysis.js";
import { type TariffImpact, tariffImpact } from "./impact.js";

export interface HeadlineFigure {
  /** The period's id, or a window's. */
  id: string;
  label: string;
  from?: string;
  to?: string;
  impacts: TariffImpact[];
}

/**
 * Each company's tariff cost for the scenario's headline period and its
 * windows (e.g. FY2025 and its first half), against the regime before
 * `tariffsSince`. Empty when the scenario declares no headline.
 */
export function headlineImpacts(scenario: Scenario, prices = resolveOpenPrices(scenario).prices): HeadlineFigure[] {
  const h = scenario.headline;
  if (!h) return [];
  const out: HeadlineFigure[] = [{ id: h.period, label: h.period, impacts: tariffImpact(scenario, { period: h.period, since: h.tariffsSince }, prices) }];
  for (const w of h.windows) {
    const impacts = tariffImpact(scenario, { period: h.period, from: w.from, to: w.to, since: h.tariffsSince, rates: w.rates }, prices);
    out.push({ id: w.id, label: w.label ?? w.id, from: w.from, to: w.to, impacts });
  }
  return out;
}
