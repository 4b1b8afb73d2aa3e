import type { JointDevelopment } from "../schema/deal.js";
import type { DealEffects, DealOptions, EffectContext } from "./effects.js";

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
export function jointEffects(deal: JointDevelopment, ctx: EffectContext, opts: DealOptions, out: DealEffects): void {
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
