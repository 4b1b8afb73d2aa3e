import type { PlantAction } from "../schema/deal.js";
import type { DealEffects, DealOptions, EffectContext } from "./effects.js";

/**
 * Plant action: the owner closes or sells a plant after `lastDay`. The
 * evaluator ends the plant's capacity and fixed cost after that day and, in
 * each period, moves the part of the plant's volume that falls after it to
 * the `moveTo` plants by their shares; the rest is lost (evaluate/flows.ts).
 *
 * The one-off is the owner's, in `period`: a closure cost is a cost
 * (positive), sale proceeds are a gain (negative), both in dealCosts and so in
 * operating profit. Without the deal the plant stays open and nothing is
 * booked, so the counterfactual adds no effect at all.
 */
export function plantActionEffects(deal: PlantAction, ctx: EffectContext, opts: DealOptions, out: DealEffects): void {
  if (opts.counterfactual?.has(deal.id)) return;
  const plant = ctx.plants.get(deal.plant);
  if (!plant) return;
  out.closures.set(plant.id, { deal: deal.id, lastDay: deal.lastDay, moveTo: deal.moveTo ?? {} });
  const t = ctx.periodIndex.get(deal.period);
  if (t === undefined || deal.oneOff === 0) return;
  const amount = ctx.toBase(deal.oneOff, deal.currency, t);
  const sign = deal.action === "sell" ? -1 : 1;
  out.oneOffs.push({ deal: deal.id, company: plant.owner, t, amount: sign * amount, item: deal.action === "sell" ? "sale proceeds" : "closure cost" });
}
