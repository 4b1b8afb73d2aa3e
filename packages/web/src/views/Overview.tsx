import * as Plot from "@observablehq/plot";
import { money, moneyScale, thousandUnits, unitLabel } from "@tieup/charts/format";
import { type Names, namesOf } from "@tieup/charts/names";
import { dutyChart, profitChart, waterfallChart } from "@tieup/charts/overview";
import { cellNumber as n, rows, type Table } from "@tieup/core";
import { Fragment } from "react";
import { Chart } from "../components/Chart.js";
import type { ViewProps } from "../state/view-props.js";

/** Headline numbers, operating profit, and duty by measure, per company and period. */
export function Overview({ snap, focus }: ViewProps) {
  const r = snap.results;
  const companies = rows(r.companies);
  const unit = unitLabel(companies.map((c) => String(c.currency)));
  const names = namesOf(snap.meta);
  // Whole company, from the results themselves (the headline's profit table holds the same figure), so the chart is drawn once per change.
  const profit = companies.map((c) => {
    const amount = n(c.companyOperatingProfit);
    const company = names.company(String(c.company));
    return {
      company,
      period: String(c.period),
      value: amount / moneyScale(String(c.currency)),
      tip: `${company} · ${c.period} operating profit, whole company: ${money(amount, String(c.currency))}`,
    };
  });
  return (
    <section aria-labelledby="overview-title">
      <h2 id="overview-title">Overview</h2>
      <Headline snap={snap} focus={focus} />
      {snap.bridge ? <Waterfall bridge={snap.bridge} unit={unit} names={names} /> : null}
      <Chart
        title={`Duty by measure (${unit}; offsets below zero)`}
        name="duty-by-measure"
        deps={[r]}
        draw={(width) => Plot.plot(dutyChart(r.companyDuties, r.measures, width, unit, names))}
      />
      <Chart
        title={`Operating profit, whole company (${unit})`}
        name="operating-profit"
        deps={[r]}
        draw={(width) =>
          Plot.plot(
            profitChart(
              profit,
              snap.meta.companies.map((c) => names.company(c.id)),
              width,
              unit,
            ),
          )
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

function Waterfall({ bridge, unit, names }: { bridge: Table; unit: string; names: Names }) {
  const first = rows(bridge)[0];
  return (
    <Chart
      title={`Operating-profit bridge, ${first?.from} to ${first?.to} (${unit}, whole company)`}
      name="profit-bridge"
      deps={[bridge]}
      note="Volume and mix at the earlier margins; price, costs and tariffs per unit on the later volume; exchange rates as the later year at the earlier rates. The factors add up to the change exactly."
      draw={(width) => Plot.plot(waterfallChart(bridge, width, unit, names))}
    />
  );
}

export { unitLabel };
