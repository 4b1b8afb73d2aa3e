import * as Plot from "@observablehq/plot";
import type { Metric, Swing as ParameterSwing, Summary } from "@tieup/core";
import { fixed } from "@tieup/core";
import { money, moneyScale, moneyUnit } from "./format.js";
import { fitLabel, ID_NAMES, metricLabel, type Names } from "./names.js";
import { AFTER, PALETTE } from "./palette.js";

/** One sweep output as the charts draw it: its draws binned, and its one-at-a-time swings. */
export interface OutputDetail {
  metric: Metric;
  /** Equal-width bins of the draws, in the metric's unit. */
  histogram: { edges: number[]; counts: number[] };
  /** P5 → P95 of each parameter, the others as written, largest first; base = every parameter as written. */
  tornado: { base: number; swings: ParameterSwing[] };
}

/** The Uncertainty view's charts as pure builders over the sweep's outputs (see overview.ts). */

const isCurrency = (unit: string) => /^[A-Z]{3}$/.test(unit);

/** How an output is drawn on an axis: money in ¥bn or millions, units in thousands, a win-win as 0/1. */
export function axisOf(m: Metric): { scale: number; label: string } {
  if (isCurrency(m.unit)) return { scale: moneyScale(m.unit), label: moneyUnit(m.unit) };
  if (m.unit === "units") return { scale: 1e3, label: "thousand units" };
  return { scale: 1, label: m.unit === "probability" ? "1 = win-win, 0 = not" : m.unit };
}

/** A parameter's value as text: parameters are rates, multipliers or amounts, and three significant digits read well for each. */
export const parameterValue = (x: number) => (Math.abs(x) >= 1e4 ? Math.round(x).toLocaleString("en-US") : Number(x.toPrecision(3)).toString());

/** The draws of one output in equal-width bins, with its P5, median and P95 marked. */
export function histogramChart(
  detail: Pick<OutputDetail, "metric" | "histogram">,
  summary: Summary | undefined,
  width: number,
  names: Names = ID_NAMES,
): Plot.PlotOptions {
  const { metric, histogram } = detail;
  const { scale, label } = axisOf(metric);
  const bins = histogram.counts.map((count, i) => {
    const [x1, x2] = [(histogram.edges[i] as number) / scale, (histogram.edges[i + 1] as number) / scale];
    return { x1, x2, count, tip: `${fixed(x1, 1)} to ${fixed(x2, 1)} ${label}: ${count} draw${count === 1 ? "" : "s"}` };
  });
  const marks = summary
    ? [
        { at: summary.p5 / scale, label: "P5" },
        { at: summary.p50 / scale, label: "P50" },
        { at: summary.p95 / scale, label: "P95" },
      ]
    : [];
  return {
    width,
    height: 260,
    x: { label: `${metricLabel(metric, names)} (${label})`, grid: true },
    y: { label: "draws", grid: true },
    marks: [
      Plot.rectY(bins, { x1: "x1", x2: "x2", y: "count", fill: AFTER, inset: 0.5, title: "tip", tip: true }),
      Plot.ruleY([0]),
      Plot.ruleX(marks, { x: "at", stroke: "black", strokeDasharray: "4,3" }),
      Plot.text(marks, { x: "at", text: "label", frameAnchor: "top", dy: -2, lineAnchor: "bottom" }),
    ],
  };
}

/** An output's value in words: money with its symbol and scale, a probability in per cent, else a plain number. */
function shown(m: Metric, x: number): string {
  if (isCurrency(m.unit)) return money(x, m.unit);
  if (m.unit === "probability") return `${fixed(x * 100, 1)}%`;
  return m.unit === "units" ? `${fixed(x / 1e3, 1)}k units` : fixed(x, 1);
}

const LOW = PALETTE[1] as string;
const HIGH = PALETTE[0] as string;

interface Swing {
  parameter: string;
  end: string;
  x1: number;
  x2: number;
  side: "low" | "high";
}

/** One-at-a-time swings of an output: a bar from the output as written to the output with each parameter at its low and at its high end. */
export function tornadoChart(detail: Pick<OutputDetail, "metric" | "tornado">, width: number, names: Names = ID_NAMES): Plot.PlotOptions {
  const { metric, tornado } = detail;
  const { scale, label } = axisOf(metric);
  const parameters = tornado.swings.map((s) => s.parameter);
  const bars: Swing[] = tornado.swings.flatMap((s) => [
    { parameter: s.parameter, end: `at its low end (${parameterValue(s.low)})`, x1: tornado.base / scale, x2: s.atLow / scale, side: "low" as const },
    { parameter: s.parameter, end: `at its high end (${parameterValue(s.high)})`, x1: tornado.base / scale, x2: s.atHigh / scale, side: "high" as const },
  ]);
  return {
    width,
    height: 60 + parameters.length * 30,
    marginLeft: Math.min(240, width * 0.35),
    x: { label: `${metricLabel(metric, names)} (${label})`, grid: true },
    y: { label: null, domain: parameters },
    color: { domain: ["low", "high"], range: [LOW, HIGH], legend: true, tickFormat: (d: string) => `parameter at its ${d} end` },
    marks: [
      Plot.barX(bars, {
        x1: "x1",
        x2: "x2",
        y: "parameter",
        fill: "side",
        title: (d: Swing) => `${d.parameter} ${d.end}: ${shown(metric, d.x2 * scale)}`,
        tip: true,
      }),
      Plot.ruleX([tornado.base / scale], { stroke: "black" }),
    ],
  };
}

/** P5 to P95 of each money output with its median, on one axis when they share a currency. */
export function spreadChart(outputs: readonly { metric: Metric; summary: Summary }[], width: number, names: Names = ID_NAMES): Plot.PlotOptions {
  const unit = [...new Set(outputs.map((o) => o.metric.unit))];
  const scaled = outputs.map(({ metric: m, summary: s }) => {
    const k = moneyScale(m.unit);
    const name = metricLabel(m, names);
    const tip = `${name}: median ${money(s.p50, m.unit)} (P5 ${money(s.p5, m.unit)}, P95 ${money(s.p95, m.unit)})`;
    return { name, p5: s.p5 / k, p50: s.p50 / k, p95: s.p95 / k, mean: s.mean / k, tip };
  });
  const marginLeft = Math.min(300, width * 0.4);
  // Tick labels at 10 px take about 5.5 px a character: long deal names are cut in the middle to fit the margin.
  const chars = Math.max(12, Math.floor((marginLeft - 12) / 5.5));
  return {
    width,
    height: 40 + scaled.length * 28,
    marginLeft,
    x: { label: unit.length === 1 ? moneyUnit(unit[0] as string) : null, grid: true },
    y: { label: null, domain: scaled.map((d) => d.name), tickFormat: (d: string) => fitLabel(d, chars) },
    marks: [
      Plot.ruleX([0]),
      Plot.link(scaled, { x1: "p5", x2: "p95", y1: "name", y2: "name", stroke: AFTER, strokeWidth: 6, strokeOpacity: 0.5 }),
      Plot.dot(scaled, { x: "p50", y: "name", fill: "black", r: 3, title: "tip", tip: true }),
    ],
  };
}
