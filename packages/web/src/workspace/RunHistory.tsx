import { money, percent, thousandUnits } from "@tieup/charts/format";
import { useEffect, useState } from "react";
import { DataTable } from "../components/DataTable.js";
import { TailsNote } from "../components/TailsNote.js";
import { isActive, type RunInfo, type WorkspaceApi } from "./api.js";
import type { Opened } from "./useSource.js";

interface Props {
  api: WorkspaceApi;
  opened: Opened;
  runs: RunInfo[];
  onChange(): void;
  onError(e: unknown): void;
}

/** Runs of the open scenario, newest first, with their progress and a cancel; a sweep on the server; the chosen run's result. */
export function RunHistory({ api, opened, runs, onChange, onError }: Props) {
  const [draws, setDraws] = useState("2000");
  const [seed, setSeed] = useState("1");
  const [shown, setShown] = useState<string>();
  const start = () => {
    api.startRun(opened.id, "sweep", opened.version, { draws: Number(draws), seed: Number(seed) }).then((r) => {
      setShown(r.id);
      onChange();
    }, onError);
  };
  // The list carries no results (they can be large): the chosen run's is read once it has ended.
  const listed = runs.find((r) => r.id === shown);
  const [full, setFull] = useState<RunInfo>();
  const ended = listed !== undefined && !isActive(listed.status);
  useEffect(() => {
    if (shown && ended) api.run(shown).then(setFull, onError);
  }, [api, shown, ended, onError]);
  const chosen = full && full.id === shown ? full : listed;
  return (
    <section className="runs" aria-label="Runs">
      <h3>Runs</h3>
      <div className="save-row">
        <label>
          Draws <input type="number" min={1} max={1000000} value={draws} onChange={(e) => setDraws(e.target.value)} data-testid="sweep-draws" />
        </label>
        <label>
          Seed <input type="number" value={seed} onChange={(e) => setSeed(e.target.value)} />
        </label>
        <button type="button" onClick={start}>
          Run a sweep of v{opened.version} on the server
        </button>
      </div>
      <DataTable
        caption="Runs of this scenario, newest first (kept with the version they ran)"
        testId="runs"
        headers={["Run", "Kind", "Version", "Status", "Progress", "Started", ""]}
        rows={runs.map((r) => ({
          key: r.id,
          cells: [
            <button key="show" type="button" className="link" onClick={() => setShown(r.id)} aria-pressed={r.id === shown}>
              {r.id.slice(0, 8)}
            </button>,
            r.kind,
            `v${r.version}`,
            <span key="status" data-status={r.status}>
              {r.status}
            </span>,
            progressOf(r),
            `${r.createdAt.slice(0, 10)} ${r.createdAt.slice(11, 19)}`,
            isActive(r.status) ? (
              <button key="cancel" type="button" onClick={() => api.cancel(r.id).then(onChange, onError)}>
                Cancel
              </button>
            ) : (
              ""
            ),
          ],
        }))}
      />
      {chosen ? <RunResult run={chosen} /> : null}
    </section>
  );
}

/** A sweep's progress in draws (25 of 100,000 is progress a percentage would round away); other runs' in percent. */
export function progressOf(r: RunInfo): string {
  const draws = r.kind === "sweep" ? Number((r.params as { draws?: unknown } | null)?.draws) : Number.NaN;
  if (!Number.isFinite(draws)) return `${Math.round(r.progress * 100)}%`;
  return `${Math.round(r.progress * draws).toLocaleString("en-US")} of ${draws.toLocaleString("en-US")} draws`;
}

interface SweepOutput {
  metric: { name: string; unit: string };
  summary: { count: number; mean: number | null; p5: number | null; p50: number | null; p95: number | null; tailsRelativeError?: number };
}

interface CompareRow {
  company: string;
  period: string;
  currency: string;
  operatingProfit_base: number | null;
  operatingProfit: number | null;
  operatingProfit_delta: number | null;
}

/** A run's result in the app's words: a sweep's statistics, a comparison's profit deltas, otherwise its tables' sizes. */
export function RunResult({ run }: { run: RunInfo }) {
  const title = `Run ${run.id.slice(0, 8)}: ${run.kind} of v${run.version}`;
  if (run.status === "failed") return <p className="bad">{`${title} failed: ${run.error ?? "no reason given"}`}</p>;
  if (isActive(run.status)) return <p className="note">{`${title} is ${run.status} (${Math.round(run.progress * 100)}%).`}</p>;
  const result = run.result as { note?: string; outputs?: SweepOutput[]; tables?: Record<string, unknown[]> } | undefined;
  if (!result) return <p className="note">{`${title} ended ${run.status} with no result.`}</p>;
  if (run.kind === "sweep" && result.outputs)
    return (
      <div data-testid="run-result">
        {result.note ? <p className="warn">{result.note}</p> : null}
        <TailsNote summaries={result.outputs.map((o) => o.summary)} />
        <DataTable
          caption={title}
          headers={["Output", "Draws", "Mean", "P5", "P50", "P95"]}
          rows={result.outputs.map((o) => ({
            key: o.metric.name,
            cells: [o.metric.name, o.summary.count, ...[o.summary.mean, o.summary.p5, o.summary.p50, o.summary.p95].map((x) => valueIn(x, o.metric.unit))],
          }))}
        />
      </div>
    );
  const diff = result.tables?.companies_diff as CompareRow[] | undefined;
  if (run.kind === "compare" && diff)
    return (
      <DataTable
        caption={`${title} against the version in its parameters: operating profit`}
        testId="run-result"
        headers={["Company", "Period", "From", "To", "Change"]}
        rows={diff.map((r) => ({
          key: `${r.company}|${r.period}`,
          cells: [
            r.company,
            r.period,
            money(r.operatingProfit_base, r.currency),
            money(r.operatingProfit, r.currency),
            money(r.operatingProfit_delta, r.currency),
          ],
        }))}
      />
    );
  const tables = Object.entries(result.tables ?? {});
  return (
    <p className="note" data-testid="run-result">
      {`${title}: ${tables.map(([name, rows]) => `${name} (${rows.length} rows)`).join(", ") || "no tables"}; the whole result is at /api/runs/${run.id}.`}
    </p>
  );
}

/** A sweep statistic in its metric's unit: money in its currency, probabilities as shares, volumes in thousands. */
export function valueIn(x: number | null, unit: string): string {
  if (unit === "probability") return percent(x);
  if (unit === "units") return thousandUnits(x);
  return /^[A-Z]{3}$/.test(unit) ? money(x, unit) : x === null ? "–" : String(x);
}
