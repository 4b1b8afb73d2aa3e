import { describe, expect, it } from "vitest";
import { market, measure, num, program, run, scenario, total } from "./fixtures.js";

/** One US plant, FY2024–FY2025; half the parts (8,000 of 16,000 per car) from Japan; 1,000 cars a year at MSRP 30,000. */
function twoYears(offset: Record<string, unknown>) {
  return scenario({
    horizon: { fiscalYears: { from: 2024, to: 2025, startMonth: 4 } },
    parameters: { partsShareOfVariableCost: 0.8 },
    programs: [program("car", "maker", { ohio: 1 }, { content: { JP: 0.5, US: 0.5 } })],
    tariffs: [
      measure("parts-24", 0.05, { categories: ["parts"], origins: ["JP"], from: "2024-04-01", to: "2025-03-31" }),
      measure("parts-25", 0.25, { categories: ["parts"], origins: ["JP"], from: "2025-04-01" }),
      measure("offset", 0.02, { kind: "offset", origins: ["US"], basis: "msrp", offsets: ["parts-24", "parts-25"], from: "2024-04-01", ...offset }),
    ],
  });
}

describe("US-assembly offsets as the rules write them", () => {
  it("unused credit carries forward to later periods (hand-worked)", () => {
    // Credit 0.02 × 30,000 × 1,000 = 600,000 a year. FY2024 parts duty 0.05 × 8,000 × 1,000 = 400,000: used 400,000, 200,000 carried.
    // FY2025 parts duty 0.25 × 8,000 × 1,000 = 2,000,000: available 600,000 + 200,000, all used.
    const carried = run(twoYears({ carryForward: true }));
    expect(num(carried.companies, { period: "FY2024" }, "offset")).toBeCloseTo(400_000, 4);
    expect(num(carried.companies, { period: "FY2025" }, "offset")).toBeCloseTo(800_000, 4);
    const lost = run(twoYears({}));
    expect(num(lost.companies, { period: "FY2025" }, "offset")).toBeCloseTo(600_000, 4);
  });

  it("credit never exceeds the duties it offsets, over the horizon", () => {
    const r = run(twoYears({ carryForward: true }));
    expect(total(r.companies, "offset")).toBeLessThanOrEqual(total(r.companies, "partsDuty") + 1e-6);
  });

  it("vehicles assembled in the US and exported earn credit when the offset says so", () => {
    const exported = (earnedOnExports: boolean) =>
      run({
        ...twoYears({ earnedOnExports }),
        markets: [market("us", "US"), market("ca", "CA", "USD")],
        programs: [program("car", "maker", { ohio: 1 }, { content: { JP: 0.5, US: 0.5 }, markets: { ca: { price: 30_000, demand: 1_000 } } })],
        lanes: [{ from: "US", to: "ca", costPerUnit: 0 }],
      });
    expect(num(exported(true).companies, { period: "FY2025" }, "offset")).toBeCloseTo(600_000, 4);
    expect(num(exported(false).companies, { period: "FY2025" }, "offset")).toBe(0);
  });
});
