import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseDeal, type CapitalInjection, evaluate, injectionTerms, marketReading, rows, type ScenarioInput, validateScenario } from "../../src/index.js";
import { company, scenario } from "../fixtures.js";
import { type DealIn, errorsOf } from "./capital-plant-helpers.js";

/**
 * An issuer with N = 1,000 shares at P0 = 10 (market value 10,000). A backer
 * subscribes n = 250 new shares. With a benefit S = 500 (after tax, NPV):
 *
 *   zone: P0 − S/n = 10 − 2 = 8  to  P0 + S/N = 10 + 0.5 = 10.5
 *   Nash at weight ½: 9.25; cash 250 × 9.25 = 2,312.5; stake 250/1,250 = 20%
 *   k = n·N/(N+n) = 200; existing gain k(P − P0) + N·S/(N+n) = 200·(−0.75) + 400 = 250
 *   backer gain k(P0 + S/N − P) = 200·(10.5 − 9.25) = 250; together S = 500
 *   value per existing share 10 + 250/1,000 = 10.25
 */
const deal = (over: Partial<CapitalInjection> = {}): CapitalInjection =>
  ({
    id: "inj",
    type: "capital-injection",
    name: "backer buys in",
    hypothetical: false,
    issuer: "maker",
    backer: "Backer Co.",
    newShares: 250,
    issuePrice: "open",
    date: "2025-10-01",
    currency: "USD",
    bargainingWeight: 0.5,
    ...over,
  }) as CapitalInjection;

describe("capital injection: issue-price zone, dilution and value per share", () => {
  it("works the hand example: zone 8–10.5, Nash 9.25, gains 250 each", () => {
    const t = injectionTerms(deal(), { shares: 1000, sharePrice: 10 }, 500);
    expect(t.pLow).toBeCloseTo(8, 12);
    expect(t.pHigh).toBeCloseTo(10.5, 12);
    expect(t.price).toBeCloseTo(9.25, 12);
    expect(t.cashRaised).toBeCloseTo(2312.5, 9);
    expect(t.stake).toBeCloseTo(0.2, 12);
    expect(t.existingGain).toBeCloseTo(250, 9);
    expect(t.backerGain).toBeCloseTo(250, 9);
    expect(t.valuePerExistingShare).toBeCloseTo(10.25, 12);
  });

  it("with no benefit, the zone is the share price alone and a discount only moves value to the backer", () => {
    const t = injectionTerms(deal({ issuePrice: 9 }), { shares: 1000, sharePrice: 10 }, 0);
    expect(t.pLow).toBe(10);
    expect(t.pHigh).toBe(10);
    // Selling 250 shares at 9 instead of 10: the backer pays 2,250 for 20% of 12,250 = 2,450.
    expect(t.backerGain).toBeCloseTo(200, 9);
    expect(t.existingGain).toBeCloseTo(-200, 9);
  });

  it("property: the two gains always add up to the benefit, and both are ≥ 0 exactly inside the zone", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        fc.double({ min: 0.1, max: 1e3, noNaN: true }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 2e3, noNaN: true }),
        (N, n, P0, S, P) => {
          const t = injectionTerms(deal({ newShares: n, issuePrice: P }), { shares: N, sharePrice: P0 }, S);
          expect(t.existingGain + t.backerGain).toBeCloseTo(S, 6);
          const inside = P >= t.pLow - 1e-9 && P <= t.pHigh + 1e-9;
          if (inside) expect(Math.min(t.existingGain, t.backerGain)).toBeGreaterThanOrEqual(-1e-6 * (1 + Math.abs(S) + n * P));
        },
      ),
    );
  });

  const input = (over: Partial<DealIn> = {}, companyOver = {}): ScenarioInput =>
    scenario({
      horizon: { fiscalYears: { from: 2025, to: 2026, startMonth: 4 } },
      companies: [
        company("maker", { sharesOutstanding: 1000, taxRate: 0.3, discountRate: 0.1, market: { date: "2025-06-30", sharePrice: 10 }, ...companyOver }),
      ],
      lanes: [{ from: "US", to: "us", costPerUnit: 0 }],
      deals: [{ ...deal(), benefits: { FY2026: 1000 }, ...over } as DealIn],
    });

  it("values the benefits after tax in the analysis and reads the zone against them", () => {
    const v = validateScenario(input());
    if (!v.scenario) throw new Error("invalid");
    const a = analyseDeal(v.scenario, "inj");
    // Benefit 1,000 in FY2026 before tax = 700 after; NPV at 10% to 2025-04-01, mid FY2026 = 1.5 years: 700 / 1.1^1.5.
    const S = 700 / 1.1 ** 1.5;
    expect(a.values[0]?.npvAfterTax).toBeCloseTo(S, 9);
    const f = a.terms?.figures as { pLow: number; pHigh: number; existingGain: number; stake: number };
    expect(f.pLow).toBeCloseTo(10 - S / 250, 9);
    expect(f.pHigh).toBeCloseTo(10 + S / 1000, 9);
    expect(f.stake).toBeCloseTo(0.2, 12);
    expect(a.terms?.lines.join("\n")).toMatch(/issue-price zone/);
  });

  it("leaves a hypothetical deal out of the scenario's results, values it in its own analysis, and says so", () => {
    const v = validateScenario(input({ hypothetical: true } as Partial<DealIn>));
    const s = v.scenario as NonNullable<typeof v.scenario>;
    const a = analyseDeal(s, "inj");
    expect(a.terms?.lines[0]).toMatch(/^HYPOTHETICAL: .*left out of the scenario's other results/);
    expect(a.values[0]?.npv).toBeCloseTo(1000 / 1.1 ** 1.5, 9);
    const r = evaluate(s);
    expect(rows(r.companies).find((x) => x.period === "FY2026")?.dealCosts).toBe(0);
    const real = evaluate(validateScenario(input()).scenario as NonNullable<typeof v.scenario>);
    expect(rows(real.companies).find((x) => x.period === "FY2026")?.dealCosts).toBe(-1000);
  });

  it("refuses an issuer without shares or market context, and an issue day outside the horizon, naming the path", () => {
    const noMarket = errorsOf(input({}, { market: undefined }));
    expect(noMarket.map((i) => [i.path, i.message])).toContainEqual(["deals[0].issuer", "maker states no market context"]);
    const late = errorsOf(input({ date: "2031-01-01" } as Partial<DealIn>));
    expect(late.map((i) => i.path)).toContain("deals[0].date");
    const self = errorsOf(input({ backer: "maker" } as Partial<DealIn>));
    expect(self.map((i) => i.path)).toContain("deals[0].backer");
  });
});

describe("market reading of a deal value", () => {
  const c = { id: "x", name: "x", reportingCurrency: "JPY", fiscalYearStartMonth: 4, sharesOutstanding: 3.5e9, taxRate: 0.3 } as const;

  it("divides the after-tax NPV by market value (= per share over price), and adds net debt and the ADR ratio", () => {
    // ¥35bn after tax over 3.5bn shares at ¥350: market cap ¥1,225bn, 2.857%; ¥10 a share, ¥20 per ADR of 2 shares.
    const m = marketReading({ ...c, market: { date: "2025-06-30", sharePrice: 350, adrRatio: 2, netDebt: -1500e9 } }, 35e9);
    expect(m?.marketCap).toBeCloseTo(1225e9, 0);
    expect(m?.ofMarketCap).toBeCloseTo(35 / 1225, 12);
    expect(m?.perAdr).toBeCloseTo(20, 12);
    expect(m?.enterpriseValue).toBeCloseTo(-275e9, 0);
  });

  it("is null without market context or an after-tax value", () => {
    expect(marketReading(c, 35e9)).toBeNull();
    expect(marketReading({ ...c, market: { date: "2025-06-30", sharePrice: 350 } }, null)).toBeNull();
  });
});
