import type { ComponentSupply } from "../schema/deal.js";
import type { DealEffects, DealOptions, EffectContext } from "./effects.js";

/**
 * Component supply: from period `from` on, the supplier's plant makes one
 * component per vehicle of the buyer's listed programs, at `price`, replacing
 * what the buyer would otherwise make or buy (`replacedCost`, already in the
 * programs' variable cost). The evaluator settles it after the flows (see
 * evaluate/supplies.ts). Without the deal nothing happens: the buyer keeps
 * its own component, which its variable cost already holds.
 */
export function supplyEffects(deal: ComponentSupply, ctx: EffectContext, opts: DealOptions, out: DealEffects): void {
  if (opts.counterfactual?.has(deal.id)) return;
  const plant = ctx.plants.get(deal.plant);
  const from = ctx.periodIndex.get(deal.from);
  if (!plant || from === undefined) return; // validation refuses unknown references
  // Amounts before `from` are never used; leaving them 0 needs no FX rate for those periods.
  const perUnit = (amount: number) => ctx.periods.map((p) => (p.index < from ? 0 : ctx.toBase(amount, deal.currency, p.index)));
  out.supplies.push({
    deal: deal.id,
    supplier: deal.supplier,
    buyer: deal.buyer,
    programs: new Set(deal.programs),
    origin: plant.country,
    from,
    price: perUnit(deal.price),
    supplierCost: perUnit(deal.supplierCost),
    replacedCost: perUnit(deal.replacedCost),
  });
}
