import * as Plot from "@observablehq/plot";
import type { PriceAnalysis } from "@tieup/core";
import { fixed } from "@tieup/core";
import { perUnit } from "./format.js";
import { CLIENT, HOST, ZONE } from "./palette.js";

/** The Deal view's chart as a pure builder (see overview.ts). */

/** A party's NPV gain (in the chart's unit) at one transfer price. */
export type GainPoint = { price: number; party: string; gain: number };

/** Each party's NPV gain against the transfer price: the zone of agreement, the Nash price and the price the deal is evaluated at. */
export function dealPriceChart(curve: readonly GainPoint[], p: PriceAnalysis, width: number, unit: string): Plot.PlotOptions {
  return {
    width,
    height: 320,
    marginLeft: 56,
    x: { label: `transfer price (${p.currency}/unit)`, grid: true },
    y: { label: unit, grid: true },
    color: { legend: true, range: [HOST, CLIENT] },
    marks: [
      p.agreement.exists
        ? Plot.rectX([p.agreement], { x1: "pLow", x2: "pHigh", fill: ZONE, fillOpacity: 0.18 })
        : Plot.text([0], { frameAnchor: "top", text: () => "no zone of agreement", dy: 12 }),
      Plot.ruleY([0]),
      Plot.line(curve, { x: "price", y: "gain", stroke: "party", strokeWidth: 2 }),
      p.agreement.nash === null ? null : Plot.ruleX([p.agreement.nash], { stroke: "black", strokeDasharray: "4 3" }),
      p.kind === "open" ? null : Plot.ruleX([p.used], { stroke: "#555", strokeWidth: 2 }),
      p.kind === "open"
        ? null
        : Plot.text([p.used], { x: (x: number) => x, frameAnchor: "bottom", text: () => "evaluated", dy: -4, dx: 4, textAnchor: "start" }),
      p.agreement.nash === null
        ? null
        : Plot.text([p.agreement.nash], { x: (x: number) => x, frameAnchor: "top", text: () => "Nash", dy: -4, dx: 4, textAnchor: "start" }),
      Plot.dot(nashPoints(curve, p.agreement.nash), {
        x: "price",
        y: "gain",
        fill: "party",
        r: 5,
        stroke: "white",
        title: (g: GainPoint) => `${g.party} at the Nash price ${perUnit(g.price, p.currency)}: NPV gain ${fixed(g.gain, 1)} ${unit}`,
        tip: true,
      }),
    ],
  };
}

/** Each party's gain at the Nash price, interpolated along its curve (exact when the gains are linear in the price). */
export function nashPoints(curve: readonly GainPoint[], nash: number | null): GainPoint[] {
  if (nash === null) return [];
  const parties = [...new Set(curve.map((c) => c.party))];
  return parties.flatMap((party) => {
    const line = curve.filter((c) => c.party === party).sort((a, b) => a.price - b.price);
    const k = line.findIndex((c, i) => i > 0 && c.price >= nash);
    const [a, b] = k > 0 ? [line[k - 1], line[k]] : [line[0], line[1]];
    if (!a || !b || b.price === a.price) return [];
    return [{ price: nash, party, gain: a.gain + ((b.gain - a.gain) * (nash - a.price)) / (b.price - a.price) }];
  });
}
