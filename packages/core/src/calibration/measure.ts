import { evaluateModel } from "../evaluate/index.js";
import { tariffImpact } from "../impact/impact.js";
import { withRates } from "../impact/window.js";
import { buildModel } from "../model/model.js";
import { rows } from "../results/table.js";
import type { Scenario } from "../scenario/schema.js";
import { dayNumber } from "../time/dates.js";
import { expandHorizon } from "../time/periods.js";
import { resolveOpenPrices } from "../valuation/analysis.js";
import type { Target } from "./targets.js";

const BILLION = 1e9;

/**
 * The model's value for a target, on the scenario as of the target's date
 * (the caller applies the target's overrides): tariff figures in billions of
 * the company's reporting currency, imports in units, utilisation as a
 * fraction. Throws on a company, plant or period the scenario lacks; the
 * caller checks targets first (checkTargets).
 */
export function measureTarget(scenario: Scenario, target: Target, tariffsSince: string): number {
  const prices = resolveOpenPrices(scenario).prices;
  if (target.metric.startsWith("tariff-")) {
    const impacts = tariffImpact(scenario, { period: target.period, ...target.window, since: tariffsSince, rates: target.asOf.rates }, prices);
    const i = impacts.find((x) => x.company === target.company);
    if (!i) throw new Error(`internal: no ${target.company} in ${target.period}`);
    const value = { "tariff-net": i.net, "tariff-gross": i.gross, "tariff-vehicles": i.vehicles, "tariff-parts": i.parts }[target.metric as "tariff-net"];
    return value / BILLION;
  }
  if (target.metric === "operating-profit" || target.metric === "scope-operating-profit" || target.metric === "operating-profit-ex-tariffs")
    return profitOf(scenario, target, tariffsSince, prices) / BILLION;
  const results = evaluateModel(buildModel(withRates(scenario, target.period, target.asOf.rates), { prices }));
  if (target.metric === "utilisation") {
    const row = rows(results.plants).find((r) => r.plant === target.plant && r.period === target.period);
    return Number(row?.utilisation ?? Number.NaN);
  }
  const country = new Map(scenario.plants.map((p) => [p.id, p.country]));
  const origins = new Set(target.origins);
  let units = 0;
  for (const f of rows(results.flows)) {
    if (f.period !== target.period || f.seller !== target.company) continue;
    if (target.market !== undefined && f.market !== target.market) continue;
    if (origins.has(country.get(String(f.plant)) ?? "")) units += Number(f.units);
  }
  return units;
}

/**
 * Operating profit of a period, or of a window of it (a quarter), or of the
 * period before the new tariffs (their cost added back). The model
 * has no seasons: a window gets its share of days of the period's profit
 * before the new tariffs, less the window's own tariff cost (the measures
 * cut to its dates, offsets as the period's allowance, see impact/).
 */
function profitOf(scenario: Scenario, target: Target, tariffsSince: string, prices: Record<string, number>): number {
  const s = withRates(scenario, target.period, target.asOf.rates);
  const row = rows(evaluateModel(buildModel(s, { prices })).companies).find((r) => r.company === target.company && r.period === target.period);
  const column = target.metric === "scope-operating-profit" ? "operatingProfit" : "companyOperatingProfit";
  const whole = Number(row?.[column] ?? Number.NaN);
  const period = expandHorizon(scenario.horizon).find((p) => p.id === target.period);
  const cost = (w?: { from: string; to: string }) =>
    tariffImpact(scenario, { period: target.period, ...w, since: tariffsSince, rates: target.asOf.rates }, prices).find((i) => i.company === target.company)
      ?.operatingProfit ?? 0;
  if (target.metric === "operating-profit-ex-tariffs") return whole + cost();
  if (!target.window || !period) return whole;
  const share = (dayNumber(target.window.to) - dayNumber(target.window.from) + 1) / period.days;
  return (whole + cost()) * share - cost(target.window);
}
