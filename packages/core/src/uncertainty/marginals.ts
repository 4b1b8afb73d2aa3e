import type { Distribution } from "../schema/uncertainty.js";
import { normalQuantile } from "./normal.js";
import { U_MAX, U_MIN } from "./random.js";

/**
 * The inverse CDF of each marginal: a uniform u in (0, 1) becomes a draw.
 * Sampling by inversion lets a copula impose rank correlation on any mix of
 * marginals, and makes a distribution with no spread return its centre
 * exactly (sd 0, min = max, one regime).
 */
export function quantile(d: Distribution, u: number): number {
  switch (d.type) {
    case "discrete":
      return discreteQuantile(d.values, u);
    case "normal":
      return d.sd === 0 ? d.mean : d.mean + d.sd * normalQuantile(u);
    case "lognormal":
      return d.sigma === 0 ? d.median : d.median * Math.exp(d.sigma * normalQuantile(u));
    case "uniform":
      return d.min === d.max ? d.min : d.min + u * (d.max - d.min);
    case "triangular":
      return triangularQuantile(d.min, d.mode, d.max, u);
  }
}

/** The first regime whose cumulative probability exceeds u (regimes in the order written). */
function discreteQuantile(values: { value: number; probability: number }[], u: number): number {
  let cumulative = 0;
  for (const r of values) {
    cumulative += r.probability;
    if (u < cumulative) return r.value;
  }
  // u above a total that rounding left just under 1: the last regime with any probability.
  return [...values].reverse().find((r) => r.probability > 0)?.value ?? (values[values.length - 1]?.value as number);
}

/**
 * Triangular on [a, b] with mode c: F(c) = (c − a)/(b − a); below it
 * x = a + √(u·(b − a)(c − a)), above it x = b − √((1 − u)(b − a)(b − c)).
 */
function triangularQuantile(a: number, c: number, b: number, u: number): number {
  if (a === b) return a;
  const fc = (c - a) / (b - a);
  return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
}

/** Mean of a marginal, for documentation and tests. */
export function mean(d: Distribution): number {
  switch (d.type) {
    case "discrete":
      return d.values.reduce((s, r) => s + r.value * r.probability, 0);
    case "normal":
      return d.mean;
    case "lognormal":
      return d.median * Math.exp((d.sigma * d.sigma) / 2);
    case "uniform":
      return (d.min + d.max) / 2;
    case "triangular":
      return (d.min + d.mode + d.max) / 3;
  }
}

/** Low and high ends for a one-at-a-time swing: the 5th and 95th percentiles; for regimes, the lowest and highest value. */
export function swingRange(d: Distribution, low = 0.05, high = 0.95): [number, number] {
  if (d.type === "discrete") {
    const vs = d.values.filter((r) => r.probability > 0).map((r) => r.value);
    return [Math.min(...vs), Math.max(...vs)];
  }
  return [quantile(d, low), quantile(d, high)];
}

/**
 * The lowest and highest value a sweep can draw: the inverse CDF at the
 * extreme uniforms the generator gives (a normal: mean − 8.29 sd to mean + 8.21 sd);
 * for regimes, the lowest and highest value with any probability.
 */
export function reachableRange(d: Distribution): [number, number] {
  if (d.type === "discrete") return swingRange(d);
  return [quantile(d, U_MIN), quantile(d, U_MAX)];
}
