import * as Plot from "@observablehq/plot";
import { cellNumber as n, rows, type Table } from "@tieup/core";
import { money, moneyScale } from "./format.js";
import { ID_NAMES, type Names } from "./names.js";
import { PALETTE } from "./palette.js";

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

/** A bar of profit: `company` is the label drawn (the company's name), `tip` its tooltip with the amount in words. */
export interface Bar {
  company: string;
  period: string;
  value: number;
  tip?: string;
}

/** Duty by measure per company and period, offsets below zero; measures and companies by name, tooltips with the amount and its unit. */
export function dutyChart(duties: Table, measures: readonly string[], width: number, unit: string, names: Names = ID_NAMES): Plot.PlotOptions {
  const duty = rows(duties)
    .filter((d) => n(d.amount) !== 0)
    .map((d) => {
      const [company, measure, cur] = [names.company(String(d.company)), names.measure(String(d.measure)), String(d.currency)];
      return {
        company,
        period: String(d.period),
        measure,
        value: n(d.amount) / moneyScale(cur),
        tip: `${measure} · ${company}, ${d.period}: ${money(n(d.amount), cur)}`,
      };
    });
  const shown = measures.map(names.measure).filter((m) => duty.some((d) => d.measure === m));
  return {
    width,
    height: 320,
    ...periodBars(width, unit),
    color: { legend: true, domain: shown, range: PALETTE },
    marks: [Plot.barY(duty, { fx: "company", x: "period", y: "value", fill: "measure", title: "tip", tip: true }), Plot.ruleY([0])],
  };
}

/** Operating profit per company and period (whole company, or the modelled scope); `companies` are the names the bars carry. */
export function profitChart(bars: readonly Bar[], companies: readonly string[], width: number, unit: string): Plot.PlotOptions {
  return {
    width,
    height: 260,
    ...periodBars(width, unit),
    color: { domain: [...companies], range: PALETTE },
    marks: [
      Plot.barY(bars, { fx: "company", x: "period", y: "value", fill: "company", ...(bars.some((b) => b.tip) ? { title: "tip" } : {}), tip: true }),
      Plot.ruleY([0]),
    ],
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
  /** "FX · Honda: ¥332.7bn": the step's amount with its unit. */
  tip: string;
}

/** Tooltip words of the waterfall's steps (the axis keeps the short labels). */
const TIP: Record<string, string> = { fx: "FX effect", volume: "Volume and mix", price: "Price", costs: "Unit costs", fixedCosts: "Fixed costs" };

/** A waterfall per company: start, each factor from where the last one ended, end. */
export function waterfallData(bridge: Table, names: Names = ID_NAMES): WaterfallBar[] {
  const out: WaterfallBar[] = [];
  const all = rows(bridge);
  for (const id of [...new Set(all.map((r) => String(r.company)))]) {
    const company = names.company(id);
    let level = 0;
    for (const r of all.filter((x) => x.company === id)) {
      const amount = n(r.amount) / moneyScale(String(r.currency));
      const step = String(r.step);
      const label = step === "start" || step === "end" ? String(step === "start" ? r.from : r.to) : (SHORT[step] ?? String(r.label));
      const words = step === "start" || step === "end" ? `Operating profit ${label}` : (TIP[step] ?? String(r.label ?? label));
      const tip = `${words} · ${company}: ${money(n(r.amount), String(r.currency))}`;
      if (step === "start" || step === "end") {
        out.push({ company, step, label, y1: 0, y2: amount, kind: "total", tip });
        level = amount;
        continue;
      }
      out.push({ company, step, label, y1: level, y2: level + amount, kind: amount >= 0 ? "up" : "down", tip });
      level += amount;
    }
  }
  return out;
}

/** The operating-profit bridge as a waterfall, one facet per company. */
export function waterfallChart(bridge: Table, width: number, unit: string, names: Names = ID_NAMES): Plot.PlotOptions {
  const data = waterfallData(bridge, names);
  return {
    width,
    height: 380,
    marginLeft: 56,
    marginBottom: 80,
    x: { label: null, domain: [...new Set(data.map((d) => d.label))], tickRotate: -40 },
    y: { label: unit, grid: true },
    fx: { label: null },
    color: { domain: ["total", "up", "down"], range: [PALETTE[0] as string, PALETTE[2] as string, PALETTE[3] as string], legend: true },
    marks: [Plot.barY(data, { fx: "company", x: "label", y1: "y1", y2: "y2", fill: "kind", title: "tip", tip: true }), Plot.ruleY([0])],
  };
}
