import { describe, expect, it } from "vitest";
import { measure, num, plant, program, run, scenario } from "./fixtures.js";

/** Two fiscal years; the yen at 150 in FY2024 (the rate the costs are written at) and 160 in FY2025. */
const twoYears = (extra: Parameters<typeof scenario>[0] = {}) =>
  scenario({
    horizon: { fiscalYears: { from: 2024, to: 2025, startMonth: 4 } },
    fx: { base: "USD", rates: { JPY: { FY2024: 150, FY2025: 160 } } },
    parameters: { partsShareOfVariableCost: 0.8, costCurrencies: { parts: { JP: "JPY" }, rates: { JPY: 150 } } },
    plants: [plant("ohio", "maker", "US"), plant("kyushu", "maker", "JP", { currency: "JPY" })],
    ...extra,
  });

describe("variable costs in the currency where they are incurred", () => {
  it("parts bought in yen are worth less in dollars when the yen weakens (hand-worked)", () => {
    // 20,000 USD written at FY2024 rates: parts 80% = 16,000, half from Japan = 8,000 USD = ¥1.2M.
    // FY2025 at ¥160: ¥1.2M = 7,500 USD; the rest (12,000 USD) is unchanged: 19,500 USD per unit.
    const r = run(twoYears({ programs: [program("car", "maker", { ohio: 1 }, { content: { JP: 0.5, US: 0.5 } })] }));
    expect(num(r.flows, { period: "FY2024", program: "car" }, "variableCost")).toBeCloseTo(1_000 * 20_000, 6);
    expect(num(r.flows, { period: "FY2025", program: "car" }, "variableCost")).toBeCloseTo(1_000 * 19_500, 6);
  });

  it("assembly costs follow the plant's currency with assembly: plant; a plant's own content overrides the program's", () => {
    // At Kyushu: parts 16,000 all Japanese (plantContent JP 1) and assembly 4,000 in yen: all 20,000 USD = ¥3M,
    // worth 18,750 USD at ¥160.
    const r = run(
      twoYears({
        parameters: { partsShareOfVariableCost: 0.8, costCurrencies: { parts: { JP: "JPY" }, assembly: "plant", rates: { JPY: 150 } } },
        programs: [program("car", "maker", { kyushu: 1 }, { content: { US: 1 }, plantContent: { kyushu: { JP: 1 } } })],
        lanes: [{ from: "JP", to: "us", costPerUnit: 0 }],
      }),
    );
    expect(num(r.flows, { period: "FY2025", program: "car" }, "variableCost")).toBeCloseTo(1_000 * 18_750, 6);
  });

  it("the declared value of yen-priced parts moves with the yen too", () => {
    // Parts duty 10% on Japanese parts imported into the US: 0.1 × 8,000 USD in FY2024, 0.1 × 7,500 in FY2025.
    const parts = measure("parts", 0.1, { categories: ["parts"], origins: ["JP"] });
    const r = run(twoYears({ tariffs: [parts], programs: [program("car", "maker", { ohio: 1 }, { content: { JP: 0.5, US: 0.5 } })] }));
    expect(num(r.flows, { period: "FY2024", program: "car" }, "partsDuty")).toBeCloseTo(1_000 * 800, 6);
    expect(num(r.flows, { period: "FY2025", program: "car" }, "partsDuty")).toBeCloseTo(1_000 * 750, 6);
  });

  it("without cost currencies, costs stay in the program's currency (the default)", () => {
    const r = run(twoYears({ parameters: {}, programs: [program("car", "maker", { ohio: 1 }, { content: { JP: 0.5, US: 0.5 } })] }));
    expect(num(r.flows, { period: "FY2025", program: "car" }, "variableCost")).toBe(1_000 * 20_000);
  });
});
