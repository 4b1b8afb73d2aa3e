import { z } from "zod";
import { formatMoney, formatPercent, moneyUnit } from "../../format/numbers.js";
import { error, type Issue } from "../../issues/issue.js";
import { Currency, Id, IsoDate, Source } from "../../schema/common.js";
import { ownerShares, type Plant } from "../../schema/plant.js";
import type { Program } from "../../schema/program.js";
import { fraction, quantity } from "../../schema/quantity.js";
import { findLane } from "../../schema/queries.js";
import { dayNumber, isoOf } from "../../time/dates.js";
import { shareOfPeriod } from "../../time/periods.js";
import { type DealCheckContext, missingRates, refs, round } from "../check.js";
import type { DealEffects, DealOptions, EffectContext } from "../effects.js";
import { type DealModule, type DealTerms, ownCurrencyMoney, type TermsContext } from "../module.js";

export const PlantAction = z
  .strictObject({
    id: Id,
    type: z.literal("plant-action"),
    name: z.string(),
    plant: Id,
    action: z.enum(["close", "sell"]),
    lastDay: IsoDate.meta({ description: "Last day of production at the plant" }),
    oneOff: quantity({
      unit: "money",
      description:
        "Closure costs other than severance, write-off and remediation (contract exits, moving tooling), or the sale proceeds (sell), in the stated currency",
      min: 0,
    }).default(0),
    severancePerJob: quantity({
      unit: "money",
      description: "Severance and redundancy cost per job lost at a closure, in the stated currency",
      min: 0,
    }).optional(),
    jobs: quantity({
      unit: "units",
      description: "Jobs lost at the closure (default: the plant's headcount, else parameters.jobsPerThousandUnits × its capacity)",
      min: 0,
    }).optional(),
    writeOff: quantity({ unit: "money", description: "Write-off of the plant's remaining book value: in profit, not cash", min: 0 }).default(0),
    remediation: quantity({ unit: "money", description: "Site clean-up and dismantling, in cash", min: 0 }).default(0),
    avoidableFixedCost: fraction(
      "Share of the plant's fixed cost that stops when it closes; the rest (allocated overheads, corporate costs) stays with the owner as stranded cost",
    ).default(1),
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
 * The one-offs are the owner's (a joint plant's operator's), in `period`: a
 * closure's other costs, severance (jobs × severancePerJob), remediation and
 * a non-cash write-off are costs (positive), sale proceeds a gain (negative),
 * all in dealCosts and so in operating profit. The part of the fixed cost a
 * closure does not avoid stays in the owners' fixed cost after the last day.
 * Without the deal the plant stays open and nothing is booked, so the
 * counterfactual adds no effect at all; as the alternative "idle" the plant
 * stops building but keeps its whole fixed cost and pays nothing to close.
 */
function effects(deal: PlantAction, ctx: EffectContext, opts: DealOptions, out: DealEffects): void {
  const idle = opts.alternative?.get(deal.id) === "idle";
  if (opts.counterfactual?.has(deal.id) && !idle) return;
  const plant = ctx.plants.get(deal.plant);
  if (!plant) return;
  out.closures.set(plant.id, { deal: deal.id, lastDay: deal.lastDay, moveTo: deal.moveTo ?? {} });
  // Kept idle, the plant builds nothing after its last day but keeps all its fixed cost; nothing is paid to close it.
  strandedCost(deal, plant, ctx, idle ? 1 : deal.action === "close" ? 1 - deal.avoidableFixedCost : 0, out);
  if (idle) return;
  const t = ctx.periodIndex.get(deal.period);
  if (t === undefined) return;
  const book = (amount: number, item: string, cash = true) => {
    if (amount !== 0) out.oneOffs.push({ deal: deal.id, company: plant.owner, t, amount: ctx.toBase(amount, deal.currency, t), item, cash });
  };
  if (deal.action === "sell") {
    book(-deal.oneOff, "sale proceeds");
    return;
  }
  book(deal.oneOff, "closure cost");
  book(closureJobs(deal, plant, ctx.scenario.parameters.jobsPerThousandUnits) * (deal.severancePerJob ?? 0), "severance");
  book(deal.remediation, "remediation");
  book(deal.writeOff, "write-off", false);
}

/** Jobs lost at a closure: as stated, else the plant's headcount, else the scenario's jobs per thousand vehicles of capacity. */
export function closureJobs(deal: PlantAction, plant: Plant, jobsPerThousandUnits: number): number {
  return deal.jobs ?? plant.headcount ?? (jobsPerThousandUnits * plant.capacity) / 1000;
}

/** The part of the plant's fixed cost that does not stop at the closure, booked to its owner in each period after the last day. */
function strandedCost(deal: PlantAction, plant: Plant, ctx: EffectContext, share: number, out: DealEffects): void {
  if (share <= 0) return;
  const last = dayNumber(deal.lastDay);
  for (const p of ctx.periods) {
    const closed = shareOfPeriod(p, last + 1, p.end);
    if (closed === 0) continue;
    const amount = ctx.toBase(share * plant.fixedCost * p.years * closed, plant.currency, p.index);
    // A joint plant's stranded cost is its owners', by their shares, as its fixed cost was.
    for (const [owner, part] of ownerShares(plant))
      out.oneOffs.push({ deal: deal.id, company: owner, t: p.index, amount: amount * part, item: "stranded fixed cost", fixedCost: true });
  }
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

/** A closure's costs as the report states them: jobs and severance, the one-offs, and the fixed cost that stays. */
function terms(deal: PlantAction, ctx: TermsContext): DealTerms | undefined {
  const plant = ctx.scenario.plants.find((p) => p.id === deal.plant);
  if (!plant || deal.action !== "close") return undefined;
  const jobs = closureJobs(deal, plant, ctx.scenario.parameters.jobsPerThousandUnits);
  const severance = jobs * (deal.severancePerJob ?? 0);
  const cur = deal.currency;
  const m = (x: number) => `${formatMoney(x, cur)} ${moneyUnit(cur)}`;
  const basis = deal.jobs !== undefined ? "as stated" : plant.headcount !== undefined ? "the plant's headcount" : "parameters.jobsPerThousandUnits × capacity";
  const lines = [
    `closure cost in ${deal.period}: severance ${m(severance)} (${Math.round(jobs).toLocaleString("en-US")} jobs, ${basis}${deal.severancePerJob === undefined ? ", no severancePerJob stated" : ` × ${Math.round(deal.severancePerJob).toLocaleString("en-US")} ${cur}`}), other ${m(deal.oneOff)}, remediation ${m(deal.remediation)}, write-off ${m(deal.writeOff)} (not cash)`,
    `fixed cost that stops: ${formatPercent(deal.avoidableFixedCost)} of ${formatMoney(plant.fixedCost, plant.currency)} ${moneyUnit(plant.currency)} a year; the rest stays with ${plant.owner} as stranded cost`,
  ];
  return {
    lines,
    figures: {
      jobs,
      severance,
      oneOff: deal.oneOff,
      remediation: deal.remediation,
      writeOff: deal.writeOff,
      avoidableFixedCost: deal.avoidableFixedCost,
      currency: cur,
    },
  };
}

export const plantAction = {
  type: "plant-action",
  schema: PlantAction,
  alternatives: [{ id: "idle", label: "keep idle" }],
  terms,
  summary: "close or sell a plant from a date, with its one-off; its volume moves by stated shares or is lost",
  effects,
  check,
  money: (raw, { base }) => ownCurrencyMoney(raw, base, [["oneOff"], ["severancePerJob"], ["writeOff"], ["remediation"]]),
} satisfies DealModule<PlantAction>;
