import * as Plot from "@observablehq/plot";
import { cellNumber as n, rows, type Table } from "@tieup/core";
import { money, moneyScale } from "./format.js";
import { ID_NAMES, type Names } from "./names.js";
import { AFTER, BEFORE, PALETTE } from "./palette.js";
import { utilisationPairsChart } from "./plants.js";

/** The Optimise view's charts as pure builders over @tieup/optimize's tables (see overview.ts). */

/** Profit per company: own sourcing, the optimum and, for an alliance, the stand-alone optimum. */
export function optimiseProfitChart(companies: Table, base: string, width: number, unit: string, names: Names = ID_NAMES): Plot.PlotOptions {
  const k = moneyScale(base);
  const list = rows(companies);
  const alliance = list.some((c) => typeof c.standAlone === "number");
  const cases = ["own sourcing", "optimum", ...(alliance ? ["stand-alone optimum"] : [])];
  const bar = (company: string, which: string, amount: number) => ({
    company,
    case: which,
    value: amount / k,
    tip: `${company} · ${which}: ${money(amount, base)}`,
  });
  const bars = list.flatMap((c) => {
    const company = names.company(String(c.company));
    return [
      bar(company, "own sourcing", n(c.ownSourcing)),
      bar(company, "optimum", n(c.optimum)),
      ...(typeof c.standAlone === "number" ? [bar(company, "stand-alone optimum", c.standAlone)] : []),
    ];
  });
  return {
    width,
    height: 60 + list.length * cases.length * 24,
    marginLeft: 110,
    x: { label: unit, grid: true },
    y: { axis: null, domain: cases },
    fy: { label: null },
    color: { legend: true, domain: cases, range: [BEFORE, AFTER, PALETTE[1] as string] },
    marks: [Plot.barX(bars, { fy: "company", y: "case", x: "value", fill: "case", title: "tip", tip: true }), Plot.ruleX([0])],
  };
}

/** The plants of a period with capacity, as the view lists them. */
export function plantsIn(plants: Table, period: string) {
  return rows(plants).filter((p) => p.period === period && n(p.capacity) > 0);
}

/** Utilisation per plant in one period, own sourcing against the optimum. */
export function optimisePlantChart(plants: Table, period: string, width: number, names: Names = ID_NAMES): Plot.PlotOptions {
  const pairs = plantsIn(plants, period).map((p) => ({ plant: names.plant(String(p.plant)), first: n(p.ownUtilisation), second: n(p.utilisation) }));
  return utilisationPairsChart(pairs, ["own sourcing", "optimum"], width);
}
