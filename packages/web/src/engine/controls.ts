import type { Scenario } from "@tieup/core";

/**
 * The parameters people change most, as set in the workspace. Each is a
 * patch on the validated scenario; absent entries leave the scenario as written.
 */
export interface Controls {
  /** Tariff measure id → ad valorem rate (fraction). */
  tariffs: Record<string, number>;
  /** Currency → multiplier on every period's rate against the base currency (1.1 = the base buys 10% more). */
  fx: Record<string, number>;
  /** Program id → multiplier on its demand in every market and period. */
  demand: Record<string, number>;
  /** Contract-manufacturing deal id → multiplier on its volume in every period. */
  dealVolume: Record<string, number>;
  /** Contract-manufacturing deal id → fixed transfer price per unit (program currency), replacing open or cost-plus pricing. */
  transferPrice: Record<string, number>;
}

export const noControls = (): Controls => ({ tariffs: {}, fx: {}, demand: {}, dealVolume: {}, transferPrice: {} });

export function isEmpty(c: Controls): boolean {
  return Object.values(c).every((group) => Object.keys(group).length === 0);
}

/** The scenario with the controls applied; the input is not modified. Unknown ids are ignored (a shared URL may outlive an override). */
export function applyControls(scenario: Scenario, c: Controls): Scenario {
  if (isEmpty(c)) return scenario;
  const s = structuredClone(scenario);
  for (const m of s.tariffs) {
    const rate = c.tariffs[m.id];
    if (rate !== undefined) m.rate = rate;
  }
  for (const [currency, byPeriod] of Object.entries(s.fx.rates)) {
    const k = c.fx[currency];
    if (k !== undefined) for (const p of Object.keys(byPeriod)) byPeriod[p] = (byPeriod[p] as number) * k;
  }
  for (const program of s.programs) {
    const k = c.demand[program.id];
    if (k === undefined) continue;
    for (const market of Object.values(program.markets)) market.demand = scaleDemand(market.demand, k);
  }
  for (const deal of s.deals) {
    if (deal.type !== "contract-manufacturing") continue;
    const k = c.dealVolume[deal.id];
    if (k !== undefined) for (const p of Object.keys(deal.volume)) deal.volume[p] = (deal.volume[p] as number) * k;
    const price = c.transferPrice[deal.id];
    if (price !== undefined) deal.transferPrice = { perUnit: price };
  }
  return s;
}

function scaleDemand(d: number | Record<string, number>, k: number): number | Record<string, number> {
  if (typeof d === "number") return d * k;
  return Object.fromEntries(Object.entries(d).map(([p, units]) => [p, units * k]));
}
