import { describe, expect, it } from "vitest";
import { company, market, measure, num, plant, program, run, scenario } from "./fixtures.js";

// One maker, the US market, two plants: ohio (US) builds 60%, kyushu (JP) 40% of 1 000 units.
// Price 30 000, variable cost 20 000, lanes US→us 500 and JP→us 1 500 (USD).
const twoPlants = (extra: Parameters<typeof scenario>[0] = {}) =>
  scenario({
    plants: [plant("ohio", "maker", "US"), plant("kyushu", "maker", "JP")],
    programs: [program("car", "maker", { ohio: 0.6, kyushu: 0.4 })],
    lanes: [
      { from: "US", to: "us", costPerUnit: 500 },
      { from: "JP", to: "us", costPerUnit: 1_500 },
    ],
    ...extra,
  });

describe("flows: revenue, variable cost, logistics, contribution", () => {
  const r = run(twoPlants());
  const ohio = { period: "FY2025", program: "car", plant: "ohio", market: "us" };
  const kyushu = { ...ohio, plant: "kyushu" };

  it("splits demand by the sourcing shares: 600 from ohio, 400 from kyushu", () => {
    expect(num(r.flows, ohio, "units")).toBeCloseTo(600, 9);
    expect(num(r.flows, kyushu, "units")).toBeCloseTo(400, 9);
  });

  it("revenue = units × price, variable cost = units × cost, logistics = units × lane cost", () => {
    expect(num(r.flows, ohio, "revenue")).toBeCloseTo(600 * 30_000, 3); // 18 000 000
    expect(num(r.flows, ohio, "variableCost")).toBeCloseTo(600 * 20_000, 3); // 12 000 000
    expect(num(r.flows, ohio, "logistics")).toBeCloseTo(600 * 500, 3); // 300 000
    expect(num(r.flows, kyushu, "logistics")).toBeCloseTo(400 * 1_500, 3); // 600 000
  });

  it("contribution = revenue − variable cost − logistics (no duties)", () => {
    // ohio: 600 × (30 000 − 20 000 − 500) = 5 700 000; kyushu: 400 × (30 000 − 20 000 − 1 500) = 3 400 000
    expect(num(r.flows, ohio, "contribution")).toBeCloseTo(5_700_000, 3);
    expect(num(r.flows, kyushu, "contribution")).toBeCloseTo(3_400_000, 3);
  });

  it("contribution also subtracts the vehicle duty of the imported units", () => {
    const withMfn = run(twoPlants({ tariffs: [measure("mfn-car", 0.025, { kind: "mfn" })] }));
    // kyushu duty = 400 × 0.025 × (0.9 × 30 000) = 270 000; contribution 3 400 000 − 270 000 = 3 130 000
    expect(num(withMfn.flows, kyushu, "vehicleDuty")).toBeCloseTo(270_000, 3);
    expect(num(withMfn.flows, kyushu, "contribution")).toBeCloseTo(3_130_000, 3);
    // a US-built vehicle sold in the US pays no vehicle duty
    expect(num(withMfn.flows, ohio, "vehicleDuty")).toBe(0);
  });
});

describe("lanes", () => {
  it("a plant-specific lane wins over the lane of the plant's country", () => {
    const r = run(
      twoPlants({
        lanes: [
          { from: "US", to: "us", costPerUnit: 500 },
          { from: "ohio", to: "us", costPerUnit: 200 },
          { from: "JP", to: "us", costPerUnit: 1_500 },
        ],
      }),
    );
    // 600 × 200 = 120 000
    expect(num(r.flows, { plant: "ohio" }, "logistics")).toBeCloseTo(120_000, 3);
  });

  it("a lane in another currency is converted at the period rate", () => {
    const r = run(
      twoPlants({
        fx: { base: "USD", rates: { JPY: { FY2025: 150 } } },
        lanes: [
          { from: "US", to: "us", costPerUnit: 500 },
          { from: "JP", to: "us", currency: "JPY", costPerUnit: 45_000 },
        ],
      }),
    );
    // 45 000 JPY / 150 = 300 USD per unit; 400 × 300 = 120 000
    expect(num(r.flows, { plant: "kyushu" }, "logistics")).toBeCloseTo(120_000, 3);
  });
});

describe("sourcing steps by period", () => {
  const r = run(
    twoPlants({
      horizon: { fiscalYears: { from: 2025, to: 2027, startMonth: 4 } },
      programs: [
        program("car", "maker", [
          { from: "FY2025", shares: { ohio: 0.6, kyushu: 0.4 } },
          { from: "FY2026", shares: { ohio: 0.8, kyushu: 0.2 } },
        ]),
      ],
    }),
  );

  it("applies each step from its period on and keeps it until the next", () => {
    // FY2025: 1 000 × 0.6 / 0.4; FY2026 and FY2027: 1 000 × 0.8 / 0.2
    expect(num(r.flows, { period: "FY2025", plant: "ohio" }, "units")).toBeCloseTo(600, 9);
    expect(num(r.flows, { period: "FY2026", plant: "ohio" }, "units")).toBeCloseTo(800, 9);
    expect(num(r.flows, { period: "FY2026", plant: "kyushu" }, "units")).toBeCloseTo(200, 9);
    expect(num(r.flows, { period: "FY2027", plant: "kyushu" }, "units")).toBeCloseTo(200, 9);
  });
});

describe("currency", () => {
  it("converts a market's prices to the base currency at the period's rate", () => {
    const r = run(
      scenario({
        horizon: { fiscalYears: { from: 2025, to: 2026, startMonth: 4 } },
        fx: { base: "USD", rates: { CAD: { FY2025: 1.25, FY2026: 1.6 } } },
        markets: [market("us", "US"), market("ca", "CA", "CAD")],
        programs: [program("car", "maker", { ohio: 1 }, { markets: { ca: { price: 40_000, demand: 100 } } })],
      }),
    );
    // FY2025: 100 × 40 000 CAD / 1.25 = 3 200 000 USD; FY2026: 100 × 40 000 / 1.6 = 2 500 000 USD
    expect(num(r.flows, { period: "FY2025", market: "ca" }, "revenue")).toBeCloseTo(3_200_000, 3);
    expect(num(r.flows, { period: "FY2026", market: "ca" }, "revenue")).toBeCloseTo(2_500_000, 3);
  });

  it("reports a company's operating profit in JPY at each period's average rate", () => {
    const r = run(
      twoPlants({
        horizon: { fiscalYears: { from: 2025, to: 2026, startMonth: 4 } },
        fx: { base: "USD", rates: { JPY: { FY2025: 150, FY2026: 140 } } },
        companies: [company("maker", { reportingCurrency: "JPY" })],
        plants: [plant("ohio", "maker", "US", { fixedCost: 1_000_000 }), plant("kyushu", "maker", "JP")],
      }),
    );
    // operating profit (USD) = 5 700 000 + 3 400 000 − 1 000 000 = 8 100 000 in both years
    const fy25 = { period: "FY2025", company: "maker" };
    const fy26 = { period: "FY2026", company: "maker" };
    expect(num(r.companies, fy25, "operatingProfitBase")).toBeCloseTo(8_100_000, 3);
    // × 150 = 1 215 000 000 JPY; × 140 = 1 134 000 000 JPY
    expect(num(r.companies, fy25, "operatingProfit")).toBeCloseTo(1_215_000_000, 0);
    expect(num(r.companies, fy26, "operatingProfit")).toBeCloseTo(1_134_000_000, 0);
    // revenue 30 000 000 USD × 150
    expect(num(r.companies, fy25, "revenue")).toBeCloseTo(4_500_000_000, 0);
    expect(r.companies.data.currency?.[0]).toBe("JPY");
  });
});
