import { findLane } from "../model.js";
import type { PlantAction } from "../schema/deal.js";
import type { Plant } from "../schema/plant.js";
import type { Program } from "../schema/program.js";
import { dayNumber, isoOf } from "../time/dates.js";
import type { CheckContext } from "./context.js";
import { missingRates } from "./deal-capital.js";
import { refs } from "./deals.js";
import { error, type Issue } from "./issue.js";

const TOLERANCE = 1e-6;

/**
 * A plant action: the plant exists and closes once, within the horizon; the
 * booking period exists; each plant the volume moves to exists, is the
 * owner's, can build and ship what it receives, and stays open itself (the
 * evaluator moves volume one step: a chain of closures is not followed).
 */
export function checkPlantAction(ctx: CheckContext, d: PlantAction, at: string): Issue[] {
  const { issues, check, period } = refs(ctx, d, at);
  period("period", d.period);
  issues.push(...missingRates(ctx, d, at, [d.period]), ...lastDayIssues(ctx, d, at));
  if (!check("plant", d.plant, ctx.plantIds, "plant")) return issues;
  const plant = ctx.s.plants.find((p) => p.id === d.plant) as Plant;
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
function lastDayIssues(ctx: CheckContext, d: PlantAction, at: string): Issue[] {
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
function closesOnce(ctx: CheckContext, d: PlantAction, plant: Plant, at: string): Issue[] {
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
function target(ctx: CheckContext, d: PlantAction, from: Plant, id: string, moved: Program[], path: string): Issue[] {
  const to = ctx.s.plants.find((p) => p.id === id) as Plant;
  if (id === d.plant) return [error(path, `${id} is the plant being closed`, "move the volume to another of the owner's plants", d.id)];
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
function closureOf(ctx: CheckContext, id: string): string | undefined {
  const days = [
    ctx.s.plants.find((p) => p.id === id)?.openUntil,
    ...ctx.s.deals.map((x) => (x.type === "plant-action" && x.plant === id ? x.lastDay : undefined)),
  ];
  return days.filter((x): x is string => x !== undefined).sort()[0];
}

/** Programs the plant builds after `day` (by sourcing or a contract-manufacturing deal): the volume that moves. */
function programsAfter(ctx: CheckContext, plantId: string, day: number): Program[] {
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

function round(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}
