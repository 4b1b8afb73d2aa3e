import * as Plot from "@observablehq/plot";
import { cellNumber as n, rows, type Table } from "@tieup/core";
import { moneyScale } from "../ui/format.js";
import { AFTER, BEFORE } from "../ui/palette.js";

/** The Compare view's chart as a pure builder over the differenced companies table (see overview.ts). */

/** Operating profit of the modelled scope, base beside other, per company (rows) and period (columns). */
export function compareProfitChart(companies: Table, baseLabel: string, otherLabel: string, width: number, unit: string): Plot.PlotOptions {
  const bars = rows(companies).flatMap((r) => {
    const k = moneyScale(String(r.currency));
    return [
      { company: String(r.company), period: String(r.period), side: baseLabel, value: n(r.operatingProfit_base) / k },
      { company: String(r.company), period: String(r.period), side: otherLabel, value: n(r.operatingProfit) / k },
    ];
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
    marks: [Plot.barY(bars, { fx: "period", fy: "company", x: "side", y: "value", fill: "side", tip: true }), Plot.ruleY([0])],
  };
}
