import * as Plot from "@observablehq/plot";
import type { Metric, Summary } from "@tieup/core";
import { Chart } from "../components/Chart.js";
import { DataTable } from "../components/DataTable.js";
import type { OutputDetail } from "../engine/sweep.js";
import { money, moneyScale, moneyUnit, percent } from "../ui/format.js";
import { AFTER, PALETTE } from "../ui/palette.js";

const isCurrency = (unit: string) => /^[A-Z]{3}$/.test(unit);

/** How an output is drawn on an axis: money in ¥bn or millions, units in thousands, a win-win as 0/1. */
export function axisOf(m: Metric): { scale: number; label: string } {
  if (isCurrency(m.unit)) return { scale: moneyScale(m.unit), label: moneyUnit(m.unit) };
  if (m.unit === "units") return { scale: 1e3, label: "thousand units" };
  return { scale: 1, label: m.unit === "probability" ? "1 = win-win, 0 = not" : m.unit };
}

/** An output's value as text: money with its currency, a probability in %, else a plain number. */
export function shownValue(m: Metric, x: number): string {
  if (isCurrency(m.unit)) return money(x, m.unit);
  if (m.unit === "probability") return percent(x);
  return Math.round(x).toLocaleString("en-US");
}

// Parameters are rates, multipliers or amounts: three significant digits read well for each.
const param = (x: number) => (Math.abs(x) >= 1e4 ? Math.round(x).toLocaleString("en-US") : Number(x.toPrecision(3)).toString());

/** The draws of one output in equal-width bins, with its P5, median and P95 marked. */
export function Histogram({ detail, summary, draws }: { detail: OutputDetail; summary: Summary | undefined; draws: number }) {
  const { metric, histogram } = detail;
  const { scale, label } = axisOf(metric);
  const bins = histogram.counts.map((count, i) => ({ x1: (histogram.edges[i] as number) / scale, x2: (histogram.edges[i + 1] as number) / scale, count }));
  const marks = summary
    ? [
        { at: summary.p5 / scale, label: "P5" },
        { at: summary.p50 / scale, label: "P50" },
        { at: summary.p95 / scale, label: "P95" },
      ]
    : [];
  return (
    <Chart
      title={`Distribution of ${metric.name} over ${draws} draws (${label})`}
      name="uncertainty-histogram"
      deps={[detail, summary]}
      note={summary ? `P5 ${shownValue(metric, summary.p5)} · median ${shownValue(metric, summary.p50)} · P95 ${shownValue(metric, summary.p95)}` : undefined}
      draw={(width) =>
        Plot.plot({
          width,
          height: 260,
          x: { label: `${metric.name} (${label})`, grid: true },
          y: { label: "draws", grid: true },
          marks: [
            Plot.rectY(bins, { x1: "x1", x2: "x2", y: "count", fill: AFTER, inset: 0.5, tip: true }),
            Plot.ruleY([0]),
            Plot.ruleX(marks, { x: "at", stroke: "black", strokeDasharray: "4,3" }),
            Plot.text(marks, { x: "at", text: "label", frameAnchor: "top", dy: -2, lineAnchor: "bottom" }),
          ],
        })
      }
    />
  );
}

const LOW = PALETTE[1] as string;
const HIGH = PALETTE[0] as string;

/** One-at-a-time swings of an output: each parameter at its low and at its high end, the others as written; largest swing on top. */
export function Tornado({ detail }: { detail: OutputDetail }) {
  const { metric, tornado } = detail;
  const { scale, label } = axisOf(metric);
  const names = tornado.swings.map((s) => s.parameter);
  const bars = tornado.swings.flatMap((s) => [
    { parameter: s.parameter, end: `at its low end (${param(s.low)})`, x1: tornado.base / scale, x2: s.atLow / scale, side: "low" },
    { parameter: s.parameter, end: `at its high end (${param(s.high)})`, x1: tornado.base / scale, x2: s.atHigh / scale, side: "high" },
  ]);
  return (
    <>
      <Chart
        title={`What moves ${metric.name} most: each parameter from its low to its high end (${label})`}
        name="uncertainty-tornado"
        deps={[detail]}
        note={
          <>
            Every other parameter as written; the line is the output with all of them as written:{" "}
            <strong data-figure="tornado-base">{shownValue(metric, tornado.base)}</strong>. Low and high are P5 and P95 (a regime's lowest and highest value).
          </>
        }
        draw={(width) =>
          Plot.plot({
            width,
            height: 60 + names.length * 30,
            marginLeft: Math.min(240, width * 0.35),
            x: { label: `${metric.name} (${label})`, grid: true },
            y: { label: null, domain: names },
            color: { domain: ["low", "high"], range: [LOW, HIGH], legend: true, tickFormat: (d: string) => `parameter at its ${d} end` },
            marks: [
              Plot.barX(bars, { x1: "x1", x2: "x2", y: "parameter", fill: "side", title: (d: (typeof bars)[number]) => `${d.parameter} ${d.end}` }),
              Plot.ruleX([tornado.base / scale], { stroke: "black" }),
            ],
          })
        }
      />
      <DataTable
        testId="tornado-table"
        caption={`Swings of ${metric.name}, largest first`}
        headers={["parameter", "low", "high", "output at low", "output at high", "swing"]}
        rows={tornado.swings.map((s) => ({
          key: s.parameter,
          cells: [s.parameter, param(s.low), param(s.high), shownValue(metric, s.atLow), shownValue(metric, s.atHigh), shownValue(metric, s.swing)],
        }))}
      />
    </>
  );
}
