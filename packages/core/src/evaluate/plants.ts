import { type Model, toBase } from "../model/model.js";
import { ownerShares, type Plant } from "../schema/plant.js";
import { dayNumber } from "../time/dates.js";
import { type Period, shareOfPeriod } from "../time/periods.js";
import type { FlowColumns, FlowKeys } from "./flows.js";
import type { PlantRow } from "./tables.js";

/**
 * What flow f contributes to the plant that builds it: the whole vehicle's
 * contribution when the builder sells it, and transfer price − variable cost
 * − parts duties + offset when it builds for another company (the host's
 * view of fixed-cost absorption). The same sums, in the same order, as the
 * flows' contribution column.
 */
function builderContribution(f: FlowColumns, keys: FlowKeys, i: number): number {
  if (keys.seller[i] === keys.builder[i])
    return (
      (f.revenue[i] as number) -
      (f.variableCost[i] as number) -
      (f.logistics[i] as number) -
      (f.vehicleDuty[i] as number) -
      (f.partsDuty[i] as number) +
      (f.offset[i] as number)
    );
  return (f.transfer[i] as number) - (f.variableCost[i] as number) - (f.partsDuty[i] as number) + (f.offset[i] as number);
}

const labels = new WeakMap<NonNullable<Plant["owners"]>, string>();

/**
 * "honda 50% + nissan 50%" for a joint plant, the owner's id otherwise.
 * Memoised by the owners list, which a closed copy of the plant shares with
 * the plant as written (speed: every evaluation of a sweep wrote these again).
 */
function ownersLabel(plant: Plant): string {
  if (!plant.owners) return plant.owner;
  let label = labels.get(plant.owners);
  if (label === undefined) {
    label = ownerShares(plant)
      .map(([c, x]) => `${c} ${Math.round(x * 1000) / 10}%`)
      .join(" + ");
    labels.set(plant.owners, label);
  }
  return label;
}

/** Share of the period during which the plant is open (closure by `openUntil`). */
export function openShare(plant: Pick<Plant, "openUntil">, period: Period): number {
  return plant.openUntil === undefined ? 1 : shareOfPeriod(period, period.start, dayNumber(plant.openUntil));
}

/**
 * Plant results per period. Break-even utilisation = fixed cost ÷ (capacity ×
 * contribution per unit), where contribution per unit is the plant's average
 * over what it built; undefined when it built nothing or earned no contribution.
 */
export function plantRows(model: Model, flows: FlowColumns, keys: FlowKeys): PlantRow[] {
  // Speed: sums by plant code and period index (no "plant|period" key string per flow), no column of contributions.
  const periods = model.periods.length;
  const output = new Float64Array(keys.plants.values.length * periods);
  const contrib = new Float64Array(output.length);
  for (let f = 0; f < flows.units.length; f++) {
    const i = (keys.plant[f] as number) * periods + (keys.period[f] as number);
    output[i] = (output[i] as number) + (flows.units[f] as number);
    contrib[i] = (contrib[i] as number) + builderContribution(flows, keys, f);
  }
  const rows: PlantRow[] = [];
  for (const period of model.periods) {
    for (const plant of model.plants.values()) {
      const code = keys.plants.get(plant.id);
      const i = code === undefined ? -1 : code * periods + period.index;
      const open = openShare(plant, period);
      const capacity = plant.capacity * period.years * open;
      const fixedCost = fixedCostAt(model, plant, period, open);
      const out = output[i] ?? 0;
      const c = contrib[i] ?? 0;
      const perUnit = out > 0 ? c / out : null;
      rows.push({
        period: period.id,
        plant: plant.id,
        owner: plant.owner,
        owners: ownersLabel(plant),
        country: plant.country,
        output: out,
        capacity,
        utilisation: capacity > 0 ? out / capacity : 0,
        fixedCost,
        contribution: c,
        contributionPerUnit: perUnit,
        breakEvenUtilisation: perUnit !== null && perUnit > 0 && capacity > 0 ? fixedCost / (capacity * perUnit) : null,
        breakEvenReported: plant.breakEvenUtilisation ?? null,
        headcount: plant.headcount ?? null,
      });
    }
  }
  return rows;
}

/** A plant's fixed cost in a period, base currency: its cost a year × the period's years × the share of it the plant is open. */
export function fixedCostAt(model: Model, plant: Plant, period: Period, open: number): number {
  return toBase(model, plant.fixedCost * period.years * open, plant.currency, period.index);
}
