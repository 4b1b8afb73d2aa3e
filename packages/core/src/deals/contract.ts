import type { ContractManufacturing } from "../schema/deal.js";
import type { DealEffects, DealOptions, EffectContext, HostedVolume } from "./effects.js";

/**
 * Contract manufacturing: the host's plant builds `volume` units of the
 * client's program, and the client pays the transfer price per unit. Without
 * the deal, the client builds that volume at its own plant, or does not sell
 * it. The retooling one-off is booked by whoever pays it.
 */
export function contractEffects(deal: ContractManufacturing, ctx: EffectContext, opts: DealOptions, out: DealEffects): void {
  const asAgreed = !opts.counterfactual?.has(deal.id);
  const volume = ctx.periods.map((p) => deal.volume[p.id] ?? 0);
  const hosted: HostedVolume = asAgreed
    ? { deal: deal.id, plant: ctx.plants.get(deal.plant) ?? null, volume, price: ctx.periods.map((p) => transferPrice(deal, ctx, opts, p.index)) }
    : { deal: deal.id, plant: "plant" in deal.counterfactual ? (ctx.plants.get(deal.counterfactual.plant) ?? null) : null, volume, price: volume.map(() => 0) };
  const list = out.hosted.get(deal.program) ?? [];
  list.push(hosted);
  out.hosted.set(deal.program, list);
  if (asAgreed && deal.retooling) retooling(deal, ctx, out);
}

/** The transfer price per unit in the base currency: fixed, cost-plus on the host's variable cost, or as given for an open price. */
export function transferPrice(deal: ContractManufacturing, ctx: EffectContext, opts: DealOptions, t: number): number {
  const program = ctx.scenario.programs.find((p) => p.id === deal.program);
  if (!program) return 0;
  const given = opts.prices?.[deal.id];
  const tp = deal.transferPrice;
  if (given !== undefined) return ctx.toBase(given, program.currency, t);
  if (tp === "open") throw new Error(`internal: no price for open deal ${deal.id}`);
  if ("perUnit" in tp) return ctx.toBase(tp.perUnit, program.currency, t);
  return ctx.toBase((1 + tp.costPlus) * program.variableCost, program.currency, t);
}

function retooling(deal: ContractManufacturing, ctx: EffectContext, out: DealEffects): void {
  const r = deal.retooling;
  const t = r ? ctx.periodIndex.get(r.period) : undefined;
  if (!r || t === undefined) return;
  const amount = ctx.toBase(r.amount, r.currency, t);
  const shares = typeof r.paidBy === "string" ? { host: r.paidBy === "host" ? 1 : 0, client: r.paidBy === "client" ? 1 : 0 } : r.paidBy;
  if (shares.host > 0) out.oneOffs.push({ deal: deal.id, company: deal.host, t, amount: amount * shares.host, item: "retooling" });
  if (shares.client > 0) out.oneOffs.push({ deal: deal.id, company: deal.client, t, amount: amount * shares.client, item: "retooling" });
}
