import { describe, expect, it } from "vitest";
import type { ScenarioInput } from "../../src/index.js";
import { company, num, one, scenario } from "../fixtures.js";
import { type DealIn, errorsOf, evaluateWith, expectSameResults, withoutDeal } from "./capital-plant-helpers.js";

/**
 * A maker (one US plant, 1,000 cars a year at 30,000, variable cost 20,000:
 * operating profit 10M a year) holds a stake in a partner that is not
 * modelled. The partner reports in yen: FY2025 rate 150 JPY/USD, FY2026 140.
 * Amounts in yen are written in billions (100 = ¥100 billion).
 */
const B = 1e9;
const tie = (over: Partial<DealIn> = {}): DealIn =>
  ({
    id: "tie",
    type: "capital-tie",
    name: "Maker holds 15% of Partner",
    holder: "maker",
    investee: "partner",
    stake: 0.15,
    currency: "JPY",
    investeeProfit: { FY2025: 100 * B, FY2026: 120 * B },
    ...over,
  }) as DealIn;

function withTie(deal: DealIn = tie(), companies = [company("maker")]): ScenarioInput {
  return scenario({
    horizon: { fiscalYears: { from: 2025, to: 2026, startMonth: 4 } },
    fx: { base: "USD", rates: { JPY: { FY2025: 150, FY2026: 140 } } },
    companies,
    lanes: [{ from: "US", to: "us", costPerUnit: 0 }],
    deals: [deal],
  });
}

const maker = (r: ReturnType<typeof evaluateWith>, period: string, column: string) => num(r.companies, { company: "maker", period }, column);

describe("capital tie: equity-method income", () => {
  it("books stake × investee profit, converted at the period's rate, below operating profit", () => {
    const s = withTie();
    const on = evaluateWith(s);
    const off = evaluateWith(withoutDeal(s, "tie"));
    // 15% × ¥100bn = ¥15bn; at 150 JPY/USD that is $100M (the maker reports in USD).
    expect(maker(on, "FY2025", "equityIncome")).toBeCloseTo(100e6, 0);
    // Operating profit is the plant's and the cars': (30,000 − 20,000) × 1,000 = 10M, with or without the stake.
    expect(maker(on, "FY2025", "operatingProfit")).toBeCloseTo(10e6, 0);
    expect(maker(on, "FY2025", "operatingProfit")).toBeCloseTo(maker(off, "FY2025", "operatingProfit"), 6);
    // profit = operating profit + equity income = 10M + 100M.
    expect(maker(on, "FY2025", "profit")).toBeCloseTo(110e6, 0);
    expect(maker(on, "FY2025", "profitBase")).toBeCloseTo(110e6, 0);
  });

  it("reports equity income in a yen-reporting holder's currency: ¥15bn whatever the rate", () => {
    const on = evaluateWith(withTie(tie(), [company("maker", { reportingCurrency: "JPY" })]));
    // ¥100bn × 15% = ¥15bn → $100M in the base at 150 → ¥15bn again in the holder's books.
    expect(maker(on, "FY2025", "equityIncome")).toBeCloseTo(15 * B, 0);
    expect(one(on.companies, { company: "maker", period: "FY2025" }).currency).toBe("JPY");
    // FY2026 at 140: 15% × ¥120bn = ¥18bn.
    expect(maker(on, "FY2026", "equityIncome")).toBeCloseTo(18 * B, 0);
  });

  it("reports dividends received (stake × dividends paid) beside profit, never in it", () => {
    const s = withTie(tie({ dividends: { FY2025: 40 * B } } as Partial<DealIn>));
    const on = evaluateWith(s);
    const noDividends = evaluateWith(withTie());
    // 15% × ¥40bn = ¥6bn = $40M at 150.
    expect(maker(on, "FY2025", "dividends")).toBeCloseTo(40e6, 0);
    expect(maker(on, "FY2026", "dividends")).toBe(0);
    // Profit is the same with or without dividends: they are cash out of profit already counted.
    expect(maker(on, "FY2025", "profit")).toBeCloseTo(maker(noDividends, "FY2025", "profit"), 0);
    expect(maker(on, "FY2025", "profit")).toBeCloseTo(110e6, 0);
  });

  it("follows a stake by period: 15% in FY2025, then 10% in FY2026", () => {
    const on = evaluateWith(withTie(tie({ stake: { FY2025: 0.15, FY2026: 0.1 } } as Partial<DealIn>)));
    expect(maker(on, "FY2025", "equityIncome")).toBeCloseTo(100e6, 0); // 15% × ¥100bn / 150
    expect(maker(on, "FY2026", "equityIncome")).toBeCloseTo((0.1 * 120 * B) / 140, 0); // 10% × ¥120bn / 140 = $85.714M
    expect(maker(on, "FY2026", "profit")).toBeCloseTo(10e6 + (0.1 * 120 * B) / 140, 0);
  });

  it("books a share of a loss as a negative equity income", () => {
    const on = evaluateWith(withTie(tie({ investeeProfit: { FY2025: -30 * B, FY2026: 0 } } as Partial<DealIn>)));
    expect(maker(on, "FY2025", "equityIncome")).toBeCloseTo(-30e6, 0); // 15% × −¥30bn / 150
    expect(maker(on, "FY2025", "profit")).toBeCloseTo(10e6 - 30e6, 0);
  });
});

describe("capital tie: counterfactual", () => {
  it("evaluated as its counterfactual (no stake), equals the scenario without the deal", () => {
    const s = withTie(tie({ dividends: { FY2025: 40 * B, FY2026: 50 * B } } as Partial<DealIn>));
    expectSameResults(evaluateWith(s, ["tie"]), evaluateWith(withoutDeal(s, "tie")));
    expect(maker(evaluateWith(s, ["tie"]), "FY2025", "equityIncome")).toBe(0);
  });

  it("holds counterfactualStake without the deal: 5% × ¥100bn / 150 = $33.3M", () => {
    const off = evaluateWith(withTie(tie({ counterfactualStake: 0.05 } as Partial<DealIn>)), ["tie"]);
    expect(maker(off, "FY2025", "equityIncome")).toBeCloseTo((0.05 * 100 * B) / 150, 0);
    expect(maker(off, "FY2025", "operatingProfit")).toBeCloseTo(10e6, 0);
  });
});

describe("capital tie: validation", () => {
  it("accepts the tie", () => {
    expect(errorsOf(withTie())).toEqual([]);
  });

  it("names an unknown holder and suggests the closest company", () => {
    expect(errorsOf(withTie(tie({ holder: "makr" })))).toContainEqual(
      expect.objectContaining({ path: "deals[0].holder", message: "unknown company `makr`", suggestion: "did you mean `maker`?" }),
    );
  });

  it("names the periods missing from the investee's profit", () => {
    const e = errorsOf(withTie(tie({ investeeProfit: { FY2025: 100 * B } } as Partial<DealIn>)));
    expect(e).toContainEqual(expect.objectContaining({ path: "deals[0].investeeProfit", message: expect.stringContaining("FY2026") }));
    expect(e.find((i) => i.path === "deals[0].investeeProfit")?.suggestion).toMatch(/investeeProfit\.FY2026/);
  });

  it("requires a stake by period to cover the horizon, or one number", () => {
    const e = errorsOf(withTie(tie({ stake: { FY2025: 0.15 } } as Partial<DealIn>)));
    expect(e).toContainEqual(expect.objectContaining({ path: "deals[0].stake", message: expect.stringContaining("FY2026") }));
    expect(e.find((i) => i.path === "deals[0].stake")?.suggestion).toMatch(/one number/);
  });

  it("rejects periods outside the horizon and a stake above 100%", () => {
    const e = errorsOf(withTie(tie({ stake: { FY2025: 0.15, FY2026: 0.1, FY2030: 0.1 } } as Partial<DealIn>)));
    expect(e).toContainEqual(expect.objectContaining({ path: "deals[0].stake.FY2030", message: "unknown period `FY2030`" }));
    expect(errorsOf(withTie(tie({ stake: 1.5 })))[0]?.path).toBe("deals[0].stake");
  });

  it("requires a rate for the deal's currency in every period", () => {
    const s = withTie(tie({ currency: "EUR" }));
    expect(errorsOf(s)).toContainEqual(
      expect.objectContaining({
        path: "deals[0].currency",
        message: expect.stringContaining("no EUR rate for FY2025, FY2026"),
        suggestion: expect.stringContaining("fx.rates.EUR.FY2025"),
      }),
    );
  });

  it("rejects negative dividends and a stake in oneself", () => {
    expect(errorsOf(withTie(tie({ dividends: { FY2025: -1 } } as Partial<DealIn>)))).toContainEqual(
      expect.objectContaining({ path: "deals[0].dividends.FY2025" }),
    );
    expect(errorsOf(withTie(tie({ investee: "maker" })))).toContainEqual(expect.objectContaining({ path: "deals[0].investee" }));
  });
});
