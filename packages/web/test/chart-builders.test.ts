// @vitest-environment happy-dom

import * as Plot from "@observablehq/plot";
import { compareProfitChart } from "@tieup/charts/compare";
import { dealPriceChart, type GainPoint } from "@tieup/charts/deal";
import { plantsChart } from "@tieup/charts/plants";
import { histogramChart, spreadChart, tornadoChart } from "@tieup/charts/uncertainty";
import { COMPANIES, diffTables, type PriceAnalysis, type Summary, tableOfRows } from "@tieup/core";
import { describe, expect, it } from "vitest";
import { PROFIT_METRIC } from "./fixtures.js";

const metric = PROFIT_METRIC;
const summary = (p5: number, p50: number, p95: number): Summary => ({
  count: 4,
  mean: p50,
  sd: 0,
  min: p5,
  max: p95,
  p5,
  p50,
  p95,
  es5: p5,
  pNegative: 0,
  pPositive: 1,
  exactMedian: true,
});

/** The filled shapes a mark draws, by the mark's aria-label ("bar", "rect", "dot", …). */
const shapes = (svg: Element, mark: string, shape: string) => svg.querySelectorAll(`g[aria-label="${mark}"] ${shape}`);
const texts = (svg: Element) => [...svg.querySelectorAll("text")].map((t) => t.textContent);

describe("the Uncertainty view's charts as pure builders, drawn to SVG", () => {
  it("draws the histogram as reviewed: one bar per bin and the P5, median and P95 lines labelled", () => {
    // Draws 1, 2, 2, 3 ($m) in bins [1, 2) and [2, 3]: bars of 1 and 3 draws.
    const svg = Plot.plot(histogramChart({ metric, histogram: { edges: [1e6, 2e6, 3e6], counts: [1, 3] } }, summary(1e6, 2e6, 3e6), 640));
    expect(shapes(svg, "rect", "rect").length).toBe(2);
    expect(texts(svg)).toEqual(expect.arrayContaining(["P5", "P50", "P95"]));
    expect(svg.outerHTML).toMatchSnapshot();
  });

  it("draws the tornado as reviewed: two bars per parameter, from the base ($1.5m) to the output at each end", () => {
    // jp-rate: 1.5 → 2.5 (low) and 1.5 → 0.5 (high); yen: 1.5 → 1.25 and 1.5 → 1.75 ($m).
    const tornado = {
      base: 1.5e6,
      swings: [
        { parameter: "jp-rate", low: 0.1, high: 0.25, atLow: 2.5e6, atHigh: 0.5e6, swing: 2e6 },
        { parameter: "yen", low: 0.9, high: 1.1, atLow: 1.25e6, atHigh: 1.75e6, swing: 0.5e6 },
      ],
    };
    const svg = Plot.plot(tornadoChart({ metric, tornado }, 640));
    expect(shapes(svg, "bar", "rect").length).toBe(4);
    expect(texts(svg)).toEqual(expect.arrayContaining(["jp-rate", "yen"]));
    expect(svg.outerHTML).toMatchSnapshot();
  });

  it("draws the spread as reviewed: a P5–P95 band and a median dot per output, in $m", () => {
    // Output a spans $1m–$3m (median 2); output b spans −$1m–$1m (median 0).
    const outputs = [
      { metric, summary: summary(1e6, 2e6, 3e6) },
      { metric: { ...metric, name: "company.maker.FY2027.operatingProfit", period: "FY2027" }, summary: summary(-1e6, 0, 1e6) },
    ];
    const svg = Plot.plot(spreadChart(outputs, 640));
    expect(shapes(svg, "link", "path").length).toBe(2);
    expect(shapes(svg, "dot", "circle").length).toBe(2);
    expect(svg.outerHTML).toMatchSnapshot();
  });
});

describe("the Compare view's chart as a pure builder, drawn to SVG", () => {
  // One company, two periods: base ¥100bn and ¥110bn, other ¥80bn and ¥120bn (whole company) → four bars.
  const side = (fy2025: number, fy2026: number) =>
    tableOfRows(COMPANIES, [
      { period: "FY2025", company: "n", currency: "JPY", operatingProfit: fy2025 / 2, companyOperatingProfit: fy2025 },
      { period: "FY2026", company: "n", currency: "JPY", operatingProfit: fy2026 / 2, companyOperatingProfit: fy2026 },
    ] as never);
  const companies = diffTables(side(100e9, 110e9), side(80e9, 120e9));
  const bars = (svg: Element) => [...shapes(svg, "bar", "rect")];

  it("draws operating profit as reviewed: a base and an other bar per company and period", () => {
    const svg = Plot.plot(compareProfitChart(companies, "as written", "controls", 640, "¥bn"));
    expect(bars(svg).length).toBe(4);
    expect(svg.outerHTML).toMatchSnapshot();
  });

  it("draws the table's whole-company figure, ¥100bn tall for ¥100bn, not the modelled scope's", () => {
    const options = compareProfitChart(companies, "a", "b", 640, "¥bn");
    const mark = (options.marks ?? [])[0] as unknown as { data: { period: string; side: string; value: number; tip: string }[] };
    const data = mark.data;
    expect(data.filter((d) => d.period === "FY2025").map((d) => [d.side, d.value])).toEqual([
      ["base", 100],
      ["other", 80],
    ]);
    expect(data[0]?.tip).toMatch(/^n · FY2025, Base: a: /);
  });

  it("keeps two sides labelled alike apart: side by side with distinct legends, never stacked into twice the figure", () => {
    // Regression: both sides "as written" (Compare's first open) shared one x position and stacked to ¥180bn in FY2025.
    const svg = Plot.plot(compareProfitChart(companies, "as written", "as written", 640, "¥bn"));
    const xs = new Set(bars(svg).map((r) => r.getAttribute("x")));
    expect(bars(svg).length).toBe(4);
    expect(xs.size).toBe(2);
    const legend = document.createElement("div");
    legend.append(Plot.plot(compareProfitChart(companies, "as written", "as written", 640, "¥bn")).legend("color") ?? "");
    expect(legend.textContent).toContain("Base: as written");
    expect(legend.textContent).toContain("Other: as written");
  });
});

describe("the Deal view's chart as a pure builder, drawn to SVG", () => {
  it("draws the gains as reviewed: the zone 10–30, both parties' dots at the Nash price 20, the evaluated price marked", () => {
    // Host gains price − 10, client 30 − price: both gain 10 at the Nash price 20.
    const curve: GainPoint[] = [0, 40].flatMap((price) => [
      { price, party: "h (host)", gain: price - 10 },
      { price, party: "c (client)", gain: 30 - price },
    ]);
    const price: PriceAnalysis = {
      currency: "USD",
      kind: "fixed",
      used: 25,
      weight: 0.5,
      agreement: { pLow: 10, pHigh: 30, exists: true, nash: 20, jointSurplus: 20 },
      surplusCurrency: "USD",
      linear: true,
      breakEvenVolume: null,
    };
    const svg = Plot.plot(dealPriceChart(curve, price, 640, "$m"));
    const dots = [...shapes(svg, "dot", "circle")];
    expect(dots.length).toBe(2);
    expect(texts(svg)).toEqual(expect.arrayContaining(["Nash", "evaluated"]));
    expect(svg.outerHTML).toMatchSnapshot();
  });
});

describe("the Plants view's chart as a pure builder, drawn to SVG", () => {
  it("draws utilisation as reviewed: two bars per plant, a break-even tick only where there is one", () => {
    // a: 50% → 80%, break-even 60%; b: 90% → 70%, no break-even.
    const line = { owner: "n", country: "us", outputBefore: 0, outputAfter: 0 };
    const svg = Plot.plot(
      plantsChart(
        [
          { ...line, plant: "a", before: 0.5, after: 0.8, breakEven: 0.6 },
          { ...line, plant: "b", before: 0.9, after: 0.7, breakEven: null },
        ],
        640,
      ),
    );
    expect(shapes(svg, "bar", "rect").length).toBe(4);
    expect(shapes(svg, "tick", "line").length).toBe(1);
    expect(svg.outerHTML).toMatchSnapshot();
  });
});
