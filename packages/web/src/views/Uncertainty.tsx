import * as Plot from "@observablehq/plot";
import { money, moneyUnit, percent } from "@tieup/charts/format";
import { metricLabel, type Names, namesOf } from "@tieup/charts/names";
import { spreadChart } from "@tieup/charts/uncertainty";
import { chanceEvent, isChance, type Metric, type Summary } from "@tieup/core";
import { useEffect, useRef, useState } from "react";
import { Chart } from "../components/Chart.js";
import { DataTable } from "../components/DataTable.js";
import { TailsNote } from "../components/TailsNote.js";
import { DEFAULT_ENTRY, type OutputDetail, type SobolView, type SweepRequest, type SweepResult, UNCERTAIN_DEFAULT } from "../engine/sweep.js";
import type { SweepCommand, SweepMessage } from "../engine/sweep.worker.js";
import { sweepExport } from "../export/view-tables.js";
import type { ViewProps } from "../state/view-props.js";
import { Histogram, Tornado } from "./OutputCharts.js";
import { SobolPanel } from "./Sobol.js";

type Output = { metric: Metric; summary: Summary };

const isCurrency = (unit: string) => /^[A-Z]{3}$/.test(unit);
const shown = (m: Metric, x: number) => (isCurrency(m.unit) ? money(x, m.unit) : m.unit === "probability" ? percent(x) : x.toFixed(0));

const send = (w: Worker, cmd: SweepCommand) => w.postMessage(cmd);

/**
 * Monte Carlo over the scenario's uncertainty block (as `tieup sweep`), with
 * the controls applied: spreads of the outputs and P(win-win), and for the
 * output picked (`out=` in the address) its histogram and tornado.
 */
export function Uncertainty({ snap, state, update, source, edited }: ViewProps) {
  const names = namesOf(snap.meta);
  const [draws, setDraws] = useState(200);
  const [seed, setSeed] = useState(1);
  const [done, setDone] = useState(0);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<SweepResult>();
  const [error, setError] = useState<string>();
  const [detail, setDetail] = useState<OutputDetail>();
  const [sobolView, setSobol] = useState<SobolView>();
  const [sobolRunning, setSobolRunning] = useState(false);
  const worker = useRef<Worker | null>(null);
  useEffect(() => () => worker.current?.terminate(), []);
  // What the shown result was drawn with: once the controls, overrides or files move on, it is marked out of date.
  const [drawnWith, setDrawnWith] = useState<{ key: string; source: ViewProps["source"] }>();
  const inputsKey = JSON.stringify([state.with, state.controls, edited ?? null]);
  const stale = result !== undefined && drawnWith !== undefined && (drawnWith.key !== inputsKey || drawnWith.source !== source);

  // The worker keeps the draws: another output's histogram and tornado need no new draws.
  useEffect(() => {
    const known = result?.outputs.some((o) => o.metric.name === state.out);
    if (worker.current && known && state.out !== undefined && state.out !== detail?.name) send(worker.current, { kind: "detail", out: state.out });
  }, [state.out, result, detail]);

  const run = async () => {
    if (!source) return;
    // A served default brings only its own files: the bundled uncertain default, which extends it, is where its distributions are.
    const borrows = source.entry === DEFAULT_ENTRY && source.files[UNCERTAIN_DEFAULT] === undefined;
    const fallback = borrows ? (await import("../engine/bundled.js")).bundledFiles() : undefined;
    worker.current?.terminate();
    const w = new Worker(new URL("../engine/sweep.worker.ts", import.meta.url), { type: "module" });
    worker.current = w;
    setRunning(true);
    setSobol(undefined);
    setSobolRunning(false);
    setDrawnWith({ key: inputsKey, source });
    setDone(0);
    setError(undefined);
    w.onmessage = (e: MessageEvent<SweepMessage>) => {
      const m = e.data;
      if (m.kind === "progress") setDone(m.done);
      else if (m.kind === "detail") setDetail(m.detail);
      else if (m.kind === "sobol") {
        setSobol(m.sobol);
        setSobolRunning(false);
      } else {
        setRunning(false);
        if (m.kind === "done") setResult(m.result);
        else setError(m.message);
      }
    };
    const req: SweepRequest = {
      source,
      with: state.with,
      controls: state.controls,
      draws,
      seed,
      ...(edited === undefined ? {} : { entryText: edited }),
      ...(fallback ? { fallback } : {}),
    };
    send(w, { kind: "sweep", req, ...(state.out ? { out: state.out } : {}) });
  };

  return (
    <section aria-labelledby="uncertainty-title">
      <h2 id="uncertainty-title">Uncertainty</h2>
      <p className="note">
        Draws the scenario's uncertain parameters (its <code>uncertainty:</code> block; the default scenario borrows the one of
        scenarios/nissan-honda-us-uncertain.yaml, which extends it) with the controls applied, as <code>tieup sweep</code> does with the same seed. A control on
        a value a parameter sets fixes that value: it is not drawn.
      </p>
      <div className="sweep-form">
        <label htmlFor="sweep-draws">Draws</label>
        <select id="sweep-draws" value={draws} onChange={(e) => setDraws(Number(e.target.value))}>
          {[100, 200, 500, 1000, 2000].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <label htmlFor="sweep-seed">Seed</label>
        <input id="sweep-seed" type="number" value={seed} onChange={(e) => setSeed(Math.trunc(Number(e.target.value)) || 0)} />
        <button type="button" onClick={run} disabled={running || !source}>
          {running ? `Drawing… ${done}/${draws}` : "Run"}
        </button>
        {running ? <progress max={draws} value={done} aria-label="draws done" /> : null}
        {running ? (
          <button type="button" onClick={() => worker.current && send(worker.current, { kind: "stop" })}>
            Stop
          </button>
        ) : null}
      </div>
      {error ? <p className="bad">{error}</p> : null}
      {stale ? (
        <p className="bad" data-testid="sweep-stale">
          Out of date: the controls, overrides or scenario changed since these draws. Run again to draw what is on screen now.
        </p>
      ) : null}
      {result ? (
        <div className={stale ? "stale" : undefined}>
          <SweepOutputs result={result} names={names} />
        </div>
      ) : null}
      {result ? (
        <OutputPicker
          result={result}
          value={result.outputs.some((o) => o.metric.name === state.out) ? state.out : detail?.name}
          onPick={(out) => update({ out })}
          names={names}
        />
      ) : null}
      {result && detail ? (
        <>
          <Histogram detail={detail} summary={result.outputs.find((o) => o.metric.name === detail.name)?.summary} draws={result.draws} names={names} />
          <Tornado detail={detail} names={names} />
          <SobolPanel
            view={sobolView?.name === detail.name ? sobolView : undefined}
            computing={sobolRunning}
            parameters={detail.tornado.swings.length}
            names={names}
            onRun={(n) => {
              if (!worker.current) return;
              setSobolRunning(true);
              send(worker.current, { kind: "sobol", out: detail.name, n });
            }}
          />
        </>
      ) : null}
    </section>
  );
}

/** Every output the sweep reports, for the histogram and the tornado. */
export function OutputPicker({
  result,
  value,
  onPick,
  names,
}: {
  result: SweepResult;
  value: string | undefined;
  onPick: (out: string) => void;
  names?: Names | undefined;
}) {
  return (
    <div className="sweep-form">
      <label htmlFor="sweep-output">Output</label>
      <select id="sweep-output" value={value ?? result.outputs[0]?.metric.name} onChange={(e) => onPick(e.target.value)}>
        {result.outputs.map(({ metric: m }) => (
          <option key={m.name} value={m.name}>
            {names ? metricLabel(m, names) : m.name} ({m.unit})
          </option>
        ))}
      </select>
    </div>
  );
}

function SweepOutputs({ result, names }: { result: SweepResult; names: Names }) {
  const values = result.outputs.filter((o) => !isChance(o.metric) && isCurrency(o.metric.unit));
  const winwin = result.outputs.filter((o) => isChance(o.metric));
  const unit = [...new Set(values.map((o) => o.metric.unit))];
  return (
    <>
      {result.requested !== undefined ? (
        <p className="bad" data-testid="sweep-stopped">
          Stopped after {result.draws} of {result.requested} draws: the statistics of the first {result.draws} draws (the same as {result.draws} draws with seed{" "}
          {result.seed}).
        </p>
      ) : null}
      <p className="note">
        {result.draws} draws of {result.scenario}, seed {result.seed}, in {(result.ms / 1000).toFixed(1)} s; uncertain: {result.parameters.join(", ")}.
        {result.borrowed ? ` The distributions are those of ${result.borrowed}: this scenario has no uncertainty block of its own.` : ""}
      </p>
      {result.pinned ? (
        <p className="note" data-testid="sweep-pinned">
          Fixed by the controls, not drawn: {result.pinned.join(", ")}.
        </p>
      ) : null}
      <Chart
        title={`P5–P95 of each output, median dotted (${unit.length === 1 ? moneyUnit(unit[0] as string) : "each output's currency"})`}
        name="uncertainty-spread"
        deps={[result]}
        draw={(width) => Plot.plot(spreadChart(values, width, names))}
      />
      <TailsNote summaries={values.map((o) => o.summary)} />
      <DataTable
        testId="sweep-table"
        caption="Distribution of each output"
        exportAs={{ table: sweepExport(values, names), base: values[0]?.metric.unit ?? "USD" }}
        headers={["output", "mean", "P5", "P50", "P95", "P(< 0)"]}
        rows={values.map(({ metric: m, summary: s }) => ({
          key: m.name,
          cells: [metricLabel(m, names), shown(m, s.mean), shown(m, s.p5), shown(m, s.p50), shown(m, s.p95), percent(s.pNegative)],
        }))}
      />
      {winwin.length > 0 ? (
        <DataTable
          caption="Probability that each deal is win-win (every party's NPV gain > 0 at the base case's price) and that a zone of agreement exists"
          exportAs={{ table: sweepExport(winwin, names, "winwin"), base: "USD" }}
          headers={["deal", "parties", "event", "probability"]}
          rows={winwin.map(({ metric: m, summary: s }: Output) => ({
            key: m.name,
            cells: [
              ...(isChance(m) ? [names.deal(m.deal), m.parties.map(names.company).join(" + "), chanceEvent(m)] : [metricLabel(m, names), "", m.kind]),
              percent(s.mean),
            ],
          }))}
        />
      ) : null}
    </>
  );
}
