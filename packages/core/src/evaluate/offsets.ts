import type { Model } from "../model/model.js";
import type { FlowColumns, FlowKeys } from "./flows.js";
import { type DutyLines, OFFSET, PARTS } from "./lines.js";

/**
 * Caps offsets at the duties they offset. The US-assembly offset is a credit
 * of a share of the MSRP of US-assembled vehicles, usable only against the
 * company's duties on imported parts under the measures it names; it is not a
 * subsidy beyond them. For each company (the builder, who imports the parts)
 * and period:
 *  1. each offset measure's credit is capped at the parts duties under the
 *     measures it names;
 *  2. offsets that name a common duty measure draw on the same duties (a
 *     schedule and its extension, say), so they form a pool, and the pool's
 *     capped credits are scaled down together to the parts duties under all
 *     the measures the pool names.
 * When the offsets of a pool name the same measures, as in practice, this is
 * exact; otherwise it never credits more than any offset may use, but may
 * credit less than the best allocation of duties between offsets would.
 * Each flow's offset is the sum of its scaled credits.
 */
export function capOffsets(model: Model, flows: FlowColumns, keys: FlowKeys, duties: DutyLines): void {
  if (model.scenario.parameters.offsetCap === "none") return;
  const pools = offsetPools(model);
  if (pools.count === 0) return;
  const namedBy = offsetsNaming(model);
  // Speed: accounts indexed by (measure or pool, company, period) in flat arrays, not maps keyed by strings.
  const periods = model.periods.length;
  const companies = keys.companies.values.length;
  const at = (slot: number, company: number, f: number) => (slot * companies + company) * periods + (keys.period[f] as number);
  const size = Math.max(model.measures.length, pools.count) * companies * periods;
  const credit = new Float64Array(size);
  const cap = new Float64Array(size);
  const poolCap = new Float64Array(size);
  for (let i = 0; i < duties.length; i++) {
    const m = duties.measure[i] as number;
    const payer = duties.payer[i] as number;
    const f = duties.flow[i] as number;
    if (duties.kind[i] === OFFSET) credit[at(m, payer, f)] = (credit[at(m, payer, f)] as number) - (duties.amount[i] as number);
    else if (duties.kind[i] === PARTS && (pools.of[m] as number) >= 0) {
      const amount = duties.amount[i] as number;
      for (const o of namedBy[m] ?? []) cap[at(o, payer, f)] = (cap[at(o, payer, f)] as number) + amount;
      const p = at(pools.of[m] as number, payer, f);
      poolCap[p] = (poolCap[p] as number) + amount;
    }
  }
  const capped = new Float64Array(size); // Σ of the pool's credits after step 1
  const carry = carriedPools(model, pools);
  // A carried pool has no cap per measure: its whole credit, with what earlier periods left, meets its duties.
  const own = (a: number, m: number) =>
    carry[pools.of[m] as number] ? 1 : (credit[a] as number) > 0 ? Math.min(1, (cap[a] as number) / (credit[a] as number)) : 0;
  const seen = new Uint8Array(size);
  for (let i = 0; i < duties.length; i++) {
    if (duties.kind[i] !== OFFSET) continue;
    const m = duties.measure[i] as number;
    const a = at(m, duties.payer[i] as number, duties.flow[i] as number);
    if (seen[a]) continue;
    seen[a] = 1;
    const p = at(pools.of[m] as number, duties.payer[i] as number, duties.flow[i] as number);
    capped[p] = (capped[p] as number) + (credit[a] as number) * own(a, m);
  }
  const factor = poolFactors(capped, poolCap, carry, companies, periods);
  for (let f = 0; f < flows.units.length; f++) if (flows.offset[f] !== 0) flows.offset[f] = 0;
  for (let i = 0; i < duties.length; i++) {
    if (duties.kind[i] !== OFFSET) continue;
    const m = duties.measure[i] as number;
    const f = duties.flow[i] as number;
    const p = at(pools.of[m] as number, duties.payer[i] as number, f);
    duties.amount[i] = (duties.amount[i] as number) * own(at(m, duties.payer[i] as number, f), m) * (factor[p] as number);
    flows.offset[f] = (flows.offset[f] as number) - (duties.amount[i] as number);
  }
}

/** For each duty measure code, the codes of the offset measures that name it. */
function offsetsNaming(model: Model): number[][] {
  const ids = model.measures.map((d) => d.measure.id);
  const out: number[][] = ids.map(() => []);
  model.measures.forEach((d, o) => {
    if (d.measure.kind === "offset") for (const id of d.measure.offsets) out[ids.indexOf(id)]?.push(o);
  });
  return out;
}

/**
 * Pools of offsets by measure code: offset measures whose `offsets` lists
 * share a duty measure are joined (transitively), and each duty measure named
 * by an offset belongs to its offset's pool. Measures in no pool get -1.
 */
export function offsetPools(model: Model): { of: Int32Array; count: number } {
  const ids = model.measures.map((d) => d.measure.id);
  const parent = ids.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const named = new Map<number, number>(); // duty measure -> an offset naming it
  model.measures.forEach((d, i) => {
    if (d.measure.kind !== "offset") return;
    for (const id of d.measure.offsets) {
      const duty = ids.indexOf(id);
      if (duty < 0) continue;
      const other = named.get(duty);
      if (other === undefined) named.set(duty, i);
      else parent[find(i)] = find(other);
      parent[find(duty)] = find(i);
    }
  });
  const of = new Int32Array(ids.length).fill(-1);
  const poolIds = new Map<number, number>();
  model.measures.forEach((d, i) => {
    if (d.measure.kind !== "offset" && !named.has(i)) return;
    const root = find(i);
    if (!poolIds.has(root)) poolIds.set(root, poolIds.size);
    of[i] = poolIds.get(root) as number;
  });
  return { of, count: poolIds.size };
}

/** Whether each pool carries unused credit forward: when any of its offsets does. */
export function carriedPools(model: Model, pools: { of: Int32Array; count: number }): boolean[] {
  const out = new Array<boolean>(pools.count).fill(false);
  model.measures.forEach((d, i) => {
    const p = pools.of[i] as number;
    if (p >= 0 && d.measure.kind === "offset" && d.measure.carryForward) out[p] = true;
  });
  return out;
}

/**
 * The share of each (pool, company, period)'s credit that is used. Without
 * carry-forward: min(1, duties ÷ credit), the rest lost. With it, periods in
 * order: available = credit + what earlier periods left; used =
 * min(available, duties); the share (used ÷ credit) may exceed 1 when
 * carried credit is used. Credit carried into a period that earns none
 * waits for one that does (it is booked on that period's credit lines).
 */
function poolFactors(capped: Float64Array, poolCap: Float64Array, carry: readonly boolean[], companies: number, periods: number): Float64Array {
  const factor = new Float64Array(capped.length);
  for (let pool = 0; pool < carry.length; pool++) {
    for (let c = 0; c < companies; c++) {
      let left = 0;
      for (let t = 0; t < periods; t++) {
        const a = (pool * companies + c) * periods + t;
        const credit = capped[a] as number;
        const cap = poolCap[a] as number;
        if (!carry[pool]) {
          factor[a] = credit > 0 ? Math.min(1, cap / credit) : 0;
          continue;
        }
        if (credit <= 0) continue;
        const used = Math.min(credit + left, cap);
        left = credit + left - used;
        factor[a] = used / credit;
      }
    }
  }
  return factor;
}
