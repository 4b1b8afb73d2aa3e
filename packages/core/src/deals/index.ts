import { type DealEffects, type DealOptions, type EffectContext, emptyEffects } from "./effects.js";
import { type Deal, moduleOf } from "./registry.js";

export * from "./check.js";
export * from "./effects.js";
export * from "./module.js";
export * from "./registry.js";

/** A deal no one has announced, studied as a what-if: the scenario's results leave it out; only its own analysis puts it in. */
export function isHypothetical(deal: Deal): boolean {
  return "hypothetical" in deal && deal.hypothetical === true;
}

/** The effects of every deal of the scenario, each as agreed or as its counterfactual (a hypothetical deal as its counterfactual unless `whatIf` names it). */
export function dealEffects(ctx: EffectContext, opts: DealOptions = {}): DealEffects {
  const out = emptyEffects();
  const aside = ctx.scenario.deals.filter((d) => isHypothetical(d) && !opts.whatIf?.has(d.id)).map((d) => d.id);
  const effective = aside.length === 0 ? opts : { ...opts, counterfactual: new Set([...(opts.counterfactual ?? []), ...aside]) };
  for (const deal of ctx.scenario.deals) if (!opts.absent?.has(deal.id)) moduleOf(deal).effects(deal, ctx, effective, out);
  return out;
}
