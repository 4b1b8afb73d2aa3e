import * as Plot from "@observablehq/plot";
import { cellNumber as n, rows, type Table } from "@tieup/core";
import { money, moneyScale } from "./format.js";
import { ID_NAMES, type Names } from "./names.js";
import { AFTER, BEFORE } from "./palette.js";

/** The Compare view's chart as a pure builder over the differenced companies table (see overview.ts). */

/** Operating profit of the modelled scope, base beside other, per company (rows) and period (columns). */
export function compareProfitChart(
  companies: Table,
  baseLabel: string,
  otherLabel: string,
  width: number,
  unit: string,
  names: Names = ID_NAMES,
): Plot.PlotOptions {
  const bars = rows(companies).flatMap((r) => {
    const [cur, company, period] = [String(r.currency), names.company(String(r.company)), String(r.period)];
    const bar = (side: string, amount: number) => ({
      company,
      period,
      side,
      value: amount / moneyScale(cur),
      tip: `${company} · ${period}, ${side}: ${money(amount, cur)}`,
    });
    return [bar(baseLabel, n(r.operatingProfit_base)), bar(otherLabel, n(r.operatingProfit))];
  });
  return {
    width,
    height: 300,
    marginLeft: 56,
    x: { axis: null },
    fx: { label: null, tickRotate: width < 560 ? -45 : 0 },
    fy: { label: null },
    y: { label: unit, grid: true },
    color: { legend: true, domain: [baseLabel, otherLabel], range: [BEFORE, AFTER] },
    marks: [Plot.barY(bars, { fx: "period", fy: "company", x: "side", y: "value", fill: "side", title: "tip", tip: true }), Plot.ruleY([0])],
  };
}
