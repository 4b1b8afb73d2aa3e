import { describe, expect, it } from "vitest";
import { analyseDeal, type ScenarioInput, validateScenario } from "../../src/index.js";
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
    expect(e).toContainEqual(expect.objectContaining({ path: "deals[0].stake.FY2030", message: "FY2030 is outside the horizon FY2025–FY2026" }));
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

describe("capital tie: in cash, its market value and the other side", () => {
  /**
   * 15% in FY2025, 10% in FY2026; the investee pays ¥40bn of dividends each
   * year and is worth ¥1,000bn. The maker discounts at 10%, values as of
   * 2025-04-01 (the horizon's start), and reports in USD (150, then 140 JPY/USD).
   *
   *   FY2025 cash: 15% × ¥40bn = ¥6bn = $40M
   *   FY2026 cash: 10% × ¥40bn = ¥4bn = $28.571M, plus the 5% sold at market: ¥50bn = $357.143M
   *   stake at the end: 10% × ¥1,000bn = ¥100bn = $714.286M, at the horizon's end (2 years)
   *   keep = 40/1.1^0.5 + 385.714/1.1^1.5 + 714.286/1.1^2;  sell now = 15% × ¥1,000bn / 150 = $1,000M
   */
  const cashTie = (over: Partial<DealIn> = {}) =>
    tie({
      stake: { FY2025: 0.15, FY2026: 0.1 },
      dividends: { FY2025: 40 * B, FY2026: 40 * B },
      investeeMarket: { date: "2025-04-01", marketCap: 1000 * B },
      ...over,
    } as Partial<DealIn>);
  const analyse = (input: ScenarioInput) => {
    const v = validateScenario(input);
    if (!v.scenario) throw new Error(JSON.stringify(v.issues));
    return analyseDeal(v.scenario, "tie");
  };
  const makerAt = (extra = {}) => [company("maker", { discountRate: 0.1, taxRate: 0.3, ...extra })];

  it("keeps the stake (dividends, the sale at market, the stake left at the end) against selling it now", () => {
    const f = analyse(withTie(cashTie(), makerAt())).terms?.figures as Record<string, number> & { cash: { proceeds: number; dividends: number }[] };
    expect(f.cash[0]?.dividends).toBeCloseTo(40e6, 0);
    expect(f.cash[1]?.dividends).toBeCloseTo((4 * B) / 140, 0);
    expect(f.cash[1]?.proceeds).toBeCloseTo((50 * B) / 140, 0);
    expect(f.terminalStakeValue).toBeCloseTo((100 * B) / 140, 0);
    const keep = 40e6 / 1.1 ** 0.5 + (4 * B + 50 * B) / 140 / 1.1 ** 1.5 + (100 * B) / 140 / 1.1 ** 2;
    expect(f.hold).toBeCloseTo(keep, 0);
    expect(f.sellNow).toBeCloseTo(1000e6, 0);
    expect(f.holdVersusSell).toBeCloseTo(keep - 1000e6, 0);
  });

  it("counts dividends and stake sales, not equity income, in the cash NPV", () => {
    const v = analyse(withTie(cashTie(), makerAt())).values[0];
    expect(v?.npvCash).toBeCloseTo(40e6 / 1.1 ** 0.5 + (4 * B + 50 * B) / 140 / 1.1 ** 1.5, 0);
    // The equity-income NPV is larger: 15% × ¥100bn, then 10% × ¥120bn.
    expect(v?.npv).toBeCloseTo(100e6 / 1.1 ** 0.5 + (12 * B) / 140 / 1.1 ** 1.5, 0);
  });

  it("takes stated proceeds over the market value", () => {
    const f = analyse(withTie(cashTie({ proceeds: { FY2026: 70 * B } } as Partial<DealIn>), makerAt())).terms?.figures as { cash: { proceeds: number }[] };
    expect(f.cash[1]?.proceeds).toBeCloseTo((70 * B) / 140, 0);
  });

  it("values the other side of a cross-shareholding from the holder's share price and modelled net income", () => {
    const reverse = { holder: "partner", stake: 0.3, currency: "JPY", fairValueFrom: "2025-10-01" };
    const a = analyse(withTie(cashTie({ reverse } as Partial<DealIn>), makerAt({ sharesOutstanding: 1e6, market: { date: "2025-04-01", sharePrice: 10 } })));
    const r = (a.terms?.figures as { reverse: { marketValue: number; equityIncome: { amount: number }[] } } | undefined)?.reverse;
    if (!r) throw new Error("no reverse side");
    // 30% × $10 × 1M shares = $3M = ¥450M at FY2025's 150.
    expect(r.marketValue).toBeCloseTo(450e6, 0);
    // Maker's net income: (operating profit 10M) × 0.7 + equity income $100M = $107M; 30% of it for Apr–Sep (183 of 365 days), in yen at 150.
    expect(r.equityIncome[0]?.amount).toBeCloseTo(0.3 * (183 / 365) * (7e6 + 100e6) * 150, 0);
    expect(r.equityIncome[1]?.amount).toBe(0);
    expect(a.terms?.lines.at(-1)).toMatch(/^other side: partner holds 30\.00% of maker, at fair value from 2025-10-01/);
  });

  it("requires the investee's market value in the deal's currency, naming its nested path", () => {
    const errors = errorsOf(withTie(cashTie({ investeeMarket: { date: "2025-04-01", marketCap: { value: 7, unit: "USD billion" } } } as Partial<DealIn>)));
    expect(errors.map((i) => i.path)).toContain("deals[0].investeeMarket.marketCap");
  });

  it("pays for a rise in the stake at market value, and names an unknown period of proceeds", () => {
    const f = analyse(withTie(cashTie({ stake: { FY2025: 0.1, FY2026: 0.15 } } as Partial<DealIn>), makerAt())).terms?.figures as {
      cash: { proceeds: number }[];
    };
    expect(f.cash[1]?.proceeds).toBeCloseTo((-50 * B) / 140, 0);
    const errors = errorsOf(withTie(cashTie({ proceeds: { FY2099: 1 } } as Partial<DealIn>)));
    expect(errors.map((i) => i.path)).toContain("deals[0].proceeds.FY2099");
  });
});
