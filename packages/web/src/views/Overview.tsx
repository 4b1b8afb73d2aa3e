import * as Plot from "@observablehq/plot";
import { rows } from "@tieup/core";
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
  const profit = companies.map((c) => ({ company: String(c.company), period: String(c.period), value: n(c.operatingProfit) / moneyScale(String(c.currency)) }));
  const duty = rows(r.companyDuties)
    .filter((d) => n(d.amount) !== 0)
    .map((d) => ({ company: String(d.company), period: String(d.period), measure: String(d.measure), value: n(d.amount) / moneyScale(String(d.currency)) }));
  const measures = r.measures.filter((m) => duty.some((d) => d.measure === m));
  return (
    <section aria-labelledby="overview-title">
      <h2 id="overview-title">Overview</h2>
      <Headline snap={snap} focus={focus} />
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
        title={`Operating profit of the modelled scope (${unit})`}
        name="operating-profit"
        deps={[r]}
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

/** Per company in the focus period: operating profit, net tariff cost and vehicles sold. */
function Headline({ snap, focus }: Pick<ViewProps, "snap" | "focus">) {
  const list = rows(snap.results.companies).filter((c) => c.period === focus);
  return (
    <div className="headline" data-testid="headline">
      {list.map((c) => {
        const cur = String(c.currency);
        const net = n(c.vehicleDuty) + n(c.partsDuty) - n(c.offset);
        const name = snap.meta.companies.find((x) => x.id === c.company)?.name ?? String(c.company);
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
              <dt>Operating profit</dt>
              <dd data-figure="operatingProfit">{money(n(c.operatingProfit), cur)}</dd>
              {figures.map((f) => (
                <Fragment key={f.id}>
                  <dt title="New duties net of US-assembly offsets, against the tariffs in force before the headline date">Tariff cost {f.label}</dt>
                  <dd data-figure={`headline-${f.id}`}>{money(f.net, cur)}</dd>
                </Fragment>
              ))}
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
