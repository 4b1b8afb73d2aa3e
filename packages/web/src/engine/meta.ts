import { expandHorizon, type Scenario } from "@tieup/core";

/** What the controls and views need to know about the scenario, small enough to send with every result. */
export interface ScenarioMeta {
  id: string;
  title: string;
  base: string;
  periods: string[];
  companies: { id: string; name: string; currency: string }[];
  measures: { id: string; name: string; kind: string; importer: string; origins: string[]; rate: number; from: string; to?: string }[];
  currencies: { id: string; rate: number }[];
  programs: { id: string; name: string; seller: string }[];
  /** lat/lon: the plant's position in degrees when the scenario gives it (the map falls back to its country's point otherwise). */
  plants: { id: string; name: string; owner: string; country: string; lat?: number; lon?: number }[];
  markets: { id: string; name: string; country: string }[];
  deals: {
    id: string;
    name: string;
    type: string;
    transferPrice?: number | "open" | "cost-plus";
    currency?: string;
    /** Where a transfer-price control starts when the scenario's price is not fixed: the solved (Nash) price, else the program's variable cost. */
    referencePrice?: number;
  }[];
  overrides: string[];
}

/** `prices`: the transfer prices the engine solved for open deals (their Nash prices). */
export function scenarioMeta(s: Scenario, overrides: string[], prices: Record<string, number> = {}): ScenarioMeta {
  const periods = expandHorizon(s.horizon).map((p) => p.id);
  return {
    id: s.id,
    title: s.title || s.id,
    base: s.fx.base,
    periods,
    companies: s.companies.map((c) => ({ id: c.id, name: c.name, currency: c.reportingCurrency })),
    measures: s.tariffs.map((m) => ({
      id: m.id,
      name: m.name,
      kind: m.kind,
      importer: m.importer,
      origins: m.origins,
      rate: m.rate,
      from: m.from,
      ...(m.to ? { to: m.to } : {}),
    })),
    currencies: Object.entries(s.fx.rates).map(([id, byPeriod]) => ({ id, rate: firstRate(byPeriod, periods) })),
    programs: s.programs.map((p) => ({ id: p.id, name: p.name, seller: p.seller })),
    plants: s.plants.map((p) => ({
      id: p.id,
      name: p.name,
      owner: p.owner,
      country: p.country,
      ...(p.lat !== undefined && p.lon !== undefined ? { lat: p.lat, lon: p.lon } : {}),
    })),
    markets: s.markets.map((m) => ({ id: m.id, name: m.name, country: m.country })),
    deals: s.deals.map((d) => ({
      id: d.id,
      name: d.name,
      type: d.type,
      ...(d.type === "contract-manufacturing"
        ? {
            transferPrice: d.transferPrice === "open" ? "open" : "perUnit" in d.transferPrice ? d.transferPrice.perUnit : "cost-plus",
            currency: s.programs.find((p) => p.id === d.program)?.currency ?? s.fx.base,
            referencePrice: prices[d.id] ?? s.programs.find((p) => p.id === d.program)?.variableCost ?? 0,
          }
        : {}),
    })),
    overrides,
  };
}

/** The rate of the first period that has one, for showing what a multiplier applies to. */
function firstRate(byPeriod: Record<string, number>, periods: string[]): number {
  for (const p of periods) if (byPeriod[p] !== undefined) return byPeriod[p] as number;
  return Object.values(byPeriod)[0] ?? 1;
}
