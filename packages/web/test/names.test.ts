import { columnWords, fitLabel, metricLabel, nameOf, namesOf } from "@tieup/charts/names";
import { dutyChart, waterfallData } from "@tieup/charts/overview";
import { BRIDGE, COMPANY_DUTIES, type Metric, tableOfRows } from "@tieup/core";
import { describe, expect, it } from "vitest";

const meta = {
  companies: [
    { id: "honda", name: "Honda", currency: "JPY" },
    { id: "nissan", name: "  ", currency: "JPY" },
  ],
  measures: [{ id: "s232-usmca", name: "Section 232, USMCA content", kind: "vehicle", importer: "US", origins: ["MX"], rate: 0.25, from: "2025-04-03" }],
  programs: [{ id: "cr-v", name: "Honda CR-V", seller: "honda" }],
  plants: [{ id: "ramos-arizpe", name: "GM Ramos Arizpe", owner: "honda", country: "MX" }],
  markets: [{ id: "us", name: "United States", country: "US" }],
  deals: [{ id: "canton-pickup", name: "Canton pickup", type: "contract-manufacturing" }],
};

describe("names instead of ids", () => {
  it("use the scenario's name, else the id (a blank name counts as none)", () => {
    const n = namesOf(meta);
    expect(n.measure("s232-usmca")).toBe("Section 232, USMCA content");
    expect(n.company("nissan")).toBe("nissan");
    expect(n.company("toyota")).toBe("toyota");
    expect(n.plant("ramos-arizpe")).toBe("GM Ramos Arizpe");
    expect(nameOf(meta.programs, "cr-v")).toBe("Honda CR-V");
  });

  it("spell out sweep outputs: company, period and column, or the deal and what of it", () => {
    const n = namesOf(meta);
    const company: Metric = {
      name: "company.honda.FY2026.operatingProfit",
      kind: "company",
      company: "honda",
      period: "FY2026",
      column: "operatingProfit",
      unit: "JPY",
    };
    expect(metricLabel(company, n)).toBe("Honda · FY2026 operating profit");
    expect(metricLabel({ name: "deal.canton-pickup.npv.honda", kind: "npv", deal: "canton-pickup", company: "honda", unit: "JPY" }, n)).toBe(
      "Canton pickup · NPV of Honda's gain",
    );
    expect(metricLabel({ name: "deal.canton-pickup.zone", kind: "zone", deal: "canton-pickup", parties: [], unit: "probability" }, n)).toBe(
      "Canton pickup · P(zone of agreement)",
    );
    expect(columnWords("companyOperatingProfit")).toBe("operating profit, whole company");
    expect(columnWords("transferIn")).toBe("transfer in");
  });
});

describe("tooltips in words and units", () => {
  it("say what a waterfall step is, for whom, and how much: 'FX effect · Honda: ¥332.7bn', not 'fx honda ¥bn 332.661'", () => {
    const bridge = tableOfRows(BRIDGE, [
      { company: "honda", step: "start", label: "from", from: "FY2024", to: "FY2025", currency: "JPY", amount: 1_200e9 },
      { company: "honda", step: "fx", label: "exchange rates", from: "FY2024", to: "FY2025", currency: "JPY", amount: 332.661e9 },
      { company: "honda", step: "end", label: "to", from: "FY2024", to: "FY2025", currency: "JPY", amount: 1_532.661e9 },
    ]);
    const bars = waterfallData(bridge, namesOf(meta));
    expect(bars.map((b) => b.tip)).toEqual([
      "Operating profit FY2024 · Honda: ¥1,200.0bn",
      "FX effect · Honda: ¥332.7bn",
      "Operating profit FY2025 · Honda: ¥1,532.7bn",
    ]);
    expect(bars[1]?.company).toBe("Honda");
  });

  it("name the measure and company of a duty bar, with the amount in its currency", () => {
    const duties = tableOfRows(COMPANY_DUTIES, [
      { period: "FY2025", company: "honda", measure: "s232-usmca", kind: "vehicle", currency: "JPY", amountBase: 1e9, amount: 150.25e9 },
    ]);
    const options = dutyChart(duties, ["s232-usmca"], 640, "¥bn", namesOf(meta));
    expect(options.color?.domain).toEqual(["Section 232, USMCA content"]);
    const data = (options.marks as unknown as { data: { tip: string }[] }[])[0]?.data ?? [];
    expect(data.map((d) => d.tip)).toEqual(["Section 232, USMCA content · Honda, FY2025: ¥150.3bn"]);
  });
});

describe("labels that must fit a margin", () => {
  it("are cut in the middle, keeping the start and the end", () => {
    // 20 characters in all of 44: 10 from the start ("Nissan bui"), the ellipsis, 9 from the end ("da's gain").
    expect(fitLabel("Nissan builds a pickup · NPV of Honda's gain", 20)).toBe("Nissan bui…da's gain");
    expect(fitLabel("short", 20)).toBe("short");
  });
});
