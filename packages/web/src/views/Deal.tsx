import * as Plot from "@observablehq/plot";
import { dealPriceChart } from "@tieup/charts/deal";
import { money, moneyScale, moneyUnit, percent, perUnit, thousandUnits } from "@tieup/charts/format";
import { namesOf } from "@tieup/charts/names";
import { type DealValueKind, dealValueColumns, terminalValueWords } from "@tieup/core";
import { Chart } from "../components/Chart.js";
import { DataTable } from "../components/DataTable.js";
import { Slider } from "../components/Slider.js";
import { dealPlantsExport, dealValueExport } from "../export/view-tables.js";
import type { ViewProps } from "../state/view-props.js";

/** A deal: each party's NPV gain against the transfer price, the zone of agreement, the Nash price, and NPV per party. */
export function DealView({ snap, state, update, setControls, dealId, focus }: ViewProps) {
  const view = snap.deal;
  const meta = snap.meta.deals.find((d) => d.id === dealId);
  const c = state.controls;
  const set = (group: "dealVolume" | "transferPrice", x: number | undefined) => {
    if (!dealId) return;
    const next: Record<string, number> = { ...c[group] };
    if (x === undefined) delete next[dealId];
    else next[dealId] = x;
    setControls({ ...c, [group]: next });
  };
  return (
    <section aria-labelledby="deal-title">
      <h2 id="deal-title">Deal</h2>
      <label htmlFor="deal-pick">Deal</label>{" "}
      <select id="deal-pick" value={dealId} onChange={(e) => update({ deal: e.target.value })}>
        {snap.meta.deals.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name || d.id}
          </option>
        ))}
      </select>
      {meta?.type === "contract-manufacturing" && dealId ? (
        <div className="deal-inline">
          <Slider
            id={`deal-view-volume-${dealId}`}
            label="volume"
            title="Multiplies the deal's volume in every period"
            min={0}
            max={2}
            step={0.05}
            value={c.dealVolume[dealId]}
            original={1}
            format={(k) => `×${k.toFixed(2)}`}
            onChange={(x) => set("dealVolume", x)}
          />
          <Slider
            id={`deal-view-price-${dealId}`}
            label="transfer price"
            title="Fixes the price per unit the client pays the host"
            min={0}
            max={Math.max(60000, (typeof meta.transferPrice === "number" ? meta.transferPrice : 0) * 2)}
            step={250}
            value={c.transferPrice[dealId]}
            original={typeof meta.transferPrice === "number" ? meta.transferPrice : (meta.referencePrice ?? 0)}
            format={(p) => perUnit(p, meta.currency ?? snap.meta.base)}
            onChange={(x) => set("transferPrice", x)}
            unsetLabel={
              typeof meta.transferPrice === "number" ? undefined : `${meta.transferPrice} (${perUnit(meta.referencePrice, meta.currency ?? snap.meta.base)})`
            }
          />
        </div>
      ) : null}
      {!view ? <p>Analysing…</p> : <DealBody snap={snap} focus={focus} />}
    </section>
  );
}

function DealBody({ snap, focus }: Pick<ViewProps, "snap" | "focus">) {
  const view = snap.deal;
  if (!view) return null;
  const a = view.analysis;
  const d = a.deal;
  const p = a.price;
  const host = "host" in d ? snap.meta.companies.find((c) => c.id === d.host) : undefined;
  const currency = host?.currency ?? snap.meta.base;
  const scale = moneyScale(currency);
  const columns = dealValueColumns(a, view.conventions.terminalValue !== "none");
  const names = namesOf(snap.meta);
  const curve = view.curve.flatMap((c) => [
    { price: c.price, party: `${"host" in d ? names.company(d.host) : "host"} (host)`, gain: c.host / scale },
    { price: c.price, party: `${"client" in d ? names.company(d.client) : "client"} (client)`, gain: c.client / scale },
  ]);
  return (
    <>
      <p className="note">
        {d.name}. Each party's gain is measured against its own counterfactual (the scenario with this deal replaced by what it would do without it).
      </p>
      {p ? (
        <Chart
          title={`NPV of each party's gain against the transfer price (${moneyUnit(currency)}; price in ${p.currency}/unit)`}
          name={`deal-${d.id}`}
          deps={[view]}
          draw={(width) => Plot.plot(dealPriceChart(curve, p, width, moneyUnit(currency)))}
          note={
            p.agreement.exists
              ? `Zone of agreement ${perUnit(p.agreement.pLow, p.currency)} – ${perUnit(p.agreement.pHigh, p.currency)}; Nash price ${perUnit(p.agreement.nash, p.currency)} (host weight ${p.weight}); evaluated at ${perUnit(p.used, p.currency)} (${p.kind}).`
              : `No price makes both gain: the host needs at least ${perUnit(p.agreement.pLow, p.currency)}, the client pays at most ${perUnit(p.agreement.pHigh, p.currency)}.`
          }
        />
      ) : null}
      <DataTable
        testId="deal-npv"
        caption={`NPV of each party's gain as of ${view.conventions.valuationDate}, ${view.conventions.horizon.from}–${view.conventions.horizon.to}, before and after tax, and in cash after tax (${terminalValueWords(view.conventions.terminalValue)})${a.versusNeither ? "; against each developing alone, and against neither developing" : ""}`}
        headers={["company", ...columns.map((c) => c.header)]}
        exportAs={{ table: dealValueExport(a, columns, names), base: currency }}
        rows={a.values.map((v) => ({
          key: v.company,
          cells: [names.company(v.company), ...columns.map((c) => cell(c.kind, c.value(v), v.currency))],
        }))}
      />
      {a.terms ? (
        <ul className="note" data-testid="deal-terms">
          {a.terms.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {a.plants.some((x) => x.period === focus) ? (
        <DataTable
          caption={`Plants whose output the deal changes in ${focus}`}
          exportAs={{ table: dealPlantsExport(a, focus, names), base: currency }}
          headers={["plant", "output without", "with", "utilisation without", "with", "jobs without", "with"]}
          rows={a.plants
            .filter((x) => x.period === focus)
            .map((x) => ({
              key: x.plant,
              cells: [
                names.plant(x.plant),
                thousandUnits(x.outputBefore),
                thousandUnits(x.outputAfter),
                percent(x.utilisationBefore),
                percent(x.utilisationAfter),
                Math.round(x.jobsBefore).toLocaleString("en-US"),
                Math.round(x.jobsAfter).toLocaleString("en-US"),
              ],
            }))}
        />
      ) : null}
    </>
  );
}

/** A cell of the NPV table as the web shows it (money to two decimals at the currency's scale). */
function cell(kind: DealValueKind, x: number | null, currency: string): string {
  if (x === null) return "–";
  if (kind === "rate" || kind === "share") return percent(x);
  return kind === "perShare" ? `${x.toFixed(2)} ${currency}` : money(x, currency, 2);
}
