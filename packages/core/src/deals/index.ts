import type { Deal } from "../schema/deal.js";
import { capitalEffects } from "./capital.js";
import { contractEffects } from "./contract.js";
import { type DealEffects, type DealOptions, type EffectContext, emptyEffects } from "./effects.js";
import { jointEffects } from "./joint.js";
import { plantActionEffects } from "./plant-action.js";
import { supplyEffects } from "./supply.js";

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
    case "capital-tie":
      capitalEffects(deal, ctx, opts, out);
      return;
    case "plant-action":
      plantActionEffects(deal, ctx, opts, out);
      return;
    case "joint-development":
      jointEffects(deal, ctx, opts, out);
      return;
    case "component-supply":
      supplyEffects(deal, ctx, opts, out);
      return;
    default:
      throw new Error(`internal: deal type ${(deal as Deal).type} is not evaluated yet (validation should have refused it)`);
  }
}
