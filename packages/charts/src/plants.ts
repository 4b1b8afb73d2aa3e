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

/** Each plant's utilisation before and with the deals, against its break-even (a black tick). */
export function plantsChart(lines: readonly PlantLine[], width: number, names: Names = ID_NAMES): Plot.PlotOptions {
  const bar = (plant: string, state: string, utilisation: number) => ({
    plant,
    state,
    utilisation,
    tip: `${plant} · ${state}: ${percent(utilisation)} utilised`,
  });
  const bars = lines.flatMap((l) => [bar(names.plant(l.plant), "before the deals", l.before), bar(names.plant(l.plant), "with the deals", l.after)]);
  return {
    width,
    height: 40 + lines.length * 34,
    marginLeft: 130,
    x: { label: "utilisation", percent: true, grid: true },
    y: { axis: null },
    fy: { label: null },
    color: { legend: true, domain: ["before the deals", "with the deals"], range: [BEFORE, AFTER] },
    marks: [
      Plot.barX(bars, { fy: "plant", y: "state", x: (d) => d.utilisation, fill: "state", title: "tip", tip: true }),
      Plot.tickX(
        lines.filter((l) => l.breakEven !== null).map((l) => ({ ...l, plant: names.plant(l.plant) })),
        { fy: "plant", x: "breakEven", stroke: "black", strokeWidth: 2 },
      ),
      Plot.ruleX([0]),
    ],
  };
}
