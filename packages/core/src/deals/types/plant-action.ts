import { z } from "zod";
import { error, type Issue } from "../../issues/issue.js";
import { Currency, Id, IsoDate, Source } from "../../schema/common.js";
import type { Plant } from "../../schema/plant.js";
import type { Program } from "../../schema/program.js";
import { fraction, quantity } from "../../schema/quantity.js";
import { findLane } from "../../schema/queries.js";
import { dayNumber, isoOf } from "../../time/dates.js";
import { type DealCheckContext, missingRates, refs, round } from "../check.js";
import type { DealEffects, DealOptions, EffectContext } from "../effects.js";
import { type DealModule, ownCurrencyMoney } from "../module.js";

export const PlantAction = z
  .strictObject({
    id: Id,
    type: z.literal("plant-action"),
    name: z.string(),
    plant: Id,
    action: z.enum(["close", "sell"]),
    lastDay: IsoDate.meta({ description: "Last day of production at the plant" }),
    oneOff: quantity({ unit: "money", description: "Closure cost (close) or sale proceeds (sell), in the stated currency", min: 0 }).default(0),
    currency: Currency.default("USD"),
    period: z.string().meta({ description: "Period in which the closure cost or the proceeds are booked" }),
    moveTo: z
      .record(Id, fraction("Share of the plant's volume moved to this plant"))
      .optional()
      .meta({ description: "Where the plant's volume goes after its last day (shares sum to at most 1; the rest is lost); absent: lost" }),
    source: Source.optional(),
    note: z.string().optional(),
  })
  .meta({
    title: "Plant action",
    description: "Close or sell a plant from a date, with its one-off; its volume moves by stated shares or is lost. Without the deal the plant stays open.",
  });
export type PlantAction = z.infer<typeof PlantAction>;

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
function effects(deal: PlantAction, ctx: EffectContext, opts: DealOptions, out: DealEffects): void {
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

const TOLERANCE = 1e-6;

/**
 * A plant action: the plant exists and closes once, within the horizon; the
 * booking period exists; each plant the volume moves to exists, is the
 * owner's, can build and ship what it receives, and stays open itself (the
 * evaluator moves volume one step: a chain of closures is not followed).
 */
function check(d: PlantAction, ctx: DealCheckContext, at: string): Issue[] {
  const { issues, check, period } = refs(ctx, d, at);
  period("period", d.period);
  issues.push(...missingRates(ctx, d, at, [d.period]), ...lastDayIssues(ctx, d, at));
  if (!check("plant", d.plant, ctx.plantIds, "plant")) return issues;
  // A plant that failed the schema is known (no second error) but not checked against.
  const plant = ctx.s.plants.find((p) => p.id === d.plant);
  if (!plant) return issues;
  issues.push(...closesOnce(ctx, d, plant, at));
  const moved = programsAfter(ctx, d.plant, dayNumber(d.lastDay));
  for (const [id, share] of Object.entries(d.moveTo ?? {})) {
    if (check(`moveTo.${id}`, id, ctx.plantIds, "plant") && share > 0) issues.push(...target(ctx, d, plant, id, moved, `${at}.moveTo.${id}`));
  }
  const sum = Object.values(d.moveTo ?? {}).reduce((a, b) => a + b, 0);
  if (sum > 1 + TOLERANCE)
    issues.push(
      error(`${at}.moveTo`, `moveTo shares sum to ${round(sum)}, more than 1`, `scale them by ${round(1 / sum)}: at most all the volume moves`, d.id),
    );
  return issues;
}

/** The last day must fall on or before the horizon's end; before its start is allowed (closed throughout). */
function lastDayIssues(ctx: DealCheckContext, d: PlantAction, at: string): Issue[] {
  const end = ctx.periods.at(-1)?.end;
  if (end === undefined || dayNumber(d.lastDay) <= end) return [];
  return [
    error(
      `${at}.lastDay`,
      `lastDay ${d.lastDay} is after the horizon, which ends on ${isoOf(end)}: the plant would close nothing within it`,
      `set a lastDay on or before ${isoOf(end)}, or extend the horizon`,
      d.id,
    ),
  ];
}

/** One closure per plant: a second action on it, or an `openUntil` earlier than this deal's, would make its counterfactual ambiguous. */
function closesOnce(ctx: DealCheckContext, d: PlantAction, plant: Plant, at: string): Issue[] {
  const first = ctx.s.deals.find((x) => x.type === "plant-action" && x.plant === d.plant);
  if (first && first !== d) return [error(`${at}.plant`, `${d.plant} is already closed or sold by deal ${first.id}`, "keep one plant action per plant", d.id)];
  if (plant.openUntil !== undefined && plant.openUntil < d.lastDay)
    return [
      error(
        `${at}.lastDay`,
        `${d.plant} already closes on ${plant.openUntil} in the scenario, before this deal's lastDay ${d.lastDay}`,
        `remove plants.${d.plant}.openUntil (without the deal the plant stays open), or set an earlier lastDay`,
        d.id,
      ),
    ];
  return [];
}

/** A plant receiving volume: same owner, the platforms and lanes of the programs it receives, and open through the horizon. */
function target(ctx: DealCheckContext, d: PlantAction, from: Plant, id: string, moved: Program[], path: string): Issue[] {
  const to = ctx.s.plants.find((p) => p.id === id);
  if (id === d.plant) return [error(path, `${id} is the plant being closed`, "move the volume to another of the owner's plants", d.id)];
  if (!to) return [];
  const issues: Issue[] = [];
  if (to.owner !== from.owner)
    issues.push(
      error(
        path,
        `${id} belongs to ${to.owner}, not ${from.owner}`,
        "volume moves within the owner; building for another company is a contract-manufacturing deal",
        d.id,
      ),
    );
  for (const p of moved) {
    if (!to.platforms.includes(p.platform))
      issues.push(
        error(path, `${id} cannot build platform ${p.platform} of ${p.id}`, `add ${p.platform} to plants.${id}.platforms, or move the volume elsewhere`, d.id),
      );
    for (const m of Object.keys(p.markets))
      if (ctx.marketIds.has(m) && !findLane(ctx.s.lanes, to, m))
        issues.push(
          error(path, `no lane from ${id} (${to.country}) to market ${m} for ${p.id}`, `add a lane { from: ${to.country}, to: ${m}, costPerUnit: … }`, d.id),
        );
  }
  const closes = closureOf(ctx, id);
  if (closes !== undefined && dayNumber(closes) < (ctx.periods.at(-1)?.end ?? 0))
    issues.push(error(path, `${id} itself closes on ${closes}; moved volume is not moved a second time`, "move the volume to a plant that stays open", d.id));
  return issues;
}

/** The earliest last day of a plant, from its `openUntil` or a plant action. */
function closureOf(ctx: DealCheckContext, id: string): string | undefined {
  const days = [
    ctx.s.plants.find((p) => p.id === id)?.openUntil,
    ...ctx.s.deals.map((x) => (x.type === "plant-action" && x.plant === id ? x.lastDay : undefined)),
  ];
  return days.filter((x): x is string => x !== undefined).sort()[0];
}

/** Programs the plant builds after `day` (by sourcing or a contract-manufacturing deal): the volume that moves. */
function programsAfter(ctx: DealCheckContext, plantId: string, day: number): Program[] {
  return ctx.s.programs.filter((p) => {
    const steps = Array.isArray(p.sourcing) ? p.sourcing : [{ from: ctx.periods[0]?.id ?? "", shares: p.sourcing }];
    const starts = steps.map((s) => ctx.periods.findIndex((x) => x.id === s.from));
    const sourced = steps.some((s, k) => {
      const next = Math.min(...starts.filter((x) => x > (starts[k] as number)), ctx.periods.length);
      return (s.shares[plantId] ?? 0) > 0 && ctx.periods.slice(Math.max(0, starts[k] as number), next).some((x) => x.end > day);
    });
    const hosted = ctx.s.deals.some(
      (x) =>
        x.type === "contract-manufacturing" && x.plant === plantId && x.program === p.id && ctx.periods.some((q) => q.end > day && (x.volume[q.id] ?? 0) > 0),
    );
    return sourced || hosted;
  });
}

export const plantAction = {
  type: "plant-action",
  schema: PlantAction,
  summary: "close or sell a plant from a date, with its one-off; its volume moves by stated shares or is lost",
  effects,
  check,
  money: (raw, { base }) => ownCurrencyMoney(raw, base, [["oneOff"]]),
} satisfies DealModule<PlantAction>;
