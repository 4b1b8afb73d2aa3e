import type { Scenario } from "../scenario/schema.js";

/**
 * The regime before `since`: only the measures that entered into force
 * before that date (for 2025, the long-standing MFN duties). The tariff
 * impact a company reports is its cost against this regime, on the same
 * flows. Offsets and all-in measures that name a dropped measure keep
 * working on what is left.
 */
export function regimeBefore(scenario: Scenario, since: string): Scenario {
  const kept = scenario.tariffs.filter((m) => m.from < since);
  const ids = new Set(kept.map((m) => m.id));
  const tariffs = kept.map((m) => ({
    ...m,
    inclusiveOf: m.inclusiveOf.filter((id) => ids.has(id)),
    supersedes: m.supersedes.filter((id) => ids.has(id)),
    offsets: m.offsets.filter((id) => ids.has(id)),
  }));
  return { ...scenario, tariffs };
}

/** The scenario with some period-average exchange rates replaced (currency per base unit). */
export function withRates(scenario: Scenario, period: string, rates: Readonly<Record<string, number>>): Scenario {
  const fxRates = { ...scenario.fx.rates };
  for (const [currency, rate] of Object.entries(rates)) fxRates[currency] = { ...(fxRates[currency] ?? {}), [period]: rate };
  return { ...scenario, fx: { ...scenario.fx, rates: fxRates } };
}
