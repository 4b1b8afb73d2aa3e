import * as Plot from "@observablehq/plot";
import { percent } from "./format.js";
import { ID_NAMES, type Names } from "./names.js";
import { AFTER, BEFORE } from "./palette.js";

/** The Plants view's chart as a pure builder (see overview.ts). */

export interface PlantLine {
  plant: string;
  owner: string;
  country: string;
  before: number;
  after: number;
  outputBefore: number;
  outputAfter: number;
  /** Null when the plant earns no contribution per unit: it cannot break even at any utilisation. */
  breakEven: number | null;
}

/** A plant's utilisation in two states, its name as drawn. */
export interface UtilisationPair {
  plant: string;
  first: number;
  second: number;
}

/**
 * Two bars a plant, one facet row per plant, the first state in the "before"
 * colour and the second in the "after" one: the layout of the Plants view's
 * chart and of the optimiser's. `marks` are drawn over the bars (a tick of
 * break-even), below the zero rule.
 */
export function utilisationPairsChart(
  pairs: readonly UtilisationPair[],
  states: readonly [string, string],
  width: number,
  marks: Plot.Markish[] = [],
): Plot.PlotOptions {
  const bar = (plant: string, state: string, utilisation: number) => ({
    plant,
    state,
    utilisation,
    tip: `${plant} · ${state}: ${percent(utilisation)} utilised`,
  });
  const bars = pairs.flatMap((p) => [bar(p.plant, states[0], p.first), bar(p.plant, states[1], p.second)]);
  return {
    width,
    height: 40 + pairs.length * 34,
    marginLeft: 130,
    x: { label: "utilisation", percent: true, grid: true },
    y: { axis: null },
    fy: { label: null },
    color: { legend: true, domain: [...states], range: [BEFORE, AFTER] },
    marks: [Plot.barX(bars, { fy: "plant", y: "state", x: "utilisation", fill: "state", title: "tip", tip: true }), ...marks, Plot.ruleX([0])],
  };
}

/** Each plant's utilisation before and with the deals, against its break-even (a black tick). */
export function plantsChart(lines: readonly PlantLine[], width: number, names: Names = ID_NAMES): Plot.PlotOptions {
  const pairs = lines.map((l) => ({ plant: names.plant(l.plant), first: l.before, second: l.after }));
  const breakEven = Plot.tickX(
    lines.filter((l) => l.breakEven !== null).map((l) => ({ ...l, plant: names.plant(l.plant) })),
    { fy: "plant", x: "breakEven", stroke: "black", strokeWidth: 2 },
  );
  return utilisationPairsChart(pairs, ["before the deals", "with the deals"], width, [breakEven]);
}
