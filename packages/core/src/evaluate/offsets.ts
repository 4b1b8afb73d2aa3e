import type { Model } from "../model.js";
import type { DutyColumns, FlowColumns } from "./flows.js";

/**
 * Caps offsets at the duties they offset. The US-assembly offset is a credit
 * of a share of the MSRP of US-assembled vehicles, usable only against the
 * company's duties on imported parts under the measures it names; it is not a
 * subsidy beyond them. The pool is per company (the builder, who imports the
 * parts) and period: when credits exceed the offsettable parts duties, every
 * credit is scaled by the same factor. Returns the factor per company|period.
 */
export function capOffsets(model: Model, flows: FlowColumns, duties: DutyColumns): Map<string, number> {
  const factors = new Map<string, number>();
  if (model.scenario.parameters.offsetCap === "none") return factors;
  const offsettable = new Set(model.measures.filter((d) => d.measure.kind === "offset").flatMap((d) => d.measure.offsets));
  const credit = new Map<string, number>();
  const cap = new Map<string, number>();
  for (let f = 0; f < flows.units.length; f++) {
    const credited = flows.offset[f] as number;
    if (credited !== 0) add(credit, `${flows.builder[f]}|${flows.period[f]}`, credited);
  }
  for (let i = 0; i < duties.flow.length; i++) {
    if (duties.kind[i] !== "parts" || !offsettable.has(duties.measure[i] as string)) continue;
    const f = duties.flow[i] as number;
    add(cap, `${duties.payer[i]}|${flows.period[f]}`, duties.amount[i] as number);
  }
  for (const [key, available] of credit) factors.set(key, available > 0 ? Math.min(1, (cap.get(key) ?? 0) / available) : 0);
  for (let f = 0; f < flows.units.length; f++) {
    if (flows.offset[f] === 0) continue;
    flows.offset[f] = (flows.offset[f] as number) * (factors.get(`${flows.builder[f]}|${flows.period[f]}`) ?? 1);
  }
  for (let i = 0; i < duties.flow.length; i++) {
    if (duties.kind[i] !== "offset") continue;
    const f = duties.flow[i] as number;
    duties.amount[i] = (duties.amount[i] as number) * (factors.get(`${flows.builder[f]}|${flows.period[f]}`) ?? 1);
  }
  return factors;
}

function add(m: Map<string, number>, key: string, v: number): void {
  m.set(key, (m.get(key) ?? 0) + v);
}
