import { laneCodes } from "../problem/codes.js";
import type { Instance } from "../problem/instance.js";

/**
 * Discount factors per company and period (docs/optimizer.md, "Discounting"):
 * a period's money enters a company's objective times its factor. Absent, or
 * for a company it does not name, every factor is 1 (a horizon sum).
 */
export type Discount = ReadonlyMap<string, readonly number[]>;

/** Weights by company code × period, dense for the per-lane loops: w[code · T + t]. */
export function weightTable(inst: Instance, discount: Discount | undefined): Float64Array {
  const c = laneCodes(inst);
  const T = inst.periods.length;
  const w = new Float64Array(c.companies.length * T).fill(1);
  if (!discount) return w;
  c.companies.forEach((id, code) => {
    const factors = discount.get(id);
    if (factors) for (let t = 0; t < T; t++) w[code * T + t] = factors[t] ?? 1;
  });
  return w;
}

/** The weight of one company's money in period t. */
export function weightOf(discount: Discount | undefined, company: string, t: number): number {
  return discount?.get(company)?.[t] ?? 1;
}
