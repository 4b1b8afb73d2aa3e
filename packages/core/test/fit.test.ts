import { describe, expect, it } from "vitest";
import { fitScope, residual, rows, runScenario, Target } from "../src/index.js";
import { build, company, plant, scenario } from "./fixtures.js";

describe("fitting the modelled scope to the reported base year", () => {
  // 1,000 cars at 30,000 with cost 20,000: contribution 10M; fixed 6M; scope OP 4M (USD reporting).
  // The segment earned 20 on revenue 100 (20%): target 20% × 30M = 6M, so k = (4 + 6 − 6) ÷ 6 = 2/3,
  // and the rest of company is the reported 50 less the scope at its target: 44M.
  const input = scenario({
    companies: [
      company("maker", {
        reported: {
          period: "FY2025",
          operatingProfit: 50e6,
          segment: { name: "autos", operatingProfit: 20e6, revenue: 100e6 },
        },
      }),
    ],
    plants: [plant("ohio", "maker", "US", { fixedCost: 6e6 })],
  });

  it("gives the fixed-cost scale and rest of company, hand-worked", () => {
    const [fit] = fitScope(build(input));
    expect(fit?.scopeRevenue).toBeCloseTo(30e6, 3);
    expect(fit?.revenueShare).toBeCloseTo(0.3, 12);
    expect(fit?.scopeOperatingProfit).toBeCloseTo(4e6, 3);
    expect(fit?.target).toBeCloseTo(6e6, 3);
    expect(fit?.fixedCostScale).toBeCloseTo(2 / 3, 12);
    expect(fit?.restOfCompany).toBeCloseTo(44e6, 3);
  });

  it("puts the scope on the target and the whole company on the reported figure once applied", () => {
    const [fit] = fitScope(build(input));
    const fitted = build({
      ...input,
      plants: [plant("ohio", "maker", "US", { fixedCost: 6e6 * (fit?.fixedCostScale ?? 1) })],
      companies: [{ ...(input.companies[0] as object), restOfCompany: { period: "FY2025", operatingProfit: fit?.restOfCompany ?? 0 } } as never],
    });
    const row = rows(runScenario(fitted).results.companies)[0];
    expect(Number(row?.operatingProfit)).toBeCloseTo(6e6, 3);
    expect(Number(row?.companyOperatingProfit)).toBeCloseTo(50e6, 3);
  });
});

describe("a calibration band in absolute terms", () => {
  const target = (absolute?: number) =>
    Target.parse({
      id: "t",
      company: "maker",
      statement: "a loss near zero",
      metric: "operating-profit",
      period: "FY2025",
      reported: -5,
      unit: "JPY billion",
      tolerance: 0.3,
      ...(absolute === undefined ? {} : { absolute }),
      asOf: { date: "2025-08-06" },
      source: "data/facts/results.csv#x",
    });

  it("accepts a miss within ± absolute where a relative band near zero would not", () => {
    // Model 20 against −5: 25 off, 500% of the figure; inside ±30, outside ±30%.
    expect(residual(target(30), 20).within).toBe(true);
    expect(residual(target(), 20).within).toBe(false);
    expect(residual(target(30), -40).within).toBe(false);
  });
});
