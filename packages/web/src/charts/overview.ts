import * as Plot from "@observablehq/plot";
import { cellNumber as n, rows, type Table } from "@tieup/core";
import { moneyScale } from "../ui/format.js";
import { PALETTE } from "../ui/palette.js";

/**
 * The Overview's charts as pure builders: data and width in, Plot options
 * out. The view draws them; tests render them to SVG and compare with
 * reviewed snapshots.
 */

/** Layout shared by the bars per company (facets) and period: period labels turn on narrow windows. */
function periodBars(width: number, unit: string): Plot.PlotOptions {
  const narrow = width < 560;
  return {
    marginLeft: 56,
    marginBottom: narrow ? 48 : 30,
    x: { label: null, tickRotate: narrow ? -45 : 0 },
    y: { label: unit, grid: true },
    fx: { label: null },
  };
}

export interface Bar {
  company: string;
  period: string;
  value: number;
}

/** Duty by measure per company and period, offsets below zero. */
export function dutyChart(duties: Table, measures: readonly string[], width: number, unit: string): Plot.PlotOptions {
  const duty = rows(duties)
    .filter((d) => n(d.amount) !== 0)
    .map((d) => ({ company: String(d.company), period: String(d.period), measure: String(d.measure), value: n(d.amount) / moneyScale(String(d.currency)) }));
  const shown = measures.filter((m) => duty.some((d) => d.measure === m));
  return {
    width,
    height: 320,
    ...periodBars(width, unit),
    color: { legend: true, domain: shown, range: PALETTE },
    marks: [Plot.barY(duty, { fx: "company", x: "period", y: "value", fill: "measure", tip: true }), Plot.ruleY([0])],
  };
}

/** Operating profit per company and period (whole company, or the modelled scope). */
export function profitChart(bars: readonly Bar[], companies: readonly string[], width: number, unit: string): Plot.PlotOptions {
  return {
    width,
    height: 260,
    ...periodBars(width, unit),
    color: { domain: [...companies], range: PALETTE },
    marks: [Plot.barY(bars, { fx: "company", x: "period", y: "value", fill: "company", tip: true }), Plot.ruleY([0])],
  };
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

export interface WaterfallBar {
  company: string;
  step: string;
  label: string;
  y1: number;
  y2: number;
  kind: "total" | "up" | "down";
}

/** A waterfall per company: start, each factor from where the last one ended, end. */
export function waterfallData(bridge: Table): WaterfallBar[] {
  const out: WaterfallBar[] = [];
  const all = rows(bridge);
  for (const company of [...new Set(all.map((r) => String(r.company)))]) {
    let level = 0;
    for (const r of all.filter((x) => x.company === company)) {
      const amount = n(r.amount) / moneyScale(String(r.currency));
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

/** The operating-profit bridge as a waterfall, one facet per company. */
export function waterfallChart(bridge: Table, width: number, unit: string): Plot.PlotOptions {
  const data = waterfallData(bridge);
  return {
    width,
    height: 380,
    marginLeft: 56,
    marginBottom: 80,
    x: { label: null, domain: [...new Set(data.map((d) => d.label))], tickRotate: -40 },
    y: { label: unit, grid: true },
    fx: { label: null },
    color: { domain: ["total", "up", "down"], range: [PALETTE[0] as string, PALETTE[2] as string, PALETTE[3] as string], legend: true },
    marks: [Plot.barY(data, { fx: "company", x: "label", y1: "y1", y2: "y2", fill: "kind", tip: true }), Plot.ruleY([0])],
  };
}
