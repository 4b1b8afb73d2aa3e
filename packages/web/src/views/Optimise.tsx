import * as Plot from "@observablehq/plot";
import { money, moneyUnit, percent, perUnit, thousandUnits } from "@tieup/charts/format";
import { ID_NAMES, type Names, namesOf } from "@tieup/charts/names";
import { optimisePlantChart, optimiseProfitChart, plantsIn } from "@tieup/charts/optimise";
import { type Cell, cellNumber as n, rows } from "@tieup/core";
import { useEffect, useRef, useState } from "react";
import { Chart } from "../components/Chart.js";
import { DataTable } from "../components/DataTable.js";
import type { OptimiseRequest, OptimiseResult } from "../engine/optimise.js";
import type { ViewProps } from "../state/view-props.js";

type Solved = Extract<OptimiseResult, { ok: true }>;

/**
 * The alliance optimisation (`tieup optimize`) on the workspace's scenario
 * with its controls, solved by HiGHS in a worker of its own whenever the
 * scenario, the controls or the objective (`objective=` in the address) change.
 */
export function Optimise({ state, update, source, edited, snap, focus }: ViewProps) {
  const objective = state.objective ?? "alliance";
  const [reply, setReply] = useState<OptimiseResult>();
  const [solving, setSolving] = useState(false);
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const w = new Worker(new URL("../engine/optimise.worker.ts", import.meta.url), { type: "module" });
    w.onmessage = (e: MessageEvent<OptimiseResult>) => {
      // Only the answer to the newest request is shown; older ones are already out of date.
      if (e.data.id !== latest.current) return;
      setReply(e.data);
      setSolving(false);
    };
    worker.current = w;
    return () => w.terminate();
  }, []);

  useEffect(() => {
    if (!source || !worker.current) return;
    const id = ++latest.current;
    const req: OptimiseRequest = { id, source, with: state.with, controls: state.controls, objective, ...(edited === undefined ? {} : { entryText: edited }) };
    setSolving(true);
    worker.current.postMessage(req);
  }, [source, edited, state.with, state.controls, objective]);

  const choices = ["alliance", "alliance-fair", ...snap.meta.companies.map((c) => `company:${c.id}`)];
  return (
    <section aria-labelledby="optimise-title">
      <h2 id="optimise-title">Optimise</h2>
      <p className="note">
        Where should each vehicle be built? The allocation LP of <code>tieup optimize</code> (HiGHS in WebAssembly) on the scenario with the controls applied:
        profit is contribution − fixed cost over the horizon, in the base currency; demand is a ceiling.
      </p>
      <div className="sweep-form">
        <label htmlFor="optimise-objective">Objective</label>
        <select id="optimise-objective" value={objective} onChange={(e) => update({ objective: e.target.value })}>
          {choices.map((c) => (
            <option key={c} value={c}>
              {c === "alliance"
                ? "alliance (sum of profits)"
                : c === "alliance-fair"
                  ? "alliance-fair (no company below its stand-alone optimum)"
                  : `${namesOf(snap.meta).company(c.slice("company:".length))} alone`}
            </option>
          ))}
        </select>
        {solving ? (
          <span className="spinner" role="status" aria-live="polite">
            Solving…
          </span>
        ) : null}
      </div>
      {reply && !reply.ok ? <p className="bad">{reply.message}</p> : null}
      {reply?.ok ? (
        <OptimiseOutputs result={reply} focus={reply.periods.includes(focus) ? focus : (reply.periods[0] ?? "")} names={namesOf(snap.meta)} />
      ) : null}
    </section>
  );
}

/** The optimum against own sourcing and the stand-alone optima, what moves between companies, and the plants before and after. */
export function OptimiseOutputs({ result: r, focus, names = ID_NAMES }: { result: Solved; focus: string; names?: Names }) {
  const unit = moneyUnit(r.base);
  const companies = rows(r.tables.companies);
  const plants = plantsIn(r.tables.plants, focus);
  const maybe = (x: Cell | undefined) => (typeof x === "number" ? x : null);
  return (
    <>
      <p className="note">
        {r.scenario}, objective {r.objective}: {r.size.vars} variables, {r.size.rows} rows; solved in {r.solveMs.toFixed(0)} ms ({r.ms.toFixed(0)} ms with the
        model building).
      </p>
      {r.cooperation ? (
        <div className="headline">
          <div className="card">
            <h3>Value of cooperation</h3>
            <dl>
              <dt>alliance optimum</dt>
              <dd>{money(r.cooperation.alliance, r.base)}</dd>
              <dt>Σ stand-alone optima</dt>
              <dd>{money(r.cooperation.standAloneTotal, r.base)}</dd>
              <dt>value of cooperation</dt>
              <dd data-figure="cooperation-value">{money(r.cooperation.value, r.base)}</dd>
            </dl>
          </div>
        </div>
      ) : null}
      <Chart
        title={`Profit per company over the horizon (${unit})`}
        name="optimise-profit"
        deps={[r]}
        draw={(width) => Plot.plot(optimiseProfitChart(r.tables.companies, r.base, width, unit, names))}
      />
      <DataTable
        testId="optimise-companies"
        caption="Profit per company over the horizon"
        exportAs={{ table: r.tables.companies, base: r.base }}
        headers={["company", "own sourcing", "optimum", "change", "stand-alone optimum"]}
        rows={companies.map((c) => ({
          key: String(c.company),
          cells: [
            names.company(String(c.company)),
            money(n(c.ownSourcing), r.base),
            money(n(c.optimum), r.base),
            money(n(c.change), r.base),
            maybe(c.standAlone) === null ? "–" : money(n(c.standAlone), r.base),
          ],
        }))}
      />
      <CrossBuilt result={r} names={names} />
      <Chart
        title={`Plant utilisation in ${focus}: own sourcing and at the optimum`}
        name={`optimise-plants-${focus}`}
        deps={[r, focus]}
        draw={(width) => Plot.plot(optimisePlantChart(r.tables.plants, focus, width, names))}
      />
      <DataTable
        testId="optimise-plants"
        caption={`Plants in ${focus}; the shadow price is the profit of one more unit of capacity (${r.base} per unit, from the LP's duals)`}
        exportAs={{ table: r.tables.plants, base: r.base }}
        headers={["plant", "owner", "capacity", "own sourcing", "optimum", "utilisation before", "after", "shadow price"]}
        rows={plants.map((p) => ({
          key: String(p.plant),
          cells: [
            names.plant(String(p.plant)),
            names.company(String(p.owner)),
            thousandUnits(n(p.capacity)),
            thousandUnits(n(p.ownOutput)),
            thousandUnits(n(p.output)),
            percent(n(p.ownUtilisation)),
            percent(n(p.utilisation)),
            perUnit(maybe(p.shadowPrice), r.base),
          ],
        }))}
      />
      {r.warnings.length > 0 ? (
        <ul className="note">
          {r.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function CrossBuilt({ result: r, names }: { result: Solved; names: Names }) {
  const cross = rows(r.tables.crossBuilt);
  if (cross.length === 0) return <p className="note">At the optimum no program is built at another company's plant.</p>;
  return (
    <DataTable
      testId="optimise-cross"
      caption="Programs built at another company's plant at the optimum (units over the horizon)"
      exportAs={{ table: r.tables.crossBuilt, base: r.base }}
      headers={["program", "seller", "plant", "builder", "market", "units"]}
      rows={cross.map((x) => ({
        key: `${x.program}:${x.plant}:${x.market}`,
        cells: [
          names.program(String(x.program)),
          names.company(String(x.seller)),
          names.plant(String(x.plant)),
          names.company(String(x.builder)),
          names.market(String(x.market)),
          thousandUnits(n(x.units)),
        ],
      }))}
    />
  );
}
