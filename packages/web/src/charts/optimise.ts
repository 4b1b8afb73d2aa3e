import * as Plot from "@observablehq/plot";
import { cellNumber as n, rows, type Table } from "@tieup/core";
import { moneyScale } from "../ui/format.js";
import { AFTER, BEFORE, PALETTE } from "../ui/palette.js";

/** The Optimise view's charts as pure builders over @tieup/optimize's tables (see overview.ts). */

/** Profit per company: own sourcing, the optimum and, for an alliance, the stand-alone optimum. */
export function optimiseProfitChart(companies: Table, base: string, width: number, unit: string): Plot.PlotOptions {
  const k = moneyScale(base);
  const list = rows(companies);
  const alliance = list.some((c) => typeof c.standAlone === "number");
  const cases = ["own sourcing", "optimum", ...(alliance ? ["stand-alone optimum"] : [])];
  const bars = list.flatMap((c) => [
    { company: String(c.company), case: "own sourcing", value: n(c.ownSourcing) / k },
    { company: String(c.company), case: "optimum", value: n(c.optimum) / k },
    ...(typeof c.standAlone === "number" ? [{ company: String(c.company), case: "stand-alone optimum", value: c.standAlone / k }] : []),
  ]);
  return {
    width,
    height: 60 + list.length * cases.length * 24,
    marginLeft: 110,
    x: { label: unit, grid: true },
    y: { axis: null, domain: cases },
    fy: { label: null },
    color: { legend: true, domain: cases, range: [BEFORE, AFTER, PALETTE[1] as string] },
    marks: [Plot.barX(bars, { fy: "company", y: "case", x: "value", fill: "case", tip: true }), Plot.ruleX([0])],
  };
}

/** The plants of a period with capacity, as the view lists them. */
export function plantsIn(plants: Table, period: string) {
  return rows(plants).filter((p) => p.period === period && n(p.capacity) > 0);
}

/** Utilisation per plant in one period, own sourcing against the optimum. */
export function optimisePlantChart(plants: Table, period: string, width: number): Plot.PlotOptions {
  const list = plantsIn(plants, period);
  const bars = list.flatMap((p) => [
    { plant: String(p.plant), state: "own sourcing", utilisation: n(p.ownUtilisation) },
    { plant: String(p.plant), state: "optimum", utilisation: n(p.utilisation) },
  ]);
  return {
    width,
    height: 40 + list.length * 34,
    marginLeft: 130,
    x: { label: "utilisation", percent: true, grid: true },
    y: { axis: null },
    fy: { label: null },
    color: { legend: true, domain: ["own sourcing", "optimum"], range: [BEFORE, AFTER] },
    marks: [Plot.barX(bars, { fy: "plant", y: "state", x: "utilisation", fill: "state", tip: true }), Plot.ruleX([0])],
  };
}
