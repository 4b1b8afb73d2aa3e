import type { Model } from "../model.js";
import type { FlowColumns, FlowKeys } from "./flows.js";
import { type DutyLines, OFFSET, PARTS } from "./lines.js";

/**
 * Caps offsets at the duties they offset. The US-assembly offset is a credit
 * of a share of the MSRP of US-assembled vehicles, usable only against the
 * company's duties on imported parts under the measures it names; it is not a
 * subsidy beyond them. The pool is per company (the builder, who imports the
 * parts) and period: when credits exceed the offsettable parts duties, every
 * credit is scaled by the same factor. Returns the factor per company|period.
 */
export function capOffsets(model: Model, flows: FlowColumns, keys: FlowKeys, duties: DutyLines): Map<string, number> {
  const factors = new Map<string, number>();
  if (model.scenario.parameters.offsetCap === "none") return factors;
  // Pools by company code and period index. Speed: arrays of numbers, not maps keyed by "company|period" strings.
  const periods = model.periods.length;
  const pool = (company: number, f: number) => company * periods + (keys.period[f] as number);
  const credit = new Float64Array(keys.companies.values.length * periods);
  const credited = new Uint8Array(credit.length);
  for (let f = 0; f < flows.units.length; f++) {
    const offset = flows.offset[f] as number;
    if (offset === 0) continue;
    const p = pool(keys.builder[f] as number, f);
    credit[p] = (credit[p] as number) + offset;
    credited[p] = 1;
  }
  const cap = offsettableDuties(model, keys, duties, pool);
  const factor = (p: number) => ((credit[p] as number) > 0 ? Math.min(1, (cap[p] as number) / (credit[p] as number)) : 0);
  for (let f = 0; f < flows.units.length; f++) {
    if (flows.offset[f] === 0) continue;
    flows.offset[f] = (flows.offset[f] as number) * factor(pool(keys.builder[f] as number, f));
  }
  for (let i = 0; i < duties.length; i++) {
    if (duties.kind[i] !== OFFSET) continue;
    const f = duties.flow[i] as number;
    duties.amount[i] = (duties.amount[i] as number) * factor(pool(keys.builder[f] as number, f));
  }
  for (let p = 0; p < credit.length; p++) {
    if (credited[p]) factors.set(`${keys.companies.values[Math.floor(p / periods)]}|${model.periods[p % periods]?.id}`, factor(p));
  }
  return factors;
}

/** Parts duties of the measures that some offset offsets, by pool (the payer's company and the period). */
function offsettableDuties(model: Model, keys: FlowKeys, duties: DutyLines, pool: (company: number, f: number) => number): Float64Array {
  const offsettable = new Set(model.measures.filter((d) => d.measure.kind === "offset").flatMap((d) => d.measure.offsets));
  const isOffsettable = duties.measures.map((id) => offsettable.has(id));
  const cap = new Float64Array(keys.companies.values.length * model.periods.length);
  for (let i = 0; i < duties.length; i++) {
    if (duties.kind[i] !== PARTS || !isOffsettable[duties.measure[i] as number]) continue;
    const p = pool(duties.payer[i] as number, duties.flow[i] as number);
    cap[p] = (cap[p] as number) + (duties.amount[i] as number);
  }
  return cap;
}
