import { metricLabel, type Names } from "@tieup/charts/names";
import { sobolTable } from "@tieup/core";
import { useState } from "react";
import { DataTable } from "../components/DataTable.js";
import type { SobolView } from "../engine/sweep.js";
import { shownValue } from "./OutputCharts.js";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * Variance-based sensitivity of the output picked, beside the one-at-a-time
 * tornado: the share of its variance each parameter explains alone (first
 * order) and with its interactions (total), with 95% bootstrap intervals.
 */
export function SobolPanel({
  view,
  computing,
  parameters,
  onRun,
  names,
}: {
  view: SobolView | undefined;
  computing: boolean;
  parameters: number;
  onRun: (n: number) => void;
  names: Names;
}) {
  const [n, setN] = useState(64);
  return (
    <section aria-labelledby="sobol-title" className="sobol">
      <h3 id="sobol-title">Variance-based (Sobol) indices</h3>
      <div className="sweep-form">
        <label htmlFor="sobol-rows">Rows</label>
        <select id="sobol-rows" value={n} onChange={(e) => setN(Number(e.target.value))}>
          {[32, 64, 128, 256].map((k) => (
            <option key={k} value={k}>
              {k} ({k * (parameters + 2)} evaluations)
            </option>
          ))}
        </select>
        <button type="button" onClick={() => onRun(n)} disabled={computing}>
          {computing ? "Computing…" : "Compute"}
        </button>
      </div>
      {view ? <SobolTable view={view} names={names} /> : null}
    </section>
  );
}

function SobolTable({ view, names }: { view: SobolView; names: Names }) {
  const { result: r, metric } = view;
  const sorted = [...r.indices].sort((a, b) => b.total - a.total);
  return (
    <DataTable
      testId="sobol-table"
      caption={`Share of the variance of ${metricLabel(metric, names)} (sd ${shownValue(metric, Math.sqrt(r.variance))}) each parameter explains; Saltelli sampling, ${r.n} rows, ${r.evaluations} evaluations, 95% bootstrap intervals${view.correlated ? "; inputs drawn independently: the block's rank correlations are not applied here" : ""}`}
      exportAs={{ table: sobolTable(sorted), base: metric.unit }}
      headers={["parameter", "first order", "95% interval", "total", "95% interval"]}
      rows={sorted.map((x) => ({
        key: x.parameter,
        cells: [x.parameter, pct(x.first), `${pct(x.firstLow)}–${pct(x.firstHigh)}`, pct(x.total), `${pct(x.totalLow)}–${pct(x.totalHigh)}`],
      }))}
    />
  );
}
