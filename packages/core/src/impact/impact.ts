import { type CompanyResults, evaluateCompanies } from "../evaluate/index.js";
import { type BuildOptions, buildModel } from "../model/model.js";
import { rows } from "../results/table.js";
import type { Scenario } from "../scenario/schema.js";
import { dayNumber, isoOf } from "../time/dates.js";
import { expandHorizon } from "../time/periods.js";
import { resolveOpenPrices } from "../valuation/analysis.js";
import { regimeBefore, withRates } from "./window.js";

/** Where and when a tariff impact is measured. */
export interface ImpactWindow {
  /** Period whose flows are costed (a fiscal year of the horizon). */
  period: string;
  /** First and last day of the sales counted (each at the rates of its entry date); the whole period when absent. */
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
 * evaluated on the window's sales, and the duty lines differ. A sale pays
 * the rates in force when it entered (`entryLagDays` earlier), so stock that
 * entered before a tariff reaches the window's cost only as it is sold. Volumes and
 * sourcing are the scenario's in both runs, so this is the tariff bill on the
 * flows that happened, which is how the companies state their impact. Open
 * deal prices are those of the scenario as a whole (`prices`, resolved at
 * their Nash price when not given), so both runs carry the same deals.
 *
 * Offsets are capped per company over the whole period (the proclamation's
 * annual allowance), not per window: the period's credit is applied to the
 * duties it may reduce in date order until it is used up, so a window gets
 * min(A, D(start..to)) − min(A, D(start..from−1)), where A is the period's
 * credit and D the offsettable duties on sales since the period's start. Windows that
 * split a period therefore add up to it.
 */
export function tariffImpact(scenario: Scenario, w: ImpactWindow, prices = resolveOpenPrices(scenario).prices): TariffImpact[] {
  const atRates = (s: Scenario) => (w.rates ? withRates(s, w.period, w.rates) : s);
  // Only the companies tables are read (speed: the flow, duty and plant tables were most of each evaluation).
  const run = (s: Scenario, saleWindow?: BuildOptions["saleWindow"]) =>
    evaluateCompanies(buildModel(atRates(s), { prices, ...(saleWindow ? { saleWindow } : {}) }));
  const window = w.from !== undefined && w.to !== undefined ? { from: w.from, to: w.to } : undefined;
  const before = regimeBefore(scenario, w.since);
  const impacts = difference(run(scenario, window), run(before, window), w.period);
  const period = expandHorizon(scenario.horizon).find((p) => p.id === w.period);
  if (w.from === undefined || w.to === undefined || !period) return impacts;
  const start = isoOf(period.start);
  // Credit used on the duties entered from the period's start to `to`, offsets over the whole period.
  const usedBy = (to: string) => {
    if (to < start) return () => 0;
    const used = (s: Scenario) => offsetsBy(run(s, { from: start, to, offsets: false }), w.period);
    const a = used(scenario);
    const b = before.tariffs.some((m) => m.kind === "offset") ? used(before) : new Map<string, number>();
    return (c: string) => (a.get(c) ?? 0) - (b.get(c) ?? 0);
  };
  const upTo = usedBy(w.to);
  const beforeFrom = usedBy(isoOf(dayNumber(w.from) - 1));
  return impacts.map((i) => {
    const offsets = -(upTo(i.company) - beforeFrom(i.company));
    const change = offsets - i.offsets;
    return { ...i, offsets, net: i.net + change, operatingProfit: i.operatingProfit + change };
  });
}

/** Offsets credited per company in a period (positive, reporting currency). */
function offsetsBy(r: CompanyResults, period: string): Map<string, number> {
  return new Map(
    rows(r.companies)
      .filter((x) => x.period === period)
      .map((x) => [String(x.company), Number(x.offset ?? 0)]),
  );
}

export function difference(regime: CompanyResults, before: CompanyResults, period: string): TariffImpact[] {
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
