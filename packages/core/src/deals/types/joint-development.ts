import { z } from "zod";
import { error, type Issue, warning } from "../../issues/issue.js";
import { Currency, Id, Source } from "../../schema/common.js";
import { amountsByPeriod, fraction, quantity } from "../../schema/quantity.js";
import { type DealCheckContext, missingRates, refs, round } from "../check.js";
import type { DealEffects, DealOptions, EffectContext } from "../effects.js";
import { type DealModule, ownCurrencyMoney } from "../module.js";

export const JointDevelopment = z
  .strictObject({
    id: Id,
    type: z.literal("joint-development"),
    name: z.string(),
    programs: z.record(Id, z.array(Id).min(1)).meta({ description: "By party (company id): its programs that use the jointly developed part" }),
    split: z.record(Id, fraction("Party's share of the development cost")).meta({ description: "Shares of the development cost by party; sum to 1" }),
    currency: Currency.default("USD"),
    developmentCost: amountsByPeriod("Development spending (what one party alone would spend)"),
    costShare: fraction("Share of each program's variable cost that the jointly developed part accounts for"),
    progressRatio: quantity({
      unit: "fraction",
      description: "Learning curve: unit cost falls to this ratio with each doubling of cumulative volume (0.85 = 15% less)",
      min: 0.5,
      max: 1,
    }),
    referenceVolume: quantity({ unit: "units", description: "Cumulative volume at which the part costs what the programs' variable cost states", min: 1 }),
    from: z.string().meta({ description: "First period in which the jointly developed part is built" }),
    source: Source.optional(),
    note: z.string().optional(),
  })
  .meta({
    title: "Joint development",
    description: "A part (a powertrain, a platform) developed together: shared development cost, and a learning curve over the parties' combined volume.",
  });
export type JointDevelopment = z.infer<typeof JointDevelopment>;

/**
 * Joint development: a part (a powertrain, a platform) that makes up
 * `costShare` of each listed program's variable cost follows a learning
 * curve, its unit cost at cumulative volume Q being c·(Q/Qref)^b with
 * b = log2(progressRatio). As agreed, the curve runs over the combined
 * volume of every party's listed programs and each party pays its split of
 * the development cost; without the deal each party develops the part alone:
 * the curve runs over its own programs' volume and it pays the whole cost.
 *
 * Volume is the programs' demand over all their markets (before any
 * pass-through), counted from the period `from`. A period's factor f is the
 * exact average unit cost of the units it builds, ∫ over [Q_start, Q_end]
 * divided by its volume (see averageUnitCost), and the variable cost of each
 * listed program is multiplied by 1 − s + s·f from `from` on (1 before).
 */
function effects(deal: JointDevelopment, ctx: EffectContext, opts: DealOptions, out: DealEffects): void {
  const from = ctx.periodIndex.get(deal.from);
  if (from === undefined) return; // validation refuses an unknown period
  const asAgreed = !opts.counterfactual?.has(deal.id);
  const b = learningExponent(deal.progressRatio);
  const parties = Object.entries(deal.programs);
  if (asAgreed) {
    const all = parties.flatMap(([, programs]) => programs);
    const f = learningFactors(volumes(ctx, all, from), deal.referenceVolume, b);
    for (const id of all) applyFactor(out, id, multipliers(f, deal.costShare));
  } else {
    for (const [, programs] of parties) {
      const f = learningFactors(volumes(ctx, programs, from), deal.referenceVolume, b);
      for (const id of programs) applyFactor(out, id, multipliers(f, deal.costShare));
    }
  }
  for (const [party] of parties) development(deal, ctx, party, asAgreed ? (deal.split[party] ?? 0) : 1, out);
}

/** Learning exponent b of a progress ratio r: cost × r per doubling of cumulative volume, so b = log2(r) (0 for r = 1). */
export function learningExponent(progressRatio: number): number {
  return Math.log2(progressRatio);
}

/**
 * Average unit cost, relative to the cost at the reference volume, of the
 * units from cumulative position qStart to qStart + q:
 *
 *   f = 1/q ∫_{qStart}^{qStart+q} (x/qRef)^b dx
 *     = (qStart/qRef)^b · ((1 + r)^(b+1) − 1) / ((b + 1) · r),   r = q / qStart
 *     = (q/qRef)^b / (b + 1)                                      when qStart = 0
 *
 * This is exact for the power law (the cost of a period's units is the sum
 * over them, not the cost of any one of them), and additive: splitting a
 * period into two gives the same total cost. Written with expm1/log1p so that
 * a small period late in a program's life loses no precision. With b = −1
 * (progress ratio 0.5) the average from zero volume is unbounded; validation
 * refuses that ratio. A period that builds nothing gets the unit cost at its
 * start (it multiplies no units).
 */
export function averageUnitCost(qStart: number, q: number, qRef: number, b: number): number {
  if (b === 0) return 1;
  if (q <= 0) return qStart > 0 ? (qStart / qRef) ** b : 1;
  const e = b + 1;
  if (qStart <= 0) return (q / qRef) ** b / e;
  const r = q / qStart;
  const l = Math.log1p(r);
  const growth = Math.abs(e) < 1e-12 ? l : Math.expm1(e * l) / e;
  return ((qStart / qRef) ** b * growth) / r;
}

/** Learning factor f by period index for volumes by period (0 before the part is built): 1 where nothing has been built yet. */
export function learningFactors(volume: readonly number[], qRef: number, b: number): number[] {
  let cumulative = 0;
  return volume.map((q) => {
    const f = averageUnitCost(cumulative, q, qRef, b);
    cumulative += q;
    return f;
  });
}

/**
 * Variable-cost multipliers 1 − s + s·f, written 1 + s·(f − 1) so that f = 1
 * gives exactly 1 (a deal without learning leaves costs bit for bit as they were).
 */
export function multipliers(f: readonly number[], costShare: number): number[] {
  return f.map((x) => 1 + costShare * (x - 1));
}

/** Units of the programs by period index, counted from period `from` (0 before it). */
function volumes(ctx: EffectContext, programs: readonly string[], from: number): number[] {
  return ctx.periods.map((p) => (p.index < from ? 0 : programs.reduce((sum, id) => sum + ctx.demand(id, p.index), 0)));
}

/** Multiplies a program's variable-cost factors (two deals on one program compound). */
function applyFactor(out: DealEffects, programId: string, factor: readonly number[]): void {
  const current = out.costFactor.get(programId);
  out.costFactor.set(programId, current ? current.map((x, t) => x * (factor[t] ?? 1)) : [...factor]);
}

/** Books a party's share of the development cost, period by period, as one-offs. */
function development(deal: JointDevelopment, ctx: EffectContext, party: string, share: number, out: DealEffects): void {
  if (share <= 0) return;
  for (const [periodId, amount] of Object.entries(deal.developmentCost)) {
    const t = ctx.periodIndex.get(periodId);
    if (t === undefined || amount === 0) continue;
    out.oneOffs.push({ deal: deal.id, company: party, t, amount: share * ctx.toBase(amount, deal.currency, t), item: "development" });
  }
}

const TOLERANCE = 1e-6;

/**
 * A joint development: every party is a company selling the programs listed
 * under it, each program listed once; the split names exactly the parties
 * and sums to 1; periods exist and the deal's currency has their rates; the
 * learning curve is finite and the part's share of cost plausible.
 */
function check(d: JointDevelopment, ctx: DealCheckContext, at: string): Issue[] {
  const { issues, check, period } = refs(ctx, d, at);
  const parties = Object.keys(d.programs);
  for (const party of parties) if (check(`programs.${party}`, party, ctx.companyIds, "company")) issues.push(...partyPrograms(ctx, d, party, at));
  period("from", d.from);
  for (const [p, amount] of Object.entries(d.developmentCost)) {
    period(`developmentCost.${p}`, p);
    if (amount < 0) issues.push(error(`${at}.developmentCost.${p}`, `development spending of ${amount} is negative`, "spending is 0 or more", d.id));
  }
  issues.push(...duplicates(d, at), ...splitIssues(d, parties, at), ...missingRates(ctx, d, at, Object.keys(d.developmentCost)), ...curveIssues(d, at));
  if (parties.length === 1)
    issues.push(
      warning(`${at}.programs`, `only ${parties[0]} takes part: this models developing the part alone`, "list the partner's programs under its id", d.id),
    );
  return issues;
}

/** The programs listed under a party exist and are sold by it (the party bears their variable cost's learning). */
function partyPrograms(ctx: DealCheckContext, d: JointDevelopment, party: string, at: string): Issue[] {
  const { issues, check } = refs(ctx, d, at);
  (d.programs[party] ?? []).forEach((id, j) => {
    if (!check(`programs.${party}[${j}]`, id, ctx.programIds, "program")) return;
    const seller = ctx.s.programs.find((p) => p.id === id)?.seller;
    if (seller !== party)
      issues.push(
        error(
          `${at}.programs.${party}[${j}]`,
          `${id} is sold by ${seller}, not ${party}`,
          seller !== undefined && d.programs[seller] ? `move it to programs.${seller}` : `remove it, or make ${seller} a party with programs.${seller}`,
          d.id,
        ),
      );
  });
  return issues;
}

/** A program listed twice would have its learning counted twice. */
function duplicates(d: JointDevelopment, at: string): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const [party, list] of Object.entries(d.programs)) {
    list.forEach((id, j) => {
      if (seen.has(id)) issues.push(error(`${at}.programs.${party}[${j}]`, `${id} is listed twice`, "list each program once", d.id));
      seen.add(id);
    });
  }
  return issues;
}

/** The split has one share per party, no other key, and the shares sum to 1. */
function splitIssues(d: JointDevelopment, parties: readonly string[], at: string): Issue[] {
  const issues: Issue[] = [];
  for (const p of parties)
    if (d.split[p] === undefined)
      issues.push(error(`${at}.split`, `no share of the development cost for ${p}`, `add split.${p}: <share>; the shares sum to 1`, d.id));
  for (const p of Object.keys(d.split))
    if (!parties.includes(p))
      issues.push(
        error(`${at}.split.${p}`, `${p} is not a party (parties: ${parties.join(", ")})`, `remove it, or list ${p}'s programs under programs.${p}`, d.id),
      );
  const sum = Object.values(d.split).reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > TOLERANCE)
    issues.push(error(`${at}.split`, `shares of the development cost sum to ${round(sum)}, not 1`, "make them sum to 1 (e.g. 0.5 and 0.5)", d.id));
  return issues;
}

/**
 * Progress ratio 0.5 makes b = −1, for which the average cost of the first
 * units is unbounded (∫ x^−1 from 0 diverges); ratios far below industrial
 * experience and a part worth none or most of a vehicle are likely mistakes.
 */
function curveIssues(d: JointDevelopment, at: string): Issue[] {
  const issues: Issue[] = [];
  if (d.progressRatio <= 0.5)
    issues.push(
      error(
        `${at}.progressRatio`,
        "a progress ratio of 0.5 makes the average unit cost of the first units unbounded",
        "use a ratio above 0.5 (manufacturing learning curves are typically 0.7–0.95)",
        d.id,
      ),
    );
  else if (d.progressRatio < 0.7)
    issues.push(
      warning(
        `${at}.progressRatio`,
        `a progress ratio of ${d.progressRatio} cuts the part's unit cost by ${round((1 - d.progressRatio) * 100)}% with each doubling of volume`,
        "manufacturing learning curves are typically 0.7–0.95; check the source",
        d.id,
      ),
    );
  if (d.costShare === 0)
    issues.push(
      warning(
        `${at}.costShare`,
        "the part makes up none of the programs' variable cost: its learning curve changes nothing",
        "set its share of variable cost",
        d.id,
      ),
    );
  else if (d.costShare > 0.5)
    issues.push(
      warning(
        `${at}.costShare`,
        `the part makes up ${round(d.costShare * 100)}% of the programs' variable cost`,
        "even a whole powertrain is usually well under half of a vehicle's variable cost; check the share",
        d.id,
      ),
    );
  return issues;
}

export const jointDevelopment = {
  type: "joint-development",
  schema: JointDevelopment,
  summary: "a part developed together: shared development cost, and a learning curve over the parties' combined volume",
  effects,
  check,
  money: (raw, { base }) => ownCurrencyMoney(raw, base, [["developmentCost", "*"]]),
} satisfies DealModule<JointDevelopment>;
