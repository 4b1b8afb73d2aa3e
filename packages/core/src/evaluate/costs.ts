import { fxRate, type Model } from "../model/model.js";
import type { Plant } from "../schema/plant.js";
import type { Program } from "../schema/program.js";
import { contentAt } from "../schema/queries.js";

/**
 * Where a vehicle's variable cost is incurred. A program's variable cost is
 * written in its currency at stated exchange rates
 * (`parameters.costCurrencies.rates`; the first period's by default). Its
 * purchased parts are split by content origin, and parts from an origin with
 * a cost currency (`costCurrencies.parts`, e.g. JP: JPY) keep their value in
 * that currency; the rest of the variable cost (labour, energy) is incurred
 * in the program's currency or, with `assembly: plant`, in the building
 * plant's. In period t each part is worth its amount in its own currency at
 * t's rate:
 *
 *   cost_t = Σ_c  V · w_c · (R_c(ref) / R_P(ref)) / R_c(t)       (base currency)
 *
 * with V the written cost, w_c the share incurred in currency c, R_x the
 * units of x per base unit, R(ref) the written rates and P the program's
 * currency. At the written rates this is V / R_P; a weaker yen then makes
 * Japanese parts and Japan-built vehicles cheaper in dollars.
 */
export interface CostSplit {
  /** Content origin (or "assembly") → its share of the variable cost, with the currency it is incurred in. */
  parts: { origin: string; share: number; currency: string }[];
  assembly: { share: number; currency: string };
}

/** Parts value per unit in the program's currency: stated, or a share of the variable cost. */
export function partsValueOf(model: Model, program: Program): number {
  return program.partsValue ?? program.variableCost * model.scenario.parameters.partsShareOfVariableCost;
}

/** Content shares of a vehicle built at `plant`, with the unnamed remainder as "other" foreign content. */
export function contentEntries(program: Program, plantId?: string): [string, number][] {
  const entries = Object.entries(plantId === undefined ? program.content : contentAt(program, plantId));
  const named = entries.reduce((s, [, v]) => s + v, 0);
  const rest = Math.max(0, 1 - named);
  // Content not named is foreign content of no stated origin: it adds to any "other" share given.
  if (rest <= 1e-12) return entries;
  const at = entries.findIndex(([k]) => k === "other");
  if (at >= 0) entries[at] = ["other", (entries[at]?.[1] ?? 0) + rest];
  else entries.push(["other", rest]);
  return entries;
}

/** How a program's variable cost at a plant splits over the currencies it is incurred in. */
export function costSplit(model: Model, program: Program, plant: Plant): CostSplit {
  const cc = model.scenario.parameters.costCurrencies;
  const parts = program.variableCost > 0 ? Math.min(1, partsValueOf(model, program) / program.variableCost) : 0;
  return {
    parts: contentEntries(program, plant.id).map(([origin, share]) => ({ origin, share: parts * share, currency: cc.parts[origin] ?? program.currency })),
    assembly: { share: Math.max(0, 1 - parts), currency: cc.assembly === "plant" ? plant.currency : program.currency },
  };
}

/** The rate (units per base unit) at which variable costs in `currency` are written: stated, else the first period's. */
function writtenRate(model: Model, currency: string): number {
  if (currency === model.base) return 1;
  return model.scenario.parameters.costCurrencies.rates[currency] ?? fxRate(model, currency, 0);
}

/**
 * The base-currency value in period t of an amount written in `written`
 * currency at the reference period's rates and incurred in `incurred`.
 */
export function incurredAt(model: Model, amount: number, written: string, incurred: string, t: number): number {
  if (written === incurred) return amount / fxRate(model, written, t);
  return (amount * writtenRate(model, incurred)) / writtenRate(model, written) / fxRate(model, incurred, t);
}

/** Variable cost per unit of a program built at a plant in period t, base currency. */
export function unitVariableCost(model: Model, program: Program, plant: Plant, t: number): number {
  return splitCostAt(model, program, costSplit(model, program, plant), t);
}

/** The same from the program's cost split at the plant, which does not depend on the period (the evaluator resolves it once per route). */
export function splitCostAt(model: Model, program: Program, split: CostSplit, t: number): number {
  const v = program.variableCost;
  if (split.assembly.currency === program.currency && split.parts.every((p) => p.currency === program.currency)) return v / fxRate(model, program.currency, t);
  let cost = incurredAt(model, v * split.assembly.share, program.currency, split.assembly.currency, t);
  for (const p of split.parts) cost += incurredAt(model, v * p.share, program.currency, p.currency, t);
  return cost;
}

/** Parts value per unit from one origin of a vehicle built at a plant, in period t, base currency (the duty's declared value). */
export function partsValueAt(model: Model, program: Program, origin: string, share: number, t: number): number {
  const currency = model.scenario.parameters.costCurrencies.parts[origin] ?? program.currency;
  return incurredAt(model, partsValueOf(model, program) * share, program.currency, currency, t);
}
