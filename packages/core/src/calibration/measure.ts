import { evaluateModel } from "../evaluate/index.js";
import { tariffImpact } from "../impact/impact.js";
import { withRates } from "../impact/window.js";
import { buildModel } from "../model/model.js";
import { rows } from "../results/table.js";
import type { Scenario } from "../scenario/schema.js";
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
