// @vitest-environment happy-dom

import * as Plot from "@observablehq/plot";
import { cleanup, render, screen } from "@testing-library/react";
import { ID_NAMES } from "@tieup/charts/names";
import { createTable, pushRow } from "@tieup/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Chart } from "../src/components/Chart.js";
import { DataTable } from "../src/components/DataTable.js";
import { ExportSourceContext, sourceLine } from "../src/export/context.js";
import * as downloads from "../src/export/download.js";
import { chartSvg, layoutLegend, wrap } from "../src/export/image.js";
import { rounded, shownColumns, shownCsv, tableJson } from "../src/export/table.js";
import { sweepExport } from "../src/export/view-tables.js";
import { PROFIT_METRIC } from "./fixtures.js";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** A companies-like table: money in the row's currency, a share, units and a rate. */
function companies(currencies: string[] = ["JPY", "JPY"]) {
  const t = createTable("companies", [
    { name: "period", role: "key" },
    { name: "company", role: "key" },
    { name: "currency", role: "value" },
    { name: "fxRate", role: "value", unit: "reporting/base" },
    { name: "units", role: "value", unit: "units" },
    { name: "operatingProfit", role: "value", unit: "reporting" },
    { name: "operatingProfitBase", role: "value", unit: "base" },
    { name: "utilisation", role: "value", unit: "fraction" },
    { name: "price", role: "value", unit: "base", description: "Net price per unit" },
  ]);
  pushRow(t, {
    period: "FY2025",
    company: "nissan",
    currency: currencies[0] ?? "JPY",
    fxRate: 146.5,
    units: 1_413_200.4,
    operatingProfit: 869_978_000_000.0001,
    operatingProfitBase: 5_938_416_382.25,
    utilisation: 0.73456,
    price: 30_734.33,
  });
  pushRow(t, {
    period: "FY2025",
    company: "honda",
    currency: currencies[1] ?? "JPY",
    fxRate: 146.5,
    units: 1_000_000,
    operatingProfit: -2_500_000,
    operatingProfitBase: null,
    utilisation: 0.5,
    price: 28_000,
  });
  return t;
}

describe("table exports", () => {
  it("name the currency and scale in each header: the row's currency when the rows share one, the base's otherwise", () => {
    expect(shownColumns(companies(), "USD").map((c) => c.header)).toEqual([
      "period",
      "company",
      "currency",
      "fxRate (JPY per USD)",
      "units (units)",
      "operatingProfit (JPY bn)",
      "operatingProfitBase (USD m)",
      "utilisation (%)",
      "price (USD/unit)",
    ]);
    // Rows in two currencies: each scaled by its own, the header says which.
    expect(shownColumns(companies(["JPY", "USD"]), "USD")[5]?.header).toBe("operatingProfit (JPY bn or USD m: see currency)");
  });

  it("round the CSV for display: no float noise, money in bn/m to 3 decimals, shares in % to 2, units whole", () => {
    // 869,978,000,000.0001 JPY = 869.978 JPY bn; 5,938,416,382.25 USD = 5,938.416 USD m; 0.73456 = 73.46%; 1,413,200.4 units → 1413200.
    const csv = shownCsv(companies(["JPY", "USD"]), "USD").split("\n");
    expect(csv[1]).toBe("FY2025,nissan,JPY,146.5,1413200,869.978,5938.416,73.46,30734");
    // −2,500,000 USD = −2.5 USD m; a blank stays blank.
    expect(csv[2]).toBe("FY2025,honda,USD,146.5,1000000,-2.5,,50,28000");
    expect(csv.join("\n")).not.toContain("0001");
    expect(rounded(-0.0004, 3)).toBe("0");
  });

  it("keep raw values at full precision in JSON, with units, the scenario and the date", () => {
    const json = JSON.parse(tableJson(companies(), "USD", { scenario: "nissan-honda-us", version: 3 }, new Date("2026-12-07T08:00:00Z")));
    expect(json).toMatchObject({ table: "companies", scenario: "nissan-honda-us", version: 3, exported: "2026-12-07T08:00:00.000Z", baseCurrency: "USD" });
    expect(json.rows[0].operatingProfit).toBe(869_978_000_000.0001);
    expect(json.columns.find((c: { name: string }) => c.name === "operatingProfit").unit).toBe("reporting");
  });

  it("export the sweep's spreads in the output's currency, with the output in words", () => {
    const summary = {
      count: 4,
      mean: 2e6,
      sd: 1,
      min: 1e6,
      max: 3e6,
      p5: 1e6,
      p50: 2e6,
      p95: 3e6,
      es5: 1e6,
      pNegative: 0.25,
      pPositive: 0.75,
      exactMedian: true,
    };
    const t = sweepExport([{ metric: PROFIT_METRIC, summary }], ID_NAMES);
    const [header, row] = shownCsv(t, "USD").split("\n");
    expect(header).toBe(
      "label,output,unit,count (draws),mean (USD m),sd (USD m),min (USD m),p5 (USD m),p50 (USD m),p95 (USD m),max (USD m),es5 (USD m),pNegative (%),pPositive (%)",
    );
    expect(row).toBe("maker · FY2026 operating profit,company.maker.FY2026.operatingProfit,USD,4,2,0,1,1,2,3,3,1,25,75");
  });

  it("are offered by every data table that has its values: CSV, XLSX and JSON named after the scenario", () => {
    const spy = vi.spyOn(downloads, "download").mockImplementation(() => {});
    render(
      <ExportSourceContext.Provider value={{ scenario: "nissan-honda-us" }}>
        <DataTable caption="Companies" headers={["company"]} rows={[{ key: "a", cells: ["a"] }]} exportAs={{ table: companies(), base: "USD" }} />
      </ExportSourceContext.Provider>,
    );
    screen.getByRole("button", { name: "CSV of companies" }).click();
    expect(spy).toHaveBeenLastCalledWith(expect.any(Blob), "nissan-honda-us-companies.csv");
    screen.getByRole("button", { name: "JSON of companies" }).click();
    expect(spy).toHaveBeenLastCalledWith(expect.any(Blob), "nissan-honda-us-companies.json");
    expect(screen.getByRole("button", { name: "XLSX of companies" })).toBeTruthy();
  });
});

describe("chart exports", () => {
  it("carry the title, the legend as SVG, the chart and a source line", () => {
    const box = document.createElement("div");
    box.append(
      Plot.plot({
        width: 400,
        height: 200,
        color: { legend: true, domain: ["Section 232 on automobiles", "MFN"], range: ["#0072B2", "#E69F00"] },
        marks: [Plot.barY([{ m: "MFN", y: 1 }], { x: "m", y: "y", fill: "m" })],
      }),
    );
    const line = sourceLine({ scenario: "nissan-honda-us", version: 2 }, new Date("2026-12-07T08:00:00Z"));
    expect(line).toBe("Source: tieup, scenario nissan-honda-us (version 2), exported 2026-12-07");
    const text = chartSvg(box, { title: "Duty by measure (¥bn; offsets below zero)", source: line }) as string;
    const svg = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
    const texts = [...svg.querySelectorAll(":scope > text")].map((t) => t.textContent);
    expect(texts).toEqual(["Duty by measure (¥bn; offsets below zero)", "Section 232 on automobiles", "MFN", line]);
    // Legend swatches keep their colours; the chart sits below title and legend: 8 + 18 (title) + 10 + 18 (one legend row) + 4 = 58.
    expect([...svg.querySelectorAll(":scope > rect")].map((r) => r.getAttribute("fill"))).toEqual(["white", "#0072B2", "#E69F00"]);
    const chart = svg.querySelector(":scope > svg");
    expect(chart?.getAttribute("y")).toBe("58");
    // Height: 58 + 200 (chart) + 26 (source line).
    expect(svg.getAttribute("height")).toBe("284");
  });

  it("wraps long titles and legends to the chart's width", () => {
    expect(wrap("one two three four", 9)).toEqual(["one two", "three", "four"]);
    // Each item: 17 + 6.2 × 4 + 14 = 55.8 px; two fit in 120 px, the third wraps.
    const rows = layoutLegend(
      ["aaaa", "bbbb", "cccc"].map((label) => ({ label, colour: "#000" })),
      120,
    );
    expect(rows.map((r) => r.map((i) => [i.label, Number(i.x.toFixed(1))]))).toEqual([
      [
        ["aaaa", 0],
        ["bbbb", 55.8],
      ],
      [["cccc", 0]],
    ]);
  });

  it("the Chart's SVG button downloads the framed file", async () => {
    const spy = vi.spyOn(downloads, "download").mockImplementation(() => {});
    render(
      <ExportSourceContext.Provider value={{ scenario: "two-plants" }}>
        <Chart title="Operating profit ($m)" name="operating-profit" deps={[]} draw={(w) => Plot.plot({ width: w, marks: [Plot.ruleY([0])] })} />
      </ExportSourceContext.Provider>,
    );
    screen.getByRole("button", { name: "SVG" }).click();
    const blob = spy.mock.calls[0]?.[0] as Blob;
    const text = await blob.text();
    expect(spy.mock.calls[0]?.[1]).toBe("operating-profit.svg");
    expect(text).toContain(">Operating profit ($m)</text>");
    expect(text).toContain("Source: tieup, scenario two-plants, exported ");
  });
});
