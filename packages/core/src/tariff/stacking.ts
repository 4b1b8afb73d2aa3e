import type { TariffMeasure } from "../schema/tariff.js";

/** One measure's charged rate on a slot during a span of days with a fixed set of measures in force. */
export interface ChargedRate {
  measure: TariffMeasure;
  rate: number;
}

/**
 * Applies the stacking rules to the measures in force on one slot:
 *  1. anti-stacking: a measure listed in `supersedes` of another measure in force is not charged;
 *  2. all-in: the measures an all-in measure is inclusive of are not charged, except MFN duties,
 *     which stay and count toward the all-in rate, so the total is max(MFN, all-in rate);
 *  3. mfn and additional measures charge their rate; they add up.
 * Offsets are not duties and are handled by the evaluator.
 */
export function stack(inForce: readonly TariffMeasure[]): ChargedRate[] {
  const ids = new Set(inForce.map((m) => m.id));
  const suppressed = new Set<string>();
  for (const m of inForce) for (const s of m.supersedes) if (ids.has(s) && s !== m.id) suppressed.add(s);
  const active = inForce.filter((m) => !suppressed.has(m.id));
  const folded = new Set<string>();
  for (const m of active) {
    if (m.kind !== "all-in") continue;
    for (const inc of m.inclusiveOf) {
      const other = active.find((a) => a.id === inc);
      if (other && other.kind !== "mfn") folded.add(inc);
    }
  }
  const charged: ChargedRate[] = [];
  for (const m of active) {
    if (folded.has(m.id)) continue;
    if (m.kind === "all-in") {
      const mfn = active.filter((a) => a.kind === "mfn" && m.inclusiveOf.includes(a.id)).reduce((sum, a) => sum + a.rate, 0);
      charged.push({ measure: m, rate: Math.max(0, m.rate - mfn) });
    } else charged.push({ measure: m, rate: m.rate });
  }
  return charged;
}
