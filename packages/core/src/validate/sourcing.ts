import { plantsBuilding } from "../deals/registry.js";
import { error, type Issue, suggestId, warning } from "../issues/issue.js";
import { builderAt } from "../schema/plant.js";
import type { Program } from "../schema/program.js";
import { demandIn } from "../schema/queries.js";
import { dayNumber } from "../time/dates.js";
import { cumulativeDayWeights, profileWeight, shareOfPeriod } from "../time/periods.js";
import type { CheckContext } from "./context.js";

const TOLERANCE = 1e-6;

/** Sourcing shares sum to one, name plants that can build the program, and stay within plant lifetimes. */
export function checkSourcing(ctx: CheckContext): Issue[] {
  return ctx.s.programs.flatMap((p, i) => [
    ...checkSteps(ctx, p, i),
    ...checkContent(ctx, p, i),
    ...checkDemandCovered(ctx, p, i),
    ...checkProfiles(ctx, p, i),
  ]);
}

function stepsOf(p: Program, i: number) {
  return Array.isArray(p.sourcing)
    ? p.sourcing.map((s, k) => ({ from: s.from, shares: s.shares, path: `programs[${i}].sourcing[${k}].shares` }))
    : [{ from: undefined, shares: p.sourcing, path: `programs[${i}].sourcing` }];
}

function checkSteps(ctx: CheckContext, p: Program, i: number): Issue[] {
  const issues: Issue[] = [];
  for (const step of stepsOf(p, i)) {
    const total = Object.values(step.shares).reduce((a, b) => a + b, 0);
    const hostedOnly = total === 0 && (ctx.hostedElsewhere.has(p.id) || plantsBuilding(ctx.s.deals, p.id).length > 0);
    if (Math.abs(total - 1) > TOLERANCE && !hostedOnly) {
      issues.push(
        error(
          step.path,
          `sourcing shares sum to ${round(total)}, not 1`,
          total === 0 ? "name at least one plant with a share" : `scale the shares by ${round(1 / total)}, or add the missing plant`,
          p.id,
        ),
      );
    }
    for (const [plantId, share] of Object.entries(step.shares)) {
      const plant = ctx.plantById.get(plantId);
      if (!plant || share === 0) continue;
      if (builderAt(plant, p.seller) !== p.seller && ctx.companyIds.has(plant.owner) && ctx.companyIds.has(p.seller)) {
        issues.push(
          error(
            `${step.path}.${plantId}`,
            `${plantId} belongs to ${plant.owner}, but ${p.id} is sold by ${p.seller}`,
            "building another company's vehicles needs a contract-manufacturing deal; source from the seller's own plants",
            p.id,
          ),
        );
      }
      if (!plant.platforms.includes(p.platform)) {
        issues.push(
          error(
            `${step.path}.${plantId}`,
            `${plantId} cannot build platform ${p.platform} (it builds ${plant.platforms.join(", ") || "no listed platform"})`,
            `add ${p.platform} to plants.${plantId}.platforms, or source elsewhere`,
            p.id,
          ),
        );
      }
      if (plant.openUntil !== undefined && hasDemandAfter(ctx, p, step.from, dayNumber(plant.openUntil))) {
        issues.push(
          warning(
            `${step.path}.${plantId}`,
            `${plantId} closes on ${plant.openUntil} but still has a share of ${p.id}'s demand afterwards; that volume is counted but the plant has no capacity then`,
            "move the volume with a later sourcing step",
            p.id,
          ),
        );
      }
    }
  }
  return issues;
}

/** Whether the program sells anything, in periods where this step applies, after the given day. */
function hasDemandAfter(ctx: CheckContext, p: Program, from: string | undefined, day: number): boolean {
  const starts = Array.isArray(p.sourcing) ? p.sourcing.map((s) => ctx.periods.findIndex((x) => x.id === s.from)) : [0];
  const mine = from === undefined ? 0 : ctx.periods.findIndex((x) => x.id === from);
  const next = Math.min(...starts.filter((k) => k > mine), ctx.periods.length);
  return ctx.periods.slice(mine, next).some((period) =>
    Object.values(p.markets).some((m) => {
      const units = demandIn(m, period);
      const after =
        period.end > day ? shareOfPeriod(period, day + 1, period.end, m.monthlyProfile ? cumulativeDayWeights(period, m.monthlyProfile) : undefined) : 0;
      return units * after > 0;
    }),
  );
}

function checkContent(ctx: CheckContext, p: Program, i: number): Issue[] {
  const issues = contentIssues(p.content, `programs[${i}].content`, p.id);
  for (const [plant, content] of Object.entries(p.plantContent)) {
    const at = `programs[${i}].plantContent.${plant}`;
    if (!ctx.plantIds.has(plant)) issues.push(error(at, `unknown plant \`${plant}\``, suggestId(plant, ctx.plantIds, "plants"), p.id));
    issues.push(...contentIssues(content, at, p.id));
  }
  return issues;
}

/** Content shares sum to at most one and name countries (or "other"). */
function contentIssues(content: Readonly<Record<string, number>>, at: string, id: string): Issue[] {
  const total = Object.values(content).reduce((a, b) => a + b, 0);
  const issues: Issue[] = [];
  if (total > 1 + TOLERANCE)
    issues.push(error(at, `content shares sum to ${round(total)}, more than 1`, "content shares are fractions of the vehicle's parts value", id));
  for (const origin of Object.keys(content)) {
    if (origin !== "other" && !/^[A-Z]{2}$/.test(origin))
      issues.push(error(`${at}.${origin}`, `"${origin}" is not a country code`, 'use ISO codes such as US, JP, MX, or "other"', id));
  }
  return issues;
}

/** A period with demand but a sales profile that puts no sales in it would carry no duty on units still sold. */
function checkProfiles(ctx: CheckContext, p: Program, i: number): Issue[] {
  const issues: Issue[] = [];
  for (const [m, pm] of Object.entries(p.markets)) {
    if (!pm.monthlyProfile) continue;
    for (const period of ctx.periods) {
      const units = demandIn(pm, period);
      if (units > 0 && profileWeight(period, pm.monthlyProfile) === 0) {
        issues.push(
          error(
            `programs[${i}].markets.${m}.monthlyProfile`,
            `the profile has no sales in ${period.id}, where ${p.id} has demand ${units}`,
            `give the months of ${period.id} some weight, or set its demand to 0`,
            p.id,
          ),
        );
      }
    }
  }
  return issues;
}

function checkDemandCovered(ctx: CheckContext, p: Program, i: number): Issue[] {
  const steps = p.sourcing;
  if (!Array.isArray(steps)) return [];
  const first = ctx.periods.findIndex((x) => x.id === steps[0]?.from);
  const sells = Object.values(p.markets).some((m) =>
    typeof m.demand === "number"
      ? m.demand > 0
      : Object.entries(m.demand).some(([period, u]) => u > 0 && ctx.periods.findIndex((x) => x.id === period) < first),
  );
  return first > 0 && sells
    ? [
        error(
          `programs[${i}].sourcing[0].from`,
          `${p.id} has demand before ${steps[0]?.from} but no plant builds it then`,
          `start the first sourcing step at ${ctx.periods[0]?.id}`,
          p.id,
        ),
      ]
    : [];
}

function round(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}
