import * as Plot from "@observablehq/plot";
import { money, percent } from "@tieup/charts/format";
import { ID_NAMES, metricLabel, type Names } from "@tieup/charts/names";
import { axisOf, histogramChart, parameterValue, tornadoChart } from "@tieup/charts/uncertainty";
import type { Metric, Summary } from "@tieup/core";
import { Chart } from "../components/Chart.js";
import { DataTable } from "../components/DataTable.js";
import type { OutputDetail } from "../engine/sweep.js";
import { tornadoExport } from "../export/view-tables.js";

const isCurrency = (unit: string) => /^[A-Z]{3}$/.test(unit);

/** An output's value as text: money with its currency, a probability in %, else a plain number. */
export function shownValue(m: Metric, x: number): string {
  if (isCurrency(m.unit)) return money(x, m.unit);
  if (m.unit === "probability") return percent(x);
  return Math.round(x).toLocaleString("en-US");
}

/** The draws of one output in equal-width bins, with its P5, median and P95 marked. */
export function Histogram({ detail, summary, draws, names = ID_NAMES }: { detail: OutputDetail; summary: Summary | undefined; draws: number; names?: Names }) {
  const { metric } = detail;
  const { label } = axisOf(metric);
  return (
    <Chart
      title={`Distribution of ${metricLabel(metric, names)} over ${draws} draws (${label})`}
      name="uncertainty-histogram"
      deps={[detail, summary]}
      note={summary ? `P5 ${shownValue(metric, summary.p5)} · median ${shownValue(metric, summary.p50)} · P95 ${shownValue(metric, summary.p95)}` : undefined}
      draw={(width) => Plot.plot(histogramChart(detail, summary, width, names))}
    />
  );
}

/** One-at-a-time swings of an output: each parameter at its low and at its high end, the others as written; largest swing on top. */
export function Tornado({ detail, names = ID_NAMES }: { detail: OutputDetail; names?: Names }) {
  const { metric, tornado } = detail;
  const { label } = axisOf(metric);
  const what = metricLabel(metric, names);
  return (
    <>
      <Chart
        title={`What moves ${what} most: each parameter from its low to its high end (${label})`}
        name="uncertainty-tornado"
        deps={[detail]}
        note={
          <>
            Every other parameter as written; the line is the output with all of them as written:{" "}
            <strong data-figure="tornado-base">{shownValue(metric, tornado.base)}</strong>. Low and high are P5 and P95 (a regime's lowest and highest value).
          </>
        }
        draw={(width) => Plot.plot(tornadoChart(detail, width, names))}
      />
      <DataTable
        testId="tornado-table"
        caption={`Swings of ${what}, largest first`}
        exportAs={{ table: tornadoExport(tornado.swings, metric), base: metric.unit }}
        headers={["parameter", "low", "high", "output at low", "output at high", "swing"]}
        rows={tornado.swings.map((s) => ({
          key: s.parameter,
          cells: [
            s.parameter,
            parameterValue(s.low),
            parameterValue(s.high),
            shownValue(metric, s.atLow),
            shownValue(metric, s.atHigh),
            shownValue(metric, s.swing),
          ],
        }))}
      />
    </>
  );
}
