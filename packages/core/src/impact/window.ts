import type { Scenario } from "../scenario/schema.js";
import type { TariffMeasure } from "../schema/tariff.js";

/**
 * The scenario with every tariff measure cut to the dates [from, to].
 * Evaluating it charges, in each period, only the entries of those dates
 * (day-weighted like any other cut), so a quarter or half-year inside a
 * fiscal year can be costed without re-cutting demand, FX or capacity into
 * new periods. Measures wholly outside the window are dropped. With
 * `which: "duties"` offsets keep their dates (the period's whole credit).
 */
export function clipTariffs(scenario: Scenario, from: string, to: string, which: "all" | "duties" = "all"): Scenario {
  const tariffs: TariffMeasure[] = [];
  for (const m of scenario.tariffs) {
    if (which === "duties" && m.kind === "offset") {
      tariffs.push(m);
      continue;
    }
    const start = m.from > from ? m.from : from;
    const end = m.to !== undefined && m.to < to ? m.to : to;
    if (start > end) continue;
    tariffs.push({ ...m, from: start, to: end });
  }
  return { ...scenario, tariffs };
}

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
