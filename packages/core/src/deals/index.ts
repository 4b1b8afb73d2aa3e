import type { Deal } from "../schema/deal.js";
import { contractEffects } from "./contract.js";
import { type DealEffects, type DealOptions, type EffectContext, emptyEffects } from "./effects.js";

export * from "./bargaining.js";
export * from "./effects.js";

/** The effects of every deal of the scenario, each as agreed or as its counterfactual. */
export function dealEffects(ctx: EffectContext, opts: DealOptions = {}): DealEffects {
  const out = emptyEffects();
  for (const deal of ctx.scenario.deals) effectsOf(deal, ctx, opts, out);
  return out;
}

function effectsOf(deal: Deal, ctx: EffectContext, opts: DealOptions, out: DealEffects): void {
  switch (deal.type) {
    case "contract-manufacturing":
      contractEffects(deal, ctx, opts, out);
      return;
    default:
      throw new Error(`internal: deal type ${deal.type} is not evaluated yet (validation should have refused it)`);
  }
}
