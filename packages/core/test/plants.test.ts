import { describe, expect, it } from "vitest";
import { num, plant, program, run, scenario } from "./fixtures.js";

// Plant ohio: capacity 200 000/year, fixed cost 400 million/year; builds 100 000 cars a year at
// price 30 000, variable cost 24 000, logistics 500 → contribution 5 500 per unit.
const base = (extra: Parameters<typeof scenario>[0] = {}) =>
  scenario({
    plants: [plant("ohio", "maker", "US", { capacity: { value: 200, unit: "thousand units/year" }, fixedCost: 400e6 })],
    programs: [program("car", "maker", { ohio: 1 }, { variableCost: 24_000, markets: { us: { price: 30_000, demand: 100_000 } } })],
    lanes: [{ from: "US", to: "us", costPerUnit: 500 }],
    ...extra,
  });

describe("plant utilisation and break-even", () => {
  const r = run(base());
  const ohio = { period: "FY2025", plant: "ohio" };

  it("utilisation = output ÷ capacity = 100 000 / 200 000 = 0.5", () => {
    expect(num(r.plants, ohio, "output")).toBeCloseTo(100_000, 6);
    expect(num(r.plants, ohio, "capacity")).toBeCloseTo(200_000, 6);
    expect(num(r.plants, ohio, "utilisation")).toBeCloseTo(0.5, 12);
  });

  it("break-even utilisation = fixed cost ÷ (capacity × contribution per unit) = 400e6 / (200 000 × 5 500) = 0.363636", () => {
    expect(num(r.plants, ohio, "contributionPerUnit")).toBeCloseTo(5_500, 6);
    expect(num(r.plants, ohio, "fixedCost")).toBeCloseTo(400_000_000, 3);
    expect(num(r.plants, ohio, "breakEvenUtilisation")).toBeCloseTo(400e6 / (200_000 * 5_500), 12);
  });

  it("shows the reported break-even beside the computed one", () => {
    const reported = run(base({ plants: [plant("ohio", "maker", "US", { capacity: 200_000, fixedCost: 400e6, breakEvenUtilisation: "80%" })] }));
    expect(num(reported.plants, ohio, "breakEvenReported")).toBeCloseTo(0.8, 12);
    expect(num(reported.plants, ohio, "breakEvenUtilisation")).toBeCloseTo(0.363636, 6);
  });

  it("duties lower the contribution per unit and raise the break-even", () => {
    // parts duty 0.25 × (24 000 × 0.8) × 0.3 = 1 440 per unit → contribution 4 060; 400e6 / (200 000 × 4 060) = 0.492611
    const withParts = run(
      base({
        programs: [
          program("car", "maker", { ohio: 1 }, { variableCost: 24_000, content: { US: 0.7, JP: 0.3 }, markets: { us: { price: 30_000, demand: 100_000 } } }),
        ],
        tariffs: [
          { id: "s232-parts", name: "parts", importer: "US", origins: ["*"], categories: ["parts"], kind: "additional", rate: 0.25, from: "1990-01-01" },
        ],
      }),
    );
    expect(num(withParts.plants, ohio, "breakEvenUtilisation")).toBeCloseTo(400e6 / (200_000 * 4_060), 9);
  });

  it("has no break-even when the plant builds nothing", () => {
    const idle = run(
      base({ plants: [plant("ohio", "maker", "US", { capacity: 200_000, fixedCost: 400e6 }), plant("idle", "maker", "US", { fixedCost: 1e6 })] }),
    );
    const row = { period: "FY2025", plant: "idle" };
    expect(num(idle.plants, row, "utilisation")).toBe(0);
    expect(num(idle.plants, row, "fixedCost")).toBeCloseTo(1e6, 3);
    expect(idle.plants.data.breakEvenUtilisation?.[1]).toBeNull();
  });

  it("warns when output exceeds capacity", () => {
    const over = run(base({ plants: [plant("ohio", "maker", "US", { capacity: 80_000 })] }));
    expect(num(over.plants, ohio, "utilisation")).toBeCloseTo(1.25, 12);
    expect(over.warnings.join("\n")).toMatch(/ohio.*125\.0%.*FY2025/);
  });
});

describe("capacity and fixed cost scale with the period", () => {
  it("by the period's length in years: a 6-month period has half the annual capacity and fixed cost", () => {
    const r = run(
      base({
        horizon: {
          periods: [
            { id: "H1", start: "2025-04-01", end: "2025-09-30" },
            { id: "H2", start: "2025-10-01", end: "2026-03-31" },
          ],
        },
      }),
    );
    // 200 000 × 6/12 = 100 000; 400e6 × 6/12 = 200e6; demand 100 000 per period → utilisation 1
    expect(num(r.plants, { period: "H1", plant: "ohio" }, "capacity")).toBeCloseTo(100_000, 6);
    expect(num(r.plants, { period: "H2", plant: "ohio" }, "fixedCost")).toBeCloseTo(200e6, 3);
    expect(num(r.plants, { period: "H1", plant: "ohio" }, "utilisation")).toBeCloseTo(1, 12);
  });

  it("by the share of the period the plant is open (openUntil)", () => {
    const r = run(
      base({
        horizon: { fiscalYears: { from: 2025, to: 2026, startMonth: 4 } },
        plants: [plant("ohio", "maker", "US", { capacity: 200_000, fixedCost: 400e6, openUntil: "2025-09-30" })],
        programs: [program("car", "maker", { ohio: 1 }, { variableCost: 24_000, markets: { us: { price: 30_000, demand: { FY2025: 50_000, FY2026: 0 } } } })],
      }),
    );
    // open 2025-04-01..09-30 = 30+31+30+31+31+30 = 183 of 365 days
    const fy25 = { period: "FY2025", plant: "ohio" };
    expect(num(r.plants, fy25, "capacity")).toBeCloseTo((200_000 * 183) / 365, 6);
    expect(num(r.plants, fy25, "fixedCost")).toBeCloseTo((400e6 * 183) / 365, 3);
    // 50 000 / 100 273.97 = 0.498634
    expect(num(r.plants, fy25, "utilisation")).toBeCloseTo(50_000 / ((200_000 * 183) / 365), 12);
    // closed for all of FY2026: no capacity, no fixed cost
    expect(num(r.plants, { period: "FY2026", plant: "ohio" }, "capacity")).toBe(0);
    expect(num(r.plants, { period: "FY2026", plant: "ohio" }, "fixedCost")).toBe(0);
  });

  it("converts a fixed cost in the plant's currency to the base currency", () => {
    const r = run(
      base({
        fx: { base: "USD", rates: { JPY: { FY2025: 150 } } },
        plants: [plant("ohio", "maker", "US", { capacity: 200_000, currency: "JPY", fixedCost: 60e9 })],
      }),
    );
    // 60e9 JPY / 150 = 400e6 USD
    expect(num(r.plants, { plant: "ohio" }, "fixedCost")).toBeCloseTo(400e6, 3);
  });
});
