import type { Period } from "../time/periods.js";

/**
 * Discount factor of a period's amount: amounts arrive, on average, in the
 * middle of their period, discounted to the start of the horizon at the
 * annual rate r: (1 + r)^−τ, τ = years from the horizon's start to the
 * period's middle.
 */
export function discountFactors(periods: readonly Period[], rate: number): number[] {
  const first = periods[0];
  if (!first) return [];
  let monthsBefore = 0;
  return periods.map((p) => {
    const tau = (monthsBefore + p.months / 2) / 12;
    monthsBefore += p.months;
    return (1 + rate) ** -tau;
  });
}

/** Net present value of amounts by period index. */
export function npv(amounts: readonly number[], factors: readonly number[]): number {
  let s = 0;
  amounts.forEach((a, t) => {
    s += a * (factors[t] ?? 0);
  });
  return s;
}
