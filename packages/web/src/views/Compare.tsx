import * as Plot from "@observablehq/plot";
import { compareProfitChart } from "@tieup/charts/compare";
import { money } from "@tieup/charts/format";
import { namesOf } from "@tieup/charts/names";
import { type Cell, rows } from "@tieup/core";
import { Chart } from "../components/Chart.js";
import { DataTable } from "../components/DataTable.js";
import { Issues } from "../components/Issues.js";
import { isEmpty } from "../engine/controls.js";
import type { ViewProps } from "../state/view-props.js";
import { unitLabel } from "./Overview.js";

const n = (x: Cell | undefined) => (typeof x === "number" ? x : 0);

/** Two versions of the scenario side by side: as written (with its overrides) against the controls plus other overrides. */
export function Compare({ snap, state, update, focus }: ViewProps) {
  const c = snap.compare;
  return (
    <section aria-labelledby="compare-title">
      <h2 id="compare-title">Compare</h2>
      <fieldset className="inline">
        <legend>Other side: the controls plus these overrides</legend>
        {snap.meta.overrides.map((o) => (
          <span key={o} className="check">
            <input
              id={`vs-${o}`}
              type="checkbox"
              checked={state.vs.includes(o)}
              onChange={(e) => update({ vs: e.target.checked ? [...state.vs, o] : state.vs.filter((x) => x !== o) })}
            />
            <label htmlFor={`vs-${o}`}>{o}</label>
          </span>
        ))}
      </fieldset>
      {sameSides(state) && (
        <p className="note" data-testid="compare-same">
          Both sides are the scenario {state.with.length ? `with ${state.with.join(" + ")}` : "as written"}: tick overrides above or move a control to see a
          difference.
        </p>
      )}
      {snap.compareFailure ? (
        <Issues
          issues={snap.compareFailure.issues}
          title={`The other side (the scenario ${snap.compareFailure.label}) does not validate, so there is nothing to compare; untick an override above`}
        />
      ) : c ? (
        <CompareBody snap={snap} focus={focus} />
      ) : (
        <p>Comparing…</p>
      )}
    </section>
  );
}

/** Whether the other side equals the base: the same overrides and no control moved (Compare's first open). */
export function sameSides(state: Pick<ViewProps["state"], "with" | "vs" | "controls">): boolean {
  const a = new Set(state.with);
  return isEmpty(state.controls) && a.size === new Set(state.vs).size && state.vs.every((o) => a.has(o));
}

function CompareBody({ snap, focus }: Pick<ViewProps, "snap" | "focus">) {
  const c = snap.compare;
  if (!c) return null;
  const list = rows(c.companies);
  const unit = unitLabel(list.map((r) => String(r.currency)));
  const duties = rows(c.companyDuties).filter((r) => r.period === focus && Math.abs(n(r.amount_delta)) > 1e-6);
  const net = (r: Record<string, Cell>, suffix: string) => n(r[`vehicleDuty${suffix}`]) + n(r[`partsDuty${suffix}`]) - n(r[`offset${suffix}`]);
  return (
    <>
      <p className="note">
        Base: {c.baseLabel}. Other: {c.otherLabel}. Differences are matched by company, period and measure; Δ = other − base.
      </p>
      <Chart
        title={`Operating profit (whole company), base and other (${unit})`}
        name="compare-operating-profit"
        deps={[c]}
        draw={(width) => Plot.plot(compareProfitChart(c.companies, c.baseLabel, c.otherLabel, width, unit, namesOf(snap.meta)))}
      />
      <DataTable
        testId="compare-table"
        caption={`Differences in ${focus}`}
        exportAs={{ table: c.companies, base: snap.meta.base }}
        headers={["company", "op. profit base (whole company)", "other", "Δ op. profit", "Δ modelled scope", "Δ net duty"]}
        rows={list
          .filter((r) => r.period === focus)
          .map((r) => {
            const cur = String(r.currency);
            return {
              key: String(r.company),
              cells: [
                namesOf(snap.meta).company(String(r.company)),
                money(n(r.companyOperatingProfit_base), cur),
                money(n(r.companyOperatingProfit), cur),
                money(n(r.companyOperatingProfit_delta), cur),
                money(n(r.operatingProfit_delta), cur),
                money(net(r, "") - net(r, "_base"), cur),
              ],
            };
          })}
      />
      <DataTable
        caption={`Duties by measure that changed in ${focus}`}
        exportAs={{ table: c.companyDuties, base: snap.meta.base }}
        headers={["company", "measure", "kind", "base", "other", "Δ"]}
        rows={duties.map((r) => {
          const cur = String(r.currency);
          return {
            key: `${r.company}-${r.measure}-${r.kind}`,
            cells: [
              namesOf(snap.meta).company(String(r.company)),
              namesOf(snap.meta).measure(String(r.measure)),
              String(r.kind),
              money(n(r.amount_base), cur),
              money(n(r.amount), cur),
              money(n(r.amount_delta), cur),
            ],
          };
        })}
      />
    </>
  );
}
