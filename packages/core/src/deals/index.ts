import { type DealEffects, type DealOptions, type EffectContext, emptyEffects } from "./effects.js";
import { moduleOf } from "./registry.js";

export * from "./check.js";
export * from "./effects.js";
export * from "./module.js";
export * from "./registry.js";

/** The effects of every deal of the scenario, each as agreed or as its counterfactual. */
export function dealEffects(ctx: EffectContext, opts: DealOptions = {}): DealEffects {
  const out = emptyEffects();
  for (const deal of ctx.scenario.deals) if (!opts.absent?.has(deal.id)) moduleOf(deal).effects(deal, ctx, opts, out);
  return out;
}
