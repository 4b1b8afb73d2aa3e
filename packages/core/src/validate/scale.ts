import { type Issue, warning } from "../issues/issue.js";
import type { CheckContext } from "./context.js";

/** Below this share of the other plants' median capacity, a capacity is taken for one written in thousands. */
const SMALL_SHARE = 0.01;

/**
 * "Did you mean 150,000?" when the figure times a thousand is of the order
 * of `reference` (within a factor of ten of it): the slip of writing a
 * capacity in thousands of vehicles where the attribute counts vehicles.
 */
export function thousandsHint(value: number, reference: number): string | undefined {
  const scaled = value * 1000;
  if (value <= 0 || scaled < reference / 10 || scaled > reference * 10) return undefined;
  return `did you mean ${scaled.toLocaleString("en-US")}? Capacity counts vehicles a year: write ${scaled} or "${value} thousand"`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Capacities far below the rest of the scenario's: a plant of 150 vehicles a
 * year beside plants of 200,000 is a scale slip whether or not its sourcing
 * overruns it yet (an idle plant, or one only a deal will use). Plants in
 * `warned` already have a capacity warning and get no second one.
 */
export function smallCapacities(ctx: CheckContext, warned: ReadonlySet<string>): Issue[] {
  const plants = ctx.s.plants;
  return plants.flatMap((p, i) => {
    const others = plants.filter((q) => q !== p && q.capacity > 0).map((q) => q.capacity);
    if (warned.has(p.id) || p.capacity <= 0 || others.length === 0) return [];
    const m = median(others);
    if (p.capacity >= SMALL_SHARE * m) return [];
    return [
      warning(
        `plants[${i}].capacity`,
        `${p.id}'s capacity of ${p.capacity.toLocaleString("en-US")} a year is under 1% of the median of the scenario's other plants (${Math.round(m).toLocaleString("en-US")})`,
        thousandsHint(p.capacity, m) ?? "capacity counts vehicles a year: check the scale (thousand, million) of the figure",
        p.id,
      ),
    ];
  });
}
