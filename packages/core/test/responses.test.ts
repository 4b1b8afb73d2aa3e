import { describe, expect, it } from "vitest";
import { measure, num, run, scenario } from "./fixtures.js";

describe("dated price responses", () => {
  it("pass a share of the duty to the price for the sales in their dates, demand following the elasticity (hand-worked)", () => {
    // FY2025 (365 days), car 30,000, duty 10% on customs value 0.9 × 30,000 = 2,700 per unit, built abroad.
    // Response from 2025-10-01 (182 of 365 days): Δ = 182/365 × 0.5 × 2,700 = 673.15…; units 1,000 × (30,673.15/30,000)^−1.
    const r = run(
      scenario({
        plants: [{ id: "mx", name: "mx", owner: "maker", country: "MX", capacity: 100_000, fixedCost: 0, platforms: ["p"] }],
        programs: [
          {
            id: "car",
            name: "car",
            seller: "maker",
            brand: "car",
            category: "passenger-car",
            platform: "p",
            variableCost: 20_000,
            usmcaQualifying: false,
            sourcing: { mx: 1 },
            markets: { us: { price: 30_000, demand: 1_000 } },
          },
        ],
        lanes: [{ from: "MX", to: "us", costPerUnit: 0 }],
        tariffs: [measure("duty", 0.1)],
        priceResponses: [{ id: "pt", market: "us", from: "2025-10-01", passThrough: 0.5, elasticity: -1 }],
      }),
    );
    const delta = (182 / 365) * 0.5 * 2_700;
    expect(num(r.flows, { program: "car" }, "price")).toBeCloseTo(30_000 + delta, 6);
    expect(num(r.flows, { program: "car" }, "units")).toBeCloseTo(1_000 * (30_000 / (30_000 + delta)), 6);
  });

  it("a price change applies to the listed sellers only", () => {
    const base = scenario({ priceResponses: [{ id: "cut", market: "us", companies: ["other"], from: "2025-04-01", priceChange: -0.1 }] });
    base.companies = [...(base.companies ?? []), { id: "other", name: "other", reportingCurrency: "USD" }];
    expect(num(run(base).flows, { program: "car" }, "price")).toBe(30_000);
    base.priceResponses = [{ id: "cut", market: "us", from: "2025-04-01", priceChange: -0.1 }];
    expect(num(run(base).flows, { program: "car" }, "price")).toBeCloseTo(27_000, 9);
  });
});
