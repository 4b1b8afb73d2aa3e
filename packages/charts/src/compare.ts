import * as Plot from "@observablehq/plot";
import { cellNumber as n, rows, type Table } from "@tieup/core";
import { money, moneyScale } from "./format.js";
import { ID_NAMES, type Names } from "./names.js";
import { AFTER, BEFORE } from "./palette.js";

type Side = "base" | "other";

/** The Compare view's chart as a pure builder over the differenced companies table (see overview.ts). */

/**
 * Whole-company operating profit (the table's figure), base beside other, per company (rows) and period
 * (columns). The bars are keyed "base" and "other", never by their labels: two sides labelled alike
 * ("as written" both) would otherwise share one x position and stack into twice the figure.
 */
export function compareProfitChart(
  companies: Table,
  baseLabel: string,
  otherLabel: string,
  width: number,
  unit: string,
  names: Names = ID_NAMES,
): Plot.PlotOptions {
  const legend: Record<Side, string> = { base: `Base: ${baseLabel}`, other: `Other: ${otherLabel}` };
  const bars = rows(companies).flatMap((r) => {
    const [cur, company, period] = [String(r.currency), names.company(String(r.company)), String(r.period)];
    const bar = (side: Side, amount: number) => ({
      company,
      period,
      side,
      value: amount / moneyScale(cur),
      tip: `${company} · ${period}, ${legend[side]}: ${money(amount, cur)}`,
    });
    return [bar("base", n(r.companyOperatingProfit_base)), bar("other", n(r.companyOperatingProfit))];
  });
  return {
    width,
    height: 300,
    marginLeft: 56,
    x: { axis: null, domain: ["base", "other"] },
    fx: { label: null, tickRotate: width < 560 ? -45 : 0 },
    fy: { label: null },
    y: { label: unit, grid: true },
    color: { legend: true, domain: ["base", "other"], range: [BEFORE, AFTER], tickFormat: (side: Side) => legend[side] },
    marks: [Plot.barY(bars, { fx: "period", fy: "company", x: "side", y: "value", fill: "side", title: "tip", tip: true }), Plot.ruleY([0])],
  };
}
