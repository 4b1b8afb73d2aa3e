import { percent, perUnit } from "@tieup/charts/format";
import { nameOf } from "@tieup/charts/names";
import { useState } from "react";
import type { Controls as ControlValues } from "../engine/controls.js";
import type { ScenarioMeta } from "../engine/meta.js";
import type { AppState } from "../state/url.js";
import { Slider } from "./Slider.js";

interface Props {
  meta: ScenarioMeta;
  state: AppState;
  update: (patch: Partial<AppState>) => void;
  setControls: (c: ControlValues) => void;
  focus: string;
}

/**
 * The parameters people change most; each change re-runs the model. Values
 * live in the URL. On a phone they fold into a bar above the views (the
 * toggle shows only there, styles.css), so they sit above what they drive.
 */
export function Controls({ meta, state, update, setControls, focus }: Props) {
  const c = state.controls;
  const [open, setOpen] = useState(false);
  const changed = Object.values(c).reduce((k, group) => k + Object.keys(group).length, 0) + state.with.length;
  const set = <K extends keyof ControlValues>(group: K, id: string, value: number | undefined) => {
    const next: Record<string, number> = { ...c[group] };
    if (value === undefined) delete next[id];
    else next[id] = value;
    setControls({ ...c, [group]: next });
  };
  const contracts = meta.deals.filter((d) => d.type === "contract-manufacturing");
  const duties = meta.measures.filter((m) => m.kind !== "offset");
  return (
    <form className="controls" data-open={open} onSubmit={(e) => e.preventDefault()}>
      <button type="button" className="controls-toggle" aria-expanded={open} aria-controls="controls-body" onClick={() => setOpen(!open)}>
        Controls · {focus}
        {changed > 0 ? ` · ${changed} changed` : ""} <span aria-hidden="true">{open ? "▴" : "▾"}</span>
      </button>
      <div id="controls-body" className="controls-body">
        <fieldset>
          <legend>Scenario</legend>
          <label htmlFor="period">Period in focus</label>
          <select id="period" value={focus} onChange={(e) => update({ period: e.target.value })}>
            {meta.periods.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
          {meta.overrides.length > 0 ? <p className="hint">Overrides applied:</p> : null}
          {meta.overrides.map((o) => (
            <div key={o} className="check">
              <input
                id={`with-${o}`}
                type="checkbox"
                checked={state.with.includes(o)}
                onChange={(e) => update({ with: e.target.checked ? [...state.with, o] : state.with.filter((x) => x !== o) })}
              />
              <label htmlFor={`with-${o}`}>{o}</label>
            </div>
          ))}
          <button type="button" onClick={() => setControls({ tariffs: {}, fx: {}, demand: {}, dealVolume: {}, transferPrice: {} })}>
            Reset all controls
          </button>
        </fieldset>
        <fieldset>
          <legend>Tariff rates</legend>
          {duties.map((m) => (
            <Slider
              key={m.id}
              id={`tariff-${m.id}`}
              label={m.name || m.id}
              title={`${m.id}: ${m.importer} on ${m.origins.join(", ")}, ${m.kind}`}
              min={0}
              max={0.5}
              step={0.005}
              value={c.tariffs[m.id]}
              original={m.rate}
              format={(x) => percent(x)}
              onChange={(x) => set("tariffs", m.id, x)}
            />
          ))}
        </fieldset>
        <fieldset>
          <legend>Exchange rates (per {meta.base})</legend>
          {meta.currencies.map((cur) => (
            <Slider
              key={cur.id}
              id={`fx-${cur.id}`}
              label={`${cur.id} per ${meta.base}`}
              title={`Multiplies every period's ${cur.id} rate; first period ${cur.rate.toFixed(2)}`}
              min={0.7}
              max={1.3}
              step={0.01}
              value={c.fx[cur.id]}
              original={1}
              format={(k) => `×${k.toFixed(2)} (${(cur.rate * k).toFixed(cur.rate > 20 ? 1 : 3)})`}
              onChange={(x) => set("fx", cur.id, x)}
            />
          ))}
        </fieldset>
        {contracts.length > 0 ? (
          <fieldset>
            <legend>Deals</legend>
            {contracts.map((d) => (
              <div key={d.id} className="deal-controls">
                <Slider
                  id={`volume-${d.id}`}
                  label={`${d.name || d.id}: volume`}
                  title="Multiplies the deal's volume in every period"
                  min={0}
                  max={2}
                  step={0.05}
                  value={c.dealVolume[d.id]}
                  original={1}
                  format={(k) => `×${k.toFixed(2)}`}
                  onChange={(x) => set("dealVolume", d.id, x)}
                />
                <Slider
                  id={`price-${d.id}`}
                  label={`${d.name || d.id}: transfer price`}
                  title={typeof d.transferPrice === "number" ? "Fixed price per unit" : `As written: ${d.transferPrice} (moving it fixes the price)`}
                  min={0}
                  max={Math.max(60000, (typeof d.transferPrice === "number" ? d.transferPrice : 0) * 2)}
                  step={250}
                  value={c.transferPrice[d.id]}
                  original={typeof d.transferPrice === "number" ? d.transferPrice : (d.referencePrice ?? 30000)}
                  format={(p) => perUnit(p, d.currency ?? meta.base)}
                  onChange={(x) => set("transferPrice", d.id, x)}
                  unsetLabel={typeof d.transferPrice === "number" ? undefined : `${d.transferPrice} (${perUnit(d.referencePrice, d.currency ?? meta.base)})`}
                />
              </div>
            ))}
          </fieldset>
        ) : null}
        <details>
          <summary>Demand by program</summary>
          {meta.programs.map((p) => (
            <Slider
              key={p.id}
              id={`demand-${p.id}`}
              label={p.name || p.id}
              title={`${p.id} (${nameOf(meta.companies, p.seller)}): multiplies demand in every market and period`}
              min={0}
              max={2}
              step={0.05}
              value={c.demand[p.id]}
              original={1}
              format={(k) => `×${k.toFixed(2)}`}
              onChange={(x) => set("demand", p.id, x)}
            />
          ))}
        </details>
      </div>
    </form>
  );
}
