import { z } from "zod";
import { error, type Issue, warning } from "../../issues/issue.js";
import { Currency, Id, IsoDate, Source } from "../../schema/common.js";
import { fraction, quantity } from "../../schema/quantity.js";
import { demandIn } from "../../schema/queries.js";
import { type DealCheckContext, missingRates, refs } from "../check.js";
import type { DealEffects, DealOptions, EffectContext, HostedVolume } from "../effects.js";
import type { DealModule } from "../module.js";

const units = (description: string) => quantity({ unit: "units", description, min: 0, absurd: 5_000_000 });
const ByPeriod = (description: string) => z.record(z.string(), units(description)).meta({ description: `${description}, by period id` });

/** A one-off amount in a period, and who pays it. */
export const OneOffPayment = z.strictObject({
  amount: quantity({ unit: "money", description: "Amount in the stated currency", min: 0 }),
  currency: Currency.default("USD"),
  period: z.string().meta({ description: "Period in which it is paid" }),
  paidBy: z
    .union([z.enum(["host", "client"]), z.strictObject({ host: fraction("Host's share"), client: fraction("Client's share") })])
    .default("host")
    .meta({ description: "host, client, or shares of each" }),
  source: Source.optional(),
});

export const TransferPrice = z
  .union([
    z.strictObject({ perUnit: quantity({ unit: "money/unit", description: "Price per vehicle the client pays the host, in the program's currency", min: 0 }) }),
    z.strictObject({ costPlus: quantity({ unit: "fraction", description: "Markup on the host's variable cost per vehicle", min: -0.5, max: 5 }) }),
    z.literal("open"),
  ])
  .meta({ description: 'Transfer price: fixed per unit, cost-plus, or "open" (analysed over its range; evaluated at the Nash price)' });

export const Counterfactual = z
  .union([
    z.strictObject({ notSold: z.literal(true).meta({ description: "Without the deal the client does not sell this volume" }) }),
    z.strictObject({ plant: Id.meta({ description: "Without the deal the client builds (or imports) this volume at its own plant" }) }),
  ])
  .meta({ description: "What the client would do with this volume without the deal" });

export const ContractManufacturing = z
  .strictObject({
    id: Id,
    type: z.literal("contract-manufacturing"),
    name: z.string(),
    host: Id.meta({ description: "Company whose plant builds the vehicles" }),
    client: Id.meta({ description: "Company that sells them under its brand (importer of record)" }),
    plant: Id.meta({ description: "The host's plant" }),
    program: Id.meta({ description: "The client's program built by the host" }),
    volume: ByPeriod("Vehicles of the program built by the host (part of the program's demand, over all its markets)"),
    start: IsoDate.optional().meta({ description: "Start of production; informational, the volume's periods govern" }),
    transferPrice: TransferPrice,
    retooling: OneOffPayment.optional().meta({ description: "Retooling capex and who pays it" }),
    counterfactual: Counterfactual,
    bargainingWeight: fraction("Host's bargaining weight w in the Nash product H^w · C^(1-w)").default(0.5),
    cannibalises: z.record(Id, fraction("Units of this program lost per vehicle of the deal sold")).optional().meta({
      description:
        "The parties' own models the deal's vehicles take sales from (e.g. the host's and the client's midsize pickups), by program id: each vehicle sold costs this many sales of it",
    }),
    source: Source.optional(),
    note: z.string().optional(),
  })
  .meta({ title: "Contract manufacturing", description: "A host company's plant builds a client's program, sold under the client's brand." });
export type ContractManufacturing = z.infer<typeof ContractManufacturing>;

/** Whether the deal's transfer price is left to bargaining (resolved at the Nash price). */
export function hasOpenPrice(deal: { type: string; transferPrice?: unknown }): deal is ContractManufacturing {
  return deal.type === "contract-manufacturing" && deal.transferPrice === "open";
}

/**
 * Contract manufacturing: the host's plant builds `volume` units of the
 * client's program, and the client pays the transfer price per unit. Without
 * the deal, the client builds that volume at its own plant, or does not sell
 * it. The retooling one-off is booked by whoever pays it.
 */
function effects(deal: ContractManufacturing, ctx: EffectContext, opts: DealOptions, out: DealEffects): void {
  const asAgreed = !opts.counterfactual?.has(deal.id);
  const volume = ctx.periods.map((p) => deal.volume[p.id] ?? 0);
  const hosted: HostedVolume = asAgreed
    ? { deal: deal.id, plant: ctx.plants.get(deal.plant) ?? null, volume, price: ctx.periods.map((p) => transferPrice(deal, ctx, opts, p.index)) }
    : { deal: deal.id, plant: "plant" in deal.counterfactual ? (ctx.plants.get(deal.counterfactual.plant) ?? null) : null, volume, price: volume.map(() => 0) };
  const list = out.hosted.get(deal.program) ?? [];
  list.push(hosted);
  out.hosted.set(deal.program, list);
  if (asAgreed && deal.retooling) retooling(deal, ctx, out);
  // The vehicles take sales from the parties' own models whenever they are sold: as agreed, or built elsewhere without the deal.
  if (asAgreed || !("notSold" in deal.counterfactual)) cannibalise(deal, ctx, volume, out);
}

/**
 * Cuts each cannibalised program's demand by its share of the deal's volume,
 * in the markets where the deal's vehicles are sold, in proportion to their
 * demand there (a US-only pickup takes no Canadian sales).
 */
function cannibalise(deal: ContractManufacturing, ctx: EffectContext, volume: number[], out: DealEffects): void {
  const own = ctx.scenario.programs.find((p) => p.id === deal.program);
  if (!own) return;
  const markets = Object.entries(own.markets);
  for (const [program, share] of Object.entries(deal.cannibalises ?? {})) {
    if (share === 0) continue;
    const byMarket = out.demandCut.get(program) ?? new Map<string, number[]>();
    for (const period of ctx.periods) {
      const t = period.index;
      const total = markets.reduce((s, [, pm]) => s + demandIn(pm, period), 0);
      for (const [market, pm] of markets) {
        const d = demandIn(pm, period);
        if (total <= 0 || d <= 0) continue;
        const cut = byMarket.get(market) ?? ctx.periods.map(() => 0);
        cut[t] = (cut[t] ?? 0) + (share * (volume[t] ?? 0) * d) / total;
        byMarket.set(market, cut);
      }
    }
    out.demandCut.set(program, byMarket);
  }
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

function check(d: ContractManufacturing, ctx: DealCheckContext, at: string): Issue[] {
  const { issues, check, period } = refs(ctx, d, at);
  check("host", d.host, ctx.companyIds, "company");
  check("client", d.client, ctx.companyIds, "company");
  for (const p of Object.keys(d.volume)) period(`volume.${p}`, p);
  if (d.retooling && period("retooling.period", d.retooling.period))
    issues.push(...missingRates(ctx, { id: d.id, currency: d.retooling.currency }, `${at}.retooling`, [d.retooling.period]));
  if (d.retooling && typeof d.retooling.paidBy === "object" && Math.abs(d.retooling.paidBy.host + d.retooling.paidBy.client - 1) > 1e-9) {
    issues.push(
      error(
        `${at}.retooling.paidBy`,
        `host and client shares sum to ${d.retooling.paidBy.host + d.retooling.paidBy.client}, not 1`,
        "the retooling is paid in full by the two of them",
        d.id,
      ),
    );
  }
  issues.push(...volumeAgainstDemand(ctx, d, at));
  if (d.host === d.client) issues.push(error(`${at}.client`, "host and client are the same company", "contract manufacturing is between two companies", d.id));
  if (check("plant", d.plant, ctx.plantIds, "plant")) issues.push(...hostPlant(ctx, d, at));
  if (check("program", d.program, ctx.programIds, "program")) {
    const program = ctx.s.programs.find((p) => p.id === d.program);
    if (program && program.seller !== d.client)
      issues.push(error(`${at}.program`, `${d.program} is sold by ${program.seller}, not the client ${d.client}`, undefined, d.id));
  }
  if ("plant" in d.counterfactual && check("counterfactual.plant", d.counterfactual.plant, ctx.plantIds, "plant")) issues.push(...alternative(ctx, d, at));
  for (const id of Object.keys(d.cannibalises ?? {})) {
    if (!check(`cannibalises.${id}`, id, ctx.programIds, "program")) continue;
    if (id === d.program)
      issues.push(error(`${at}.cannibalises.${id}`, "a deal cannot take sales from its own program", "name the parties' other models", d.id));
  }
  return issues;
}

/** The host's plant is the host's and can build the program's platform. */
function hostPlant(ctx: DealCheckContext, d: ContractManufacturing, at: string): Issue[] {
  const plant = ctx.s.plants.find((p) => p.id === d.plant);
  const program = ctx.s.programs.find((p) => p.id === d.program);
  const issues: Issue[] = [];
  if (plant && plant.owner !== d.host) issues.push(error(`${at}.plant`, `${d.plant} belongs to ${plant.owner}, not the host ${d.host}`, undefined, d.id));
  if (plant && program && !plant.platforms.includes(program.platform))
    issues.push(error(`${at}.plant`, `${d.plant} cannot build platform ${program.platform}`, `add ${program.platform} to its platforms (retooling)`, d.id));
  return issues;
}

/** The client's alternative plant is the client's and can build the program. */
function alternative(ctx: DealCheckContext, d: ContractManufacturing, at: string): Issue[] {
  const cf = ctx.s.plants.find((p) => p.id === (d.counterfactual as { plant: string }).plant);
  const program = ctx.s.programs.find((p) => p.id === d.program);
  const issues: Issue[] = [];
  if (cf && program && !cf.platforms.includes(program.platform))
    issues.push(
      error(
        `${at}.counterfactual.plant`,
        `${cf.id} cannot build platform ${program.platform}, so it cannot be the client's alternative`,
        `add ${program.platform} to its platforms, or choose another plant`,
        d.id,
      ),
    );
  const owner = cf?.owner;
  if (owner !== d.client)
    issues.push(error(`${at}.counterfactual.plant`, `the counterfactual plant belongs to ${owner}, not the client ${d.client}`, undefined, d.id));
  return issues;
}

/** Hosted volume is carved out of the program's demand: more than the demand is cut, and a program built only under the deal sells no more than it. */
function volumeAgainstDemand(ctx: DealCheckContext, d: ContractManufacturing, at: string): Issue[] {
  const program = ctx.s.programs.find((p) => p.id === d.program);
  if (!program) return [];
  const issues: Issue[] = [];
  const hostedOnly = !Array.isArray(program.sourcing) && Object.keys(program.sourcing).length === 0;
  for (const period of ctx.periods) {
    const volume = d.volume[period.id] ?? 0;
    const demand = Object.values(program.markets).reduce((s, m) => s + demandIn(m, period), 0);
    if (volume > demand + 1e-9)
      issues.push(
        warning(
          `${at}.volume.${period.id}`,
          `deal volume ${volume} exceeds ${d.program}'s demand ${demand}; only ${demand} are built`,
          "raise the program's demand, or lower the volume",
          d.id,
        ),
      );
    else if (hostedOnly && demand > volume + 1e-9)
      issues.push(
        warning(
          `${at}.volume.${period.id}`,
          `${d.program} is built only under the deal, but its demand ${demand} exceeds the volume ${volume}; the rest is not sold`,
          "match the program's demand to the deal volume, or give it a plant of its own",
          d.id,
        ),
      );
  }
  return issues;
}

export const contractManufacturing = {
  type: "contract-manufacturing",
  schema: ContractManufacturing,
  summary: "a host company's plant builds a client's program, sold under the client's brand, at a transfer price",
  effects,
  check,
  money(raw, { base, programCurrency }) {
    const out = [];
    const r = raw.retooling as Record<string, unknown> | undefined;
    if (r) out.push({ path: ["retooling", "amount"], value: r.amount, currency: typeof r.currency === "string" ? r.currency : base });
    const tp = raw.transferPrice as Record<string, unknown> | undefined;
    if (tp && typeof tp === "object") out.push({ path: ["transferPrice", "perUnit"], value: tp.perUnit, currency: programCurrency(raw.program) });
    return out;
  },
  builds: (d) => [{ program: d.program, plants: "plant" in d.counterfactual ? [d.plant, d.counterfactual.plant] : [d.plant] }],
  rawPrograms: (raw) => (typeof raw.program === "string" ? [raw.program] : []),
} satisfies DealModule<ContractManufacturing>;
