import { describe, expect, it } from "vitest";
import { evaluate, rows, Scenario } from "../../src/index.js";

// A plant closes on 2025-12-31, nine months into FY2025. Its program sells 1,200 units, with a
// monthly profile that puts them all in April–December: no sale falls after the closure, so
// nothing is lost. Spread evenly by days, 1,200 × 90/365 = 296 units would have been dropped.
const doc = (profile?: number[]) => ({
  horizon: { fiscalYears: { from: 2025, to: 2025 } },
  companies: [{ id: "maker", name: "Maker", reportingCurrency: "USD" }],
  markets: [{ id: "us", name: "US", country: "US", currency: "USD" }],
  plants: [{ id: "mx", name: "MX", owner: "maker", country: "MX", capacity: 10_000, fixedCost: 0, platforms: ["p"] }],
  programs: [
    {
      id: "suv",
      name: "SUV",
      seller: "maker",
      brand: "M",
      category: "passenger-car",
      platform: "p",
      variableCost: 30_000,
      sourcing: { mx: 1 },
      markets: { us: { price: 40_000, demand: 1_200, ...(profile ? { monthlyProfile: profile } : {}) } },
    },
  ],
  lanes: [{ from: "MX", to: "us", costPerUnit: 0 }],
  deals: [{ id: "close", type: "plant-action", name: "Close", plant: "mx", action: "close", lastDay: "2025-12-31", period: "FY2025" }],
});

const units = (d: unknown) => rows(evaluate(Scenario.parse(d)).flows).reduce((s, f) => s + Number(f.units), 0);

describe("a closure and the sales profile", () => {
  it("loses the volume sold after the last day, by days when sales are even", () => {
    expect(units(doc())).toBeCloseTo(1_200 * (275 / 365), 6);
  });

  it("loses nothing when the profile has no sales after the last day", () => {
    expect(units(doc([0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1]))).toBeCloseTo(1_200, 6);
  });
});
