// @vitest-environment happy-dom

import { undo } from "@codemirror/commands";
import { EditorState } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import * as Plot from "@observablehq/plot";
import { cleanup, render, screen } from "@testing-library/react";
import { optimisePlantChart, optimiseProfitChart } from "@tieup/charts/optimise";
import { dutyChart, waterfallChart, waterfallData } from "@tieup/charts/overview";
import { BRIDGE, COMPANY_DUTIES, histogram, tableOfRows } from "@tieup/core";
import { afterEach, describe, expect, it } from "vitest";
import { createYamlEditor, diagnostics } from "../src/editor/yamlEditor.js";
import { composeFiles } from "../src/engine/model.js";
import { optimiseScenario } from "../src/engine/optimise.js";
import type { OutputDetail } from "../src/engine/sweep.js";
import { OptimiseOutputs } from "../src/views/Optimise.js";
import { Histogram, Tornado } from "../src/views/OutputCharts.js";
import { diskFiles } from "./disk.js";
import { PROFIT_METRIC } from "./fixtures.js";

afterEach(cleanup);

const metric = PROFIT_METRIC;
const summary = { count: 4, mean: 2e6, sd: 0.8e6, min: 1e6, max: 3e6, p5: 1e6, p50: 2e6, p95: 3e6, es5: 1e6, pNegative: 0, pPositive: 1, exactMedian: true };

describe("the Uncertainty view's charts", () => {
  it("draws the histogram of the draws in millions of the currency, with P5, median and P95", () => {
    // Draws 1, 2, 2, 3 ($m) in 2 bins of width (3 − 1) / 2 = 1: [1, 2) holds 1, [2, 3] holds 3.
    const h = histogram([1e6, 2e6, 2e6, 3e6], 2);
    expect(h).toEqual({ edges: [1e6, 2e6, 3e6], counts: [1, 3] });
    render(<Histogram detail={{ name: metric.name, metric, histogram: h, tornado: { base: 0, swings: [] } }} summary={summary} draws={4} />);
    const chart = document.querySelector('[data-chart="uncertainty-histogram"]');
    expect(chart?.querySelector("svg")).not.toBeNull();
    // The output in words, not its path company.maker.FY2026.operatingProfit.
    expect(chart?.textContent).toContain("maker · FY2026 operating profit ($m)");
    expect(chart?.textContent).not.toContain(metric.name);
    expect(chart?.textContent).toContain("P5 $1.0m · median $2.0m · P95 $3.0m");
    // One bar per bin.
    expect(chart?.querySelectorAll('svg g[aria-label="rect"] rect').length).toBe(2);
  });

  it("ranks the tornado's swings, draws both ends of each, and shows the output with every parameter as written", () => {
    const detail: OutputDetail = {
      name: metric.name,
      metric,
      histogram: { edges: [], counts: [] },
      tornado: {
        base: 1.5e6,
        swings: [
          { parameter: "jp-rate", low: 0.1, high: 0.25, atLow: 2.5e6, atHigh: 0.5e6, swing: 2e6 },
          { parameter: "yen", low: 0.9, high: 1.1, atLow: 1.25e6, atHigh: 1.75e6, swing: 0.5e6 },
        ],
      },
    };
    render(<Tornado detail={detail} />);
    expect(document.querySelector('[data-figure="tornado-base"]')?.textContent).toBe("$1.5m");
    const rows = screen.getAllByRole("row").slice(1);
    expect(rows.map((r) => r.querySelector("th")?.textContent)).toEqual(["jp-rate", "yen"]);
    expect([...(rows[0]?.querySelectorAll("td") ?? [])].map((td) => td.textContent)).toEqual(["0.1", "0.25", "$2.5m", "$0.5m", "$2.0m"]);
    // Two bars per parameter: base → output at the low end, base → output at the high end.
    expect(document.querySelectorAll('[data-chart="uncertainty-tornado"] svg g[aria-label="bar"] rect').length).toBe(4);
  });
});

describe("the Optimise view", () => {
  it("shows the hand-worked contract pickup: cooperation worth $95m, the pickup built at the host's Canton plant", async () => {
    const s = composeFiles(diskFiles("/scenarios/examples/contract-pickup.yaml"), []).scenario;
    if (!s) throw new Error("contract-pickup does not validate");
    const r = await optimiseScenario(s, "alliance");
    if (!r.ok) throw new Error(r.message);
    render(<OptimiseOutputs result={r} focus="FY2025" />);
    // 45M alliance − (0 client + (−50M) host) = 95M.
    expect(document.querySelector('[data-figure="cooperation-value"]')?.textContent).toBe("$95.0m");
    const cross = screen.getByTestId("optimise-cross").querySelector("tbody tr");
    expect([...(cross?.children ?? [])].map((c) => c.textContent)).toEqual(["pickup", "client", "canton", "host", "us", "10.0k units"]);
    const canton = screen.getByTestId("optimise-plants").querySelector("tbody tr");
    // Canton builds 10,000 of 100,000 either way; spare capacity is worth $0 a unit.
    expect([...(canton?.querySelectorAll("td") ?? [])].map((c) => c.textContent)).toEqual([
      "host",
      "100.0k units",
      "10.0k units",
      "10.0k units",
      "10.0%",
      "10.0%",
      "$0/unit",
    ]);
    expect(document.querySelector('[data-chart="optimise-profit"] svg')).not.toBeNull();
  });

  it("draws its charts as pure builders, as reviewed: three profit bars per company, two utilisation bars for Canton", async () => {
    const s = composeFiles(diskFiles("/scenarios/examples/contract-pickup.yaml"), []).scenario;
    if (!s) throw new Error("contract-pickup does not validate");
    const r = await optimiseScenario(s, "alliance");
    if (!r.ok) throw new Error(r.message);
    // host and client × (own sourcing, optimum, stand-alone optimum).
    const profit = Plot.plot(optimiseProfitChart(r.tables.companies, r.base, 640, "$m"));
    expect(profit.querySelectorAll('g[aria-label="bar"] rect').length).toBe(6);
    expect(profit.outerHTML).toMatchSnapshot();
    // Canton at 10% before and after.
    const plants = Plot.plot(optimisePlantChart(r.tables.plants, "FY2025", 640));
    expect(plants.querySelectorAll('g[aria-label="bar"] rect').length).toBe(2);
    expect(plants.outerHTML).toMatchSnapshot();
  });
});

describe("the YAML editor", () => {
  it("puts each issue on its whole line, message and suggestion, and drops issues on lines the text lacks", () => {
    const state = EditorState.create({ doc: "a: 1\nb: 2\n" });
    const [d, ...rest] = diagnostics(state, [
      { line: 2, severity: "error", text: "b: must be positive", suggestion: "e.g. 3" },
      { line: 9, severity: "warning", text: "gone" },
    ]);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ from: 5, to: 9, severity: "error", message: "b: must be positive\ne.g. 3" });
  });

  it("undoes an edit (Mod-z is bound) and reports both texts", () => {
    const seen: string[] = [];
    const view = createYamlEditor(document.body.appendChild(document.createElement("div")), "id: x\n", (t) => seen.push(t));
    view.dispatch({ changes: { from: 4, to: 5, insert: "y" }, userEvent: "input.type" });
    expect(undo(view)).toBe(true);
    expect(view.state.doc.toString()).toBe("id: x\n");
    expect(seen).toEqual(["id: y\n", "id: x\n"]);
    // The standard keys are bound: Mod-z to undo, Mod-Shift-m to the lint panel.
    const keys = view.state
      .facet(keymap)
      .flat()
      .map((b) => b.key);
    expect(keys).toEqual(expect.arrayContaining(["Mod-z", "Mod-Shift-m", "Mod-a"]));
    view.destroy();
  });
});

describe("the Overview's waterfall", () => {
  it("stacks each factor from where the last one ended and closes on the end total", () => {
    // ¥100bn → −30 (volume) → +10 (price) → ¥80bn: bars 0–100, 100–70, 70–80, 0–80.
    const bridge = tableOfRows(BRIDGE, [
      { company: "n", step: "start", label: "from", from: "FY2024", to: "FY2025", currency: "JPY", amount: 100e9 },
      { company: "n", step: "volume", label: "volume", from: "FY2024", to: "FY2025", currency: "JPY", amount: -30e9 },
      { company: "n", step: "price", label: "price", from: "FY2024", to: "FY2025", currency: "JPY", amount: 10e9 },
      { company: "n", step: "end", label: "to", from: "FY2024", to: "FY2025", currency: "JPY", amount: 80e9 },
    ]);
    expect(waterfallData(bridge).map((d) => [d.step, d.y1, d.y2, d.kind])).toEqual([
      ["start", 0, 100, "total"],
      ["volume", 100, 70, "down"],
      ["price", 70, 80, "up"],
      ["end", 0, 80, "total"],
    ]);
  });
});

describe("the Overview's charts as pure builders, drawn to SVG", () => {
  const bridge = tableOfRows(BRIDGE, [
    { company: "n", step: "start", label: "from", from: "FY2024", to: "FY2025", currency: "JPY", amount: 100e9 },
    { company: "n", step: "volume", label: "volume", from: "FY2024", to: "FY2025", currency: "JPY", amount: -30e9 },
    { company: "n", step: "end", label: "to", from: "FY2024", to: "FY2025", currency: "JPY", amount: 70e9 },
  ]);

  it("draws the waterfall as reviewed: three bars, the factor from 100 down to 70", () => {
    const svg = Plot.plot(waterfallChart(bridge, 640, "¥bn"));
    const bars = [...svg.querySelectorAll("rect")].filter((r) => r.getAttribute("fill") !== null && r.closest("[aria-label='bar']"));
    expect(bars.length).toBe(3);
    expect(svg.outerHTML).toMatchSnapshot();
  });

  it("draws duty by measure with one colour per measure that charges something", () => {
    const duties = tableOfRows(COMPANY_DUTIES, [
      { period: "FY2025", company: "n", currency: "JPY", measure: "s232", kind: "vehicle", amount: 10e9, amountBase: 0 },
      { period: "FY2025", company: "n", currency: "JPY", measure: "offset", kind: "offset", amount: -2e9, amountBase: 0 },
    ] as never);
    const svg = Plot.plot(dutyChart(duties, ["mfn", "s232", "offset"], 640, "¥bn"));
    expect(svg.outerHTML).toMatchSnapshot();
  });
});
