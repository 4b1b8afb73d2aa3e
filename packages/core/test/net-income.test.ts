import { describe, expect, it } from "vitest";
import { Company, netIncomeEffect } from "../src/index.js";

describe("net income and EPS of an operating-profit change", () => {
  it("takes tax and the minority share off, then divides by the shares (hand-worked)", () => {
    // −¥300bn × (1 − 0.3) × (1 − 0.1) = −¥189bn; over 3.5bn shares: −¥54 a share.
    const c = Company.parse({ id: "n", name: "n", reportingCurrency: "JPY", taxRate: 0.3, minorityShare: 0.1, sharesOutstanding: 3.5e9 });
    const e = netIncomeEffect(c, -300e9);
    expect(e.netIncome).toBeCloseTo(-189e9, 0);
    expect(e.perShare).toBeCloseTo(-54, 9);
  });

  it("adds equity income after the minority share only (it is after the investee's tax)", () => {
    // +¥10bn OP and +¥5bn equity income: 10 × 0.7 × 0.9 + 5 × 0.9 = ¥10.8bn; over 3.5bn shares ¥3.0857 a share.
    const c = Company.parse({ id: "n", name: "n", reportingCurrency: "JPY", taxRate: 0.3, minorityShare: 0.1, sharesOutstanding: 3.5e9 });
    const e = netIncomeEffect(c, 10e9, 5e9);
    expect(e.netIncome).toBeCloseTo(10.8e9, 0);
    expect(e.perShare).toBeCloseTo(10.8 / 3.5, 9);
  });

  it("says nothing without a tax rate", () => {
    expect(netIncomeEffect(Company.parse({ id: "n", name: "n", reportingCurrency: "JPY" }), -1).netIncome).toBeNull();
  });
});
