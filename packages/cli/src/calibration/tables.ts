import type { Cell, HeadlineFigure, Residual, ScopeFit } from "@tieup/core";
import { fixed, money, moneyUnit } from "../report/format.js";
import type { Section } from "../report/sections.js";

/** A target's value as printed: money in billions with one decimal, units in thousands, fractions as percentages. */
export function show(r: Residual, x: number): string {
  if (r.target.metric === "utilisation") return `${fixed(x * 100, 1)}%`;
  if (r.target.metric === "imports") return `${fixed(x / 1000, 1)}k`;
  return fixed(x, 1);
}

/** The accepted band: ±t, or +t / −b when the band below differs. */
function band(r: Residual): string {
  const { tolerance, below } = r.target;
  const pct = (x: number) => `${fixed(x * 100, 0)}%`;
  return below === undefined || below === tolerance ? `±${pct(tolerance)}` : `+${pct(tolerance)} / −${pct(below)}`;
}

export function residualSection(residuals: readonly Residual[]): Section {
  const body: Cell[][] = residuals.map((r) => [
    r.target.id,
    r.target.asOf.date + (r.target.asOf.with.length ? ` (${r.target.asOf.with.join(", ")})` : ""),
    r.target.metric,
    r.target.window ? `${r.target.period} ${r.target.window.from.slice(5)}–${r.target.window.to.slice(5)}` : r.target.period,
    show(r, r.model),
    (r.target.bound === "at-most" ? "≤ " : "") +
      show(r, r.expected) +
      (r.target.scope !== 1 ? ` (${fixed(r.target.scope * 100, 0)}% of ${show(r, r.target.reported)})` : ""),
    show(r, r.error),
    `${r.relative >= 0 ? "+" : ""}${fixed(r.relative * 100, 1)}%`,
    band(r),
    r.within ? "ok" : "OUTSIDE",
  ]);
  return {
    title: "Calibration targets: model against reported (money in ¥ billion)",
    note: "Each target is run as of its date: the tariff regime (overrides) and the yen rate the company planned with. ≤: the reported figure is an upper bound for the model; its band says how far above (little) and below it the model may be.",
    headers: ["target", "as of", "metric", "period", "model", "reported", "error", "error %", "tolerance", "status"],
    body,
  };
}

export function forecastSection(forecast: readonly HeadlineFigure[], since: string): Section {
  const body: Cell[][] = [];
  for (const f of forecast)
    for (const i of f.impacts) body.push([i.company, f.label, ...[i.vehicles, i.parts, i.offsets, i.net].map((v) => fixed(v / 1e9, 1))]);
  return {
    title: "Forecast: tariff cost as the regime unfolded (¥ billion)",
    note: `The scenario as it stands (no overrides): measures in force from ${since} on, against the regime before them. Net = vehicles + parts + offsets.`,
    headers: ["company", "window", "vehicles", "parts", "offsets", "net"],
    body,
  };
}

/**
 * The reconciliation of each company's modelled scope with what it reported
 * for the base year, and the values that make it exact (`--fit`).
 */
export function fitSection(fits: readonly ScopeFit[]): Section {
  const body: Cell[][] = fits.map((f) => [
    f.company,
    f.period,
    money(f.scopeRevenue, f.currency),
    `${fixed(f.revenueShare * 100, 1)}%`,
    money(f.scopeOperatingProfit, f.currency),
    money(f.target, f.currency),
    money(f.fixedCost, f.currency),
    fixed(f.fixedCostScale, 4),
    money(f.reported, f.currency),
    money(f.restOfCompany, f.currency),
  ]);
  const currencies = [...new Set(fits.map((f) => f.currency))];
  return {
    title: `Fit: the modelled scope against the reported segment (${currencies.length === 1 ? moneyUnit(currencies[0] as string) : "each company's reporting currency"})`,
    note: "Target: the segment's margin on the scope's revenue. Scale: the factor on the company's plant fixed costs that puts the scope on it. Rest of company: reported total − the scope at the target, the base year's amount to state in the scenario.",
    headers: ["company", "period", "scope revenue", "share of segment", "scope OP", "target", "fixed cost", "scale", "reported OP", "rest of company"],
    body,
  };
}
