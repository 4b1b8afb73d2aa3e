import { resolveOpenPrices } from "../deals/analysis.js";
import { evaluateModel, type Results } from "../evaluate/index.js";
import { buildModel } from "../model.js";
import { rows } from "../results/table.js";
import type { Scenario } from "../schema/scenario.js";
import { clipTariffs, regimeBefore, withRates } from "./window.js";

/** Where and when a tariff impact is measured. */
export interface ImpactWindow {
  /** Period whose flows are costed (a fiscal year of the horizon). */
  period: string;
  /** First and last day of entries counted; the whole period when absent. */
  from?: string;
  to?: string;
  /** Measures entering into force on or after this date make the impact; earlier ones are the counterfactual regime. */
  since: string;
  /** Period-average rates for the window (currency per base unit), e.g. the half-year's yen. */
  rates?: Readonly<Record<string, number>>;
}

/** One company's tariff impact in a window, in its reporting currency (positive = cost). */
export interface TariffImpact {
  company: string;
  currency: string;
  /** Extra duty on finished vehicles. */
  vehicles: number;
  /** Extra duty on imported parts, before offsets. */
  parts: number;
  /** US-assembly offsets credited against the new duties (negative: a credit). */
  offsets: number;
  /** vehicles + parts: the new duties charged, before offsets. */
  gross: number;
  /** gross + offsets: the new duties net of the offsets. */
  net: number;
  /** Operating profit lost against the earlier regime (differs from `total` only through pass-through). */
  operatingProfit: number;
}

/**
 * Tariff impact by company: the scenario and its pre-`since` regime are both
 * evaluated on the window's entries, and the duty lines differ. Volumes and
 * sourcing are the scenario's in both runs, so this is the tariff bill on the
 * flows that happened, which is how the companies state their impact. Open
 * deal prices are those of the scenario as a whole (`prices`, resolved at
 * their Nash price when not given), so both runs carry the same deals.
 */
export function tariffImpact(scenario: Scenario, w: ImpactWindow, prices = resolveOpenPrices(scenario).prices): TariffImpact[] {
  const windowed = (s: Scenario) => {
    const clipped = w.from !== undefined && w.to !== undefined ? clipTariffs(s, w.from, w.to) : s;
    return w.rates ? withRates(clipped, w.period, w.rates) : clipped;
  };
  const run = (s: Scenario) => evaluateModel(buildModel(windowed(s), { prices }));
  return difference(run(scenario), run(regimeBefore(scenario, w.since)), w.period);
}

export function difference(regime: Results, before: Results, period: string): TariffImpact[] {
  const earlier = new Map(rows(before.companies).map((r) => [`${r.period}|${r.company}`, r]));
  const out: TariffImpact[] = [];
  for (const r of rows(regime.companies)) {
    if (r.period !== period) continue;
    const b = earlier.get(`${r.period}|${r.company}`);
    if (!b) continue;
    const n = (x: unknown) => Number(x ?? 0);
    const vehicles = n(r.vehicleDuty) - n(b.vehicleDuty);
    const parts = n(r.partsDuty) - n(b.partsDuty);
    // The companies table books offsets as a positive credit.
    const offsets = -(n(r.offset) - n(b.offset));
    out.push({
      company: String(r.company),
      currency: String(r.currency),
      vehicles,
      parts,
      offsets,
      gross: vehicles + parts,
      net: vehicles + parts + offsets,
      operatingProfit: n(b.operatingProfit) - n(r.operatingProfit),
    });
  }
  return out;
}
