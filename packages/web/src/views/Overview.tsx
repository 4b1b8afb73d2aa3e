import * as Plot from "@observablehq/plot";
import { rows, type Table } from "@tieup/core";
import { Fragment } from "react";
import { Chart } from "../components/Chart.js";
import type { ViewProps } from "../state/view-props.js";
import { money, moneyScale, moneyUnit, thousandUnits } from "../ui/format.js";
import { PALETTE } from "../ui/palette.js";

const n = (x: unknown) => (typeof x === "number" ? x : 0);

/** Headline numbers, operating profit, and duty by measure, per company and period. */
export function Overview({ snap, focus }: ViewProps) {
  const r = snap.results;
  const companies = rows(r.companies);
  const unit = unitLabel(companies.map((c) => String(c.currency)));
  // Whole company once the headline message brings it; the modelled scope until then.
  const profit = (snap.profit ? rows(snap.profit) : companies).map((c) => ({
    company: String(c.company),
    period: String(c.period),
    value: n(snap.profit ? c.wholeCompany : c.operatingProfit) / moneyScale(String(c.currency)),
  }));
  const duty = rows(r.companyDuties)
    .filter((d) => n(d.amount) !== 0)
    .map((d) => ({ company: String(d.company), period: String(d.period), measure: String(d.measure), value: n(d.amount) / moneyScale(String(d.currency)) }));
  const measures = r.measures.filter((m) => duty.some((d) => d.measure === m));
  return (
    <section aria-labelledby="overview-title">
      <h2 id="overview-title">Overview</h2>
      <Headline snap={snap} focus={focus} />
      {snap.bridge ? <Waterfall bridge={snap.bridge} unit={unit} /> : null}
      <Chart
        title={`Duty by measure (${unit}; offsets below zero)`}
        name="duty-by-measure"
        deps={[r]}
        draw={(width) =>
          Plot.plot({
            width,
            height: 320,
            ...periodBars(width, unit),
            color: { legend: true, domain: measures, range: PALETTE },
            marks: [Plot.barY(duty, { fx: "company", x: "period", y: "value", fill: "measure", tip: true }), Plot.ruleY([0])],
          })
        }
      />
      <Chart
        title={snap.profit ? `Operating profit, whole company (${unit})` : `Operating profit of the modelled scope (${unit})`}
        name="operating-profit"
        deps={[r, snap.profit]}
        draw={(width) =>
          Plot.plot({
            width,
            height: 260,
            ...periodBars(width, unit),
            color: { domain: snap.meta.companies.map((c) => c.id), range: PALETTE },
            marks: [Plot.barY(profit, { fx: "company", x: "period", y: "value", fill: "company", tip: true }), Plot.ruleY([0])],
          })
        }
      />
    </section>
  );
}

/**
 * Per company in the focus period: whole-company operating profit (once the
 * headline message has it; the modelled scope's until then), the tariff cost
 * and its effect on net income and EPS, and vehicles sold.
 */
function Headline({ snap, focus }: Pick<ViewProps, "snap" | "focus">) {
  const list = rows(snap.results.companies).filter((c) => c.period === focus);
  const summary = snap.profit ? rows(snap.profit).filter((x) => x.period === focus) : [];
  return (
    <div className="headline" data-testid="headline">
      {list.map((c) => {
        const cur = String(c.currency);
        const net = n(c.vehicleDuty) + n(c.partsDuty) - n(c.offset);
        const name = snap.meta.companies.find((x) => x.id === c.company)?.name ?? String(c.company);
        const whole = summary.find((x) => x.company === c.company);
        const figures = (snap.headline ?? []).flatMap((f) => {
          const impact = f.impacts.find((i) => i.company === c.company);
          return impact ? [{ id: f.id, label: f.label, net: impact.net }] : [];
        });
        return (
          <article key={String(c.company)} className="card" data-company={String(c.company)}>
            <h3>
              {name} <span className="period">{focus}</span>
            </h3>
            <dl>
              {whole ? (
                <>
                  <dt title="Modelled scope + cost programmes + other planned changes + rest of company; equals the reported figure in the base year">
                    Operating profit, whole company
                  </dt>
                  <dd data-figure="wholeCompany">{money(n(whole.wholeCompany), cur)}</dd>
                </>
              ) : null}
              <dt title="The programs and plants in the scenario, not the whole company">Operating profit, modelled scope</dt>
              <dd data-figure="operatingProfit">{money(n(c.operatingProfit), cur)}</dd>
              {figures.map((f) => (
                <Fragment key={f.id}>
                  <dt title="New duties net of US-assembly offsets, against the tariffs in force before the headline date">Tariff cost {f.label}</dt>
                  <dd data-figure={`headline-${f.id}`}>{money(f.net, cur)}</dd>
                </Fragment>
              ))}
              {whole && whole.tariffNetIncome !== null ? (
                <>
                  <dt title="The tariff's operating-profit cost after tax and minority share">Tariff effect on net income</dt>
                  <dd data-figure="tariffNetIncome">
                    {money(n(whole.tariffNetIncome), cur)}
                    {whole.tariffEps !== null ? ` (${n(whole.tariffEps).toFixed(1)} a share)` : ""}
                  </dd>
                </>
              ) : null}
              <dt>All duties net of offsets</dt>
              <dd data-figure="netDuty">{money(net, cur)}</dd>
              <dt>Vehicles sold</dt>
              <dd data-figure="units">{thousandUnits(n(c.units))}</dd>
            </dl>
          </article>
        );
      })}
    </div>
  );
}

/** Axis labels of the waterfall's steps: short enough to read turned; start and end name their side. */
const SHORT: Record<string, string> = {
  volume: "volume, mix",
  price: "price",
  costs: "unit costs",
  fixedCosts: "fixed costs",
  vehicleTariffs: "vehicle duty",
  partsTariffs: "parts duty",
  offsets: "offsets",
  deals: "deals",
  costPrograms: "cost programmes",
  otherPlanned: "other planned",
  fx: "FX",
  restOfCompany: "rest of company",
};

/** A waterfall per company: start, each factor from where the last one ended, end. */
export function waterfallData(bridge: Table): { company: string; step: string; label: string; y1: number; y2: number; kind: "total" | "up" | "down" }[] {
  const out: ReturnType<typeof waterfallData> = [];
  const all = rows(bridge);
  for (const company of [...new Set(all.map((r) => String(r.company)))]) {
    let level = 0;
    for (const r of all.filter((x) => x.company === company)) {
      const scale = moneyScale(String(r.currency));
      const amount = n(r.amount) / scale;
      const step = String(r.step);
      if (step === "start" || step === "end") {
        out.push({ company, step, label: String(step === "start" ? r.from : r.to), y1: 0, y2: amount, kind: "total" });
        level = amount;
        continue;
      }
      out.push({ company, step, label: SHORT[step] ?? String(r.label), y1: level, y2: level + amount, kind: amount >= 0 ? "up" : "down" });
      level += amount;
    }
  }
  return out;
}

function Waterfall({ bridge, unit }: { bridge: Table; unit: string }) {
  const data = waterfallData(bridge);
  const first = rows(bridge)[0];
  const order = [...new Set(data.map((d) => d.label))];
  return (
    <Chart
      title={`Operating-profit bridge, ${first?.from} to ${first?.to} (${unit}, whole company)`}
      name="profit-bridge"
      deps={[bridge]}
      note="Volume and mix at the earlier margins; price, costs and tariffs per unit on the later volume; exchange rates as the later year at the earlier rates. The factors add up to the change exactly."
      draw={(width) =>
        Plot.plot({
          width,
          height: 380,
          marginLeft: 56,
          marginBottom: 80,
          x: { label: null, domain: order, tickRotate: -40 },
          y: { label: unit, grid: true },
          fx: { label: null },
          color: { domain: ["total", "up", "down"], range: [PALETTE[0] as string, PALETTE[2] as string, PALETTE[3] as string], legend: true },
          marks: [Plot.barY(data, { fx: "company", x: "label", y1: "y1", y2: "y2", fill: "kind", tip: true }), Plot.ruleY([0])],
        })
      }
    />
  );
}

/** One unit when every company reports in the same currency; else say the amounts are each in its own. */
export function unitLabel(currencies: string[]): string {
  const set = [...new Set(currencies)];
  return set.length === 1 ? moneyUnit(set[0] as string) : "each company's currency (¥bn, or millions)";
}

/** Layout shared by the bars per company (facets) and period: period labels turn on narrow windows. */
function periodBars(width: number, unit: string) {
  const narrow = width < 560;
  return {
    marginLeft: 56,
    marginBottom: narrow ? 48 : 30,
    x: { label: null, tickRotate: narrow ? -45 : 0 },
    y: { label: unit, grid: true },
    fx: { label: null },
  };
}
