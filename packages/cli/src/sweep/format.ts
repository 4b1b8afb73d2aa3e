import { chanceEvent, isChance, type Metric, type SobolResult, type Summary, type Swing, sketchedTailsNote } from "@tieup/core";
import { fixed, money, moneyUnit, percent } from "../report/format.js";
import type { Section } from "../report/sections.js";

export interface SweepOutput {
  metric: Metric;
  summary: Summary;
  draws?: number[];
}

const isMoney = (m: Metric) => m.unit !== "units" && m.unit !== "probability";
const shown = (m: Metric, x: number) => (isMoney(m) ? money(x, m.unit) : m.unit === "units" ? fixed(x, 0) : fixed(x, 3));
const unitOf = (m: Metric) => (isMoney(m) ? moneyUnit(m.unit) : m.unit);

/** The distribution of each output, and the probability that each deal is win-win. */
export function sweepSections(outputs: SweepOutput[]): Section[] {
  const values = outputs.filter((o) => !isChance(o.metric));
  const winwin = outputs.filter((o) => isChance(o.metric));
  const sections: Section[] = [];
  if (values.length)
    sections.push({
      title: "Distribution of each output",
      note: tailsNote(values.map((o) => o.summary)),
      headers: ["output", "unit", "mean", "sd", "P5", "P50", "P95", "ES5", "P(< 0)"],
      body: values.map(({ metric: m, summary: s }) => [
        m.name,
        unitOf(m),
        shown(m, s.mean),
        shown(m, s.sd),
        shown(m, s.p5),
        shown(m, s.p50),
        shown(m, s.p95),
        shown(m, s.es5),
        percent(s.pNegative),
      ]),
    });
  if (winwin.length)
    sections.push({
      title: "Probability that each deal is win-win",
      note: "win-win: every party's NPV gain > 0 at the base case's price (an open price fixed at its base-case Nash price, as signed before the uncertainty resolves); zone: a draw's own Nash price leaves both gaining, i.e. a zone of agreement exists (docs/uncertainty.md)",
      headers: ["deal", "parties", "event", "probability", "95% interval"],
      body: winwin.map(({ metric: m, summary: s }) => {
        const [lo, hi] = wilson(s.mean, s.count);
        const deal = isChance(m) ? [m.deal, m.parties.join(" + "), chanceEvent(m)] : [m.name, "", m.kind];
        return [...deal, percent(s.mean), `${percent(lo)}–${percent(hi)}`];
      }),
    });
  return sections;
}

/** How exact the tails and median are: the sketch's bound beyond 100,000 draws (docs/uncertainty.md). */
function tailsNote(summaries: Summary[]): string {
  const median = "P50 exact with --keep-draws, else the P² estimate";
  const sketched = sketchedTailsNote(summaries);
  if (sketched === undefined) return `P5/P95 and ES5 (mean of the worst 5% of draws) exact; ${median}`;
  return `${sketched}, exact with --keep-draws; ${median}`;
}

/**
 * Wilson's 95% score interval for a proportion p of n draws: unlike p ± 1.96·√(p(1−p)/n)
 * it does not shrink to nothing when every draw (or none) is a win.
 */
export function wilson(p: number, n: number, z = 1.959964): [number, number] {
  if (n === 0) return [0, 1];
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export function tornadoSection(metric: Metric, base: number, swings: Swing[]): Section {
  return {
    title: `Sensitivity of ${metric.name} (${unitOf(metric)}), base ${shown(metric, base)}`,
    note: "each parameter alone from its low to its high value (P5/P95; regimes: lowest/highest), the others as written; largest swing first",
    headers: ["parameter", "low", "high", "output at low", "output at high", "swing"],
    body: swings.map((s) => [
      s.parameter,
      +s.low.toPrecision(4),
      +s.high.toPrecision(4),
      shown(metric, s.atLow),
      shown(metric, s.atHigh),
      shown(metric, s.swing),
    ]),
  };
}

/** Sobol indices beside the tornado: each parameter's share of the output's variance, alone and with its interactions. */
export function sobolSection(metric: Metric, r: SobolResult, correlated: boolean): Section {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const range = (lo: number, hi: number) => `${pct(lo)}–${pct(hi)}`;
  return {
    title: `Variance-based (Sobol) indices of ${metric.name}`,
    note: `share of the output's variance (sd ${shown(metric, Math.sqrt(r.variance))}) each parameter explains alone (first order) and with its interactions (total); Saltelli sampling, ${r.n} rows, ${r.evaluations} evaluations, 95% bootstrap intervals${correlated ? "; inputs drawn independently: the uncertainty block's rank correlations are not applied here" : ""}`,
    headers: ["parameter", "first order", "95% interval", "total", "95% interval"],
    body: [...r.indices]
      .sort((a, b) => b.total - a.total)
      .map((x) => [x.parameter, pct(x.first), range(x.firstLow, x.firstHigh), pct(x.total), range(x.totalLow, x.totalHigh)]),
  };
}
