import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseDeal, buildModel, dealConventions, evaluate, evaluateModel, rows, Scenario, type ScenarioInput, validateScenario } from "../../src/index.js";

/**
 * A host builds 10,000 pickups a year for a client that has no plant for them.
 * Variable cost 20,000, client's net price 30,000, logistics 500 (the
 * client's), retooling 10M paid by the host, no tariffs, discount rate 0.
 *   H(p) = 10,000 (p − 20,000) − 10M      C(p) = 10,000 (29,500 − p)
 */
function pickupDeal(over: Partial<Record<string, unknown>> = {}): ScenarioInput {
  return {
    horizon: { fiscalYears: { from: 2025, to: 2025, startMonth: 4 } },
    parameters: { discountRate: 0 },
    companies: [
      { id: "host", name: "Host", reportingCurrency: "USD" },
      { id: "client", name: "Client", reportingCurrency: "USD" },
    ],
    markets: [{ id: "us", name: "US", country: "US", currency: "USD" }],
    plants: [
      { id: "canton", name: "Canton", owner: "host", country: "US", capacity: 100_000, fixedCost: 50e6, platforms: ["bof"] },
      { id: "lincoln", name: "Lincoln", owner: "client", country: "US", capacity: 100_000, fixedCost: 0, platforms: ["bof"] },
    ],
    programs: [
      {
        id: "pickup",
        name: "Pickup",
        seller: "client",
        brand: "C",
        category: "light-truck",
        platform: "bof",
        variableCost: 20_000,
        content: { US: 1 },
        sourcing: {},
        markets: { us: { price: 30_000, demand: 10_000 } },
      },
    ],
    lanes: [{ from: "US", to: "us", costPerUnit: 500 }],
    deals: [
      {
        id: "cm",
        type: "contract-manufacturing",
        name: "Host builds the client's pickup",
        host: "host",
        client: "client",
        plant: "canton",
        program: "pickup",
        volume: { FY2025: 10_000 },
        transferPrice: "open",
        retooling: { amount: 10e6, period: "FY2025", paidBy: "host" },
        counterfactual: { notSold: true },
        ...over,
      },
    ],
  } as ScenarioInput;
}

const company = (r: ReturnType<typeof evaluate>, id: string) => rows(r.companies).find((x) => x.company === id) as Record<string, number>;

describe("contract manufacturing: zone of agreement, Nash price, break-even", () => {
  const s = Scenario.parse(pickupDeal());
  const a = analyseDeal(s, "cm");

  it("puts the zone between the host's cost plus retooling per unit and the client's margin", () => {
    expect(a.price?.linear).toBe(true);
    expect(a.price?.agreement.pLow).toBeCloseTo(21_000, 4); // 20,000 + 10M / 10,000
    expect(a.price?.agreement.pHigh).toBeCloseTo(29_500, 4); // 30,000 − 500
  });

  it("evaluates an open price at the Nash price, which splits the surplus equally", () => {
    expect(a.price?.used).toBeCloseTo(25_250, 4);
    const host = a.values.find((v) => v.company === "host")?.npv as number;
    const client = a.values.find((v) => v.company === "client")?.npv as number;
    expect(host).toBeCloseTo(10_000 * 5_250 - 10e6, 0); // 42.5M
    expect(client).toBeCloseTo(10_000 * 4_250, 0); // 42.5M
    expect(a.price?.agreement.jointSurplus).toBeCloseTo(85e6, 0);
  });

  it("adds the parties' surplus in one currency: theirs when shared, else the base at each period's rate", () => {
    expect(a.price?.surplusCurrency).toBe("USD");
    // The host reports in yen at 150 per dollar: H = 42.5M USD = ¥6.375bn, C = 42.5M USD, joint 85M USD (not 6,375M + 42.5M).
    const doc = pickupDeal() as Record<string, unknown>;
    const yen = {
      ...doc,
      fx: { base: "USD", rates: { JPY: { FY2025: 150 } } },
      companies: [
        { id: "host", name: "Host", reportingCurrency: "JPY" },
        { id: "client", name: "Client", reportingCurrency: "USD" },
      ],
    };
    const mixed = analyseDeal(Scenario.parse(yen), "cm");
    expect(mixed.values.find((v) => v.company === "host")?.npv).toBeCloseTo(42.5e6 * 150, -1);
    expect(mixed.price?.surplusCurrency).toBe("USD");
    expect(mixed.price?.agreement.jointSurplus).toBeCloseTo(85e6, 0);
    expect(mixed.price?.used).toBeCloseTo(25_250, 4); // the Nash price does not depend on the units each party counts in
  });

  it("values each gain after tax at the company's rate less its minority share, and states its conventions", () => {
    // Host taxed at 25% with 20% minorities: 42.5M × 0.75 × 0.8 = 25.5M; the client states no tax rate: none.
    const doc = pickupDeal() as Record<string, unknown>;
    const taxed = {
      ...doc,
      companies: [
        { id: "host", name: "Host", reportingCurrency: "USD", taxRate: 0.25, minorityShare: 0.2, sharesOutstanding: 1e6 },
        { id: "client", name: "Client", reportingCurrency: "USD" },
      ],
    };
    const s2 = Scenario.parse(taxed);
    const v = analyseDeal(s2, "cm").values;
    expect(v.find((x) => x.company === "host")).toMatchObject({ npvAfterTax: expect.closeTo(25.5e6, 0), npvAfterTaxPerShare: expect.closeTo(25.5, 6) });
    expect(v.find((x) => x.company === "client")?.npvAfterTax).toBeNull();
    expect(dealConventions(s2)).toEqual({
      valuationDate: "2025-04-01",
      horizon: { from: "FY2025", to: "FY2025" },
      discounting: "mid-period",
      terminalValue: "none",
      taxes: [
        { company: "host", taxRate: 0.25 },
        { company: "client", taxRate: null },
      ],
      basis: "accounting profit",
      cash: { depreciationShareOfFixedCost: 0 },
    });
  });

  it("values the gain after the horizon apart, as a growing perpetuity of the last year's gain", () => {
    // r = 10%, g = 2%, a one-year horizon (Y = 1): the host's last gain 42.5M, so
    // TV = 42.5M × 1.02 × 1.1^(0.5 − 1) / (0.10 − 0.02) = 541.875M × 0.9534626 = 516.658M; the horizon's NPV 42.5M × 1.1^−0.5.
    const doc = pickupDeal() as Record<string, unknown>;
    const s2 = Scenario.parse({ ...doc, parameters: { discountRate: 0.1, terminalGrowth: 0.02 } });
    const host = analyseDeal(s2, "cm").values.find((v) => v.company === "host");
    expect(host?.npv).toBeCloseTo(42.5e6 / Math.sqrt(1.1), 0);
    expect(host?.terminalValue).toBeCloseTo(516.658e6, -3);
    expect(dealConventions(s2).terminalValue).toEqual({ growingPerpetuity: 0.02 });
    expect(analyseDeal(Scenario.parse(doc), "cm").values[0]?.terminalValue).toBeNull();
    // Growth at or above a discount rate has no finite value: refused, with the path.
    const bad = validateScenario({ ...doc, parameters: { discountRate: 0.05, terminalGrowth: 0.06 } });
    expect(bad.issues.find((i) => i.path === "parameters.terminalGrowth")?.message).toMatch(/not below host's discount rate 0.05/);
  });

  it("values the gain after the horizon apart as an exit multiple of the last year's gain, discounted from the horizon's end", () => {
    // M = 6, r = 10%, a one-year horizon: TV = 6 × 42.5M × 1.1^−1 = 231.818M.
    const doc = pickupDeal() as Record<string, unknown>;
    const s2 = Scenario.parse({ ...doc, parameters: { discountRate: 0.1, exitMultiple: 6 } });
    const host = analyseDeal(s2, "cm").values.find((v) => v.company === "host");
    expect(host?.terminalValue).toBeCloseTo((6 * 42.5e6) / 1.1, 0);
    expect(dealConventions(s2).terminalValue).toEqual({ exitMultiple: 6 });
    const both = validateScenario({ ...doc, parameters: { discountRate: 0.1, exitMultiple: 6, terminalGrowth: 0.02 } });
    expect(both.issues.find((i) => i.path === "parameters.exitMultiple")?.message).toMatch(/both terminalGrowth and exitMultiple/);
  });

  it("values as of parameters.valuationDate: a year after the horizon's start, every NPV is (1 + r) times as large", () => {
    // r = 10%: as of 2025-04-01 the host's 42.5M (mid-FY2025) is worth 42.5M × 1.1^−0.5; as of 2026-04-01, 42.5M × 1.1^0.5.
    const doc = pickupDeal() as Record<string, unknown>;
    const at = (valuationDate?: string) =>
      Scenario.parse({ ...doc, parameters: { discountRate: 0.1, terminalGrowth: 0.02, ...(valuationDate ? { valuationDate } : {}) } });
    const host = (s2: Scenario) => analyseDeal(s2, "cm").values.find((v) => v.company === "host");
    expect(host(at("2026-04-01"))?.npv).toBeCloseTo(42.5e6 * Math.sqrt(1.1), 0);
    expect((host(at("2026-04-01"))?.terminalValue ?? 0) / (host(at())?.terminalValue ?? 1)).toBeCloseTo(1.1, 12);
    // As of 2025-10-01, the middle of FY2025, the gain is worth itself; 2025-08-16 is 4 + 15/31 months in.
    expect(host(at("2025-10-01"))?.npv).toBeCloseTo(42.5e6, 0);
    expect(host(at("2025-08-16"))?.npv).toBeCloseTo(42.5e6 * 1.1 ** -(0.5 - (4 + 15 / 31) / 12), 0);
    expect(dealConventions(at("2025-08-16")).valuationDate).toBe("2025-08-16");
  });

  it("gives the host's break-even volume as retooling over its margin per unit", () => {
    expect(a.price?.breakEvenVolume).toBeCloseTo(10e6 / 5_250, 4);
  });

  it("books the transfer once as the host's revenue and once as the client's cost", () => {
    const r = evaluate(s);
    expect(company(r, "host").transferIn).toBeCloseTo(10_000 * 25_250, 0);
    expect(company(r, "client").transferOut).toBeCloseTo(10_000 * 25_250, 0);
    expect(company(r, "host").dealCosts).toBeCloseTo(10e6, 0);
    expect(company(r, "host").operatingProfit).toBeCloseTo(10_000 * 5_250 - 10e6 - 50e6, 0);
  });

  it("raises the host plant's utilisation and lowers its break-even", () => {
    const canton = a.plants.find((p) => p.plant === "canton");
    expect(canton?.utilisationBefore).toBe(0);
    expect(canton?.utilisationAfter).toBeCloseTo(0.1, 9);
    expect(canton?.jobsAfter).toBeCloseTo(10_000 * 0.008, 9); // default 8 jobs per thousand vehicles
  });

  it("values a fixed price as given, and cost-plus on the host's variable cost", () => {
    expect(analyseDeal(Scenario.parse(pickupDeal({ transferPrice: { perUnit: 24_000 } })), "cm").price?.used).toBe(24_000);
    expect(analyseDeal(Scenario.parse(pickupDeal({ transferPrice: { costPlus: 0.1 } })), "cm").price?.used).toBeCloseTo(22_000, 9);
  });

  it("against a counterfactual of building at its own plant, the client's ceiling is its own cost", () => {
    const own = analyseDeal(Scenario.parse(pickupDeal({ counterfactual: { plant: "lincoln" } })), "cm");
    expect(own.price?.agreement.pHigh).toBeCloseTo(20_000, 4); // same variable cost, lane and price: it saves only what it pays the host
    expect(own.price?.agreement.exists).toBe(false); // the host needs 21,000
  });

  it("prices a cross-border hosted vehicle's duty on the transfer price", () => {
    const doc = pickupDeal({ transferPrice: { perUnit: 25_000 } });
    (doc.plants as Record<string, unknown>[])[0] = { ...(doc.plants as Record<string, unknown>[])[0], country: "MX" };
    (doc.lanes as Record<string, unknown>[]).push({ from: "MX", to: "us", costPerUnit: 500 });
    doc.tariffs = [{ id: "t", name: "t", importer: "US", origins: ["MX"], categories: ["light-truck"], kind: "additional", rate: 0.1, from: "2020-01-01" }];
    const r = evaluate(Scenario.parse(doc));
    expect(company(r, "client").vehicleDuty).toBeCloseTo(10_000 * 0.1 * 25_000, 0);
  });
});

describe("properties of deal accounting", () => {
  const arb = fc.record({
    volume: fc.integer({ min: 0, max: 10_000 }),
    price: fc.integer({ min: 0, max: 60_000 }),
    demand: fc.integer({ min: 10_000, max: 20_000 }),
  });

  it("transfers between companies sum to zero in every period", () => {
    fc.assert(
      fc.property(arb, ({ volume, price, demand }) => {
        const doc = pickupDeal({ volume: { FY2025: volume }, transferPrice: { perUnit: price } });
        (doc.programs as Record<string, unknown>[])[0] = {
          ...(doc.programs as Record<string, unknown>[])[0],
          sourcing: { lincoln: 1 },
          markets: { us: { price: 30_000, demand } },
        };
        const r = evaluateModel(buildModel(Scenario.parse(doc)));
        const all = rows(r.companies);
        const tin = all.reduce((s, x) => s + Number(x.transferIn), 0);
        const tout = all.reduce((s, x) => s + Number(x.transferOut), 0);
        expect(Math.abs(tin - tout)).toBeLessThanOrEqual(1e-6 * (1 + tin));
        expect(all.reduce((s, x) => s + Number(x.units), 0)).toBeCloseTo(demand, 6); // units conserved
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it("a deal with zero volume and no retooling changes nothing for anyone", () => {
    fc.assert(
      fc.property(arb, ({ price }) => {
        const doc = pickupDeal({ volume: { FY2025: 0 }, transferPrice: { perUnit: price }, counterfactual: { plant: "lincoln" } });
        delete (doc.deals as Record<string, unknown>[])[0]?.retooling;
        (doc.programs as Record<string, unknown>[])[0] = { ...(doc.programs as Record<string, unknown>[])[0], sourcing: { lincoln: 1 } };
        const a = analyseDeal(Scenario.parse(doc), "cm");
        for (const g of a.gains) expect(g.profit).toBe(0);
        expect(a.plants).toEqual([]);
      }),
      { seed: 42, numRuns: 20 },
    );
  });
});

describe("contract manufacturing: cannibalisation of the parties' own models", () => {
  /**
   * The client also sells its own unibody pickup (built at Lincoln, 5,000 a
   * year at 28,000, variable cost 22,000: 6,000 contribution, logistics 500).
   * Each of the 10,000 hosted pickups takes 0.2 of a sale from it: 2,000
   * fewer, 2,000 × 5,500 = 11M less for the client. Its highest price falls
   * by 11M / 10,000 = 1,100: C(p) = 10,000 (29,500 − p) − 11M.
   */
  const unibody = (markets: Record<string, { price: number; demand: number }> = { us: { price: 28_000, demand: 5_000 } }) =>
    ({
      id: "unibody",
      name: "Unibody pickup",
      seller: "client",
      brand: "C",
      category: "light-truck",
      platform: "bof",
      variableCost: 22_000,
      content: { US: 1 },
      sourcing: { lincoln: 1 },
      markets,
    }) as ScenarioInput["programs"][number];
  const withOwnModel = (cannibalises?: Record<string, number>) => {
    const s = pickupDeal(cannibalises ? { cannibalises } : {});
    s.programs.push(unibody());
    return Scenario.parse(s);
  };

  it("cuts the cannibalised model's sales as agreed, and lowers the client's highest price by its lost contribution per unit", () => {
    const s = withOwnModel({ unibody: 0.2 });
    const on = evaluateModel(buildModel(s, { prices: { cm: 25_000 } }));
    const units = rows(on.flows)
      .filter((f) => f.program === "unibody")
      .reduce((x, f) => x + Number(f.units), 0);
    expect(units).toBe(3_000);
    const a = analyseDeal(s, "cm");
    const plain = analyseDeal(withOwnModel(), "cm");
    expect(plain.price?.agreement.pHigh).toBeCloseTo(29_500, 6);
    expect(a.price?.agreement.pHigh).toBeCloseTo(29_500 - 1_100, 6);
    expect(a.price?.agreement.pLow).toBeCloseTo(plain.price?.agreement.pLow ?? 0, 6);
  });

  it("takes the same sales in the counterfactual when the client would build the volume itself", () => {
    const s = withOwnModel({ unibody: 0.2 });
    const input = { ...s, deals: s.deals.map((d) => ({ ...d, counterfactual: { plant: "lincoln" } })) };
    const off = evaluateModel(buildModel(Scenario.parse(input), { prices: { cm: 25_000 }, counterfactual: new Set(["cm"]) }));
    expect(
      rows(off.flows)
        .filter((f) => f.program === "unibody")
        .reduce((x, f) => x + Number(f.units), 0),
    ).toBe(3_000);
  });

  it("takes the sales only in the markets where the deal's vehicles are sold", () => {
    // The unibody is also sold in Canada (1,000 a year); the hosted pickup is sold only in the US, so Canada keeps all 1,000.
    const input = pickupDeal({ cannibalises: { unibody: 0.2 } }) as ScenarioInput;
    input.markets.push({ id: "ca", name: "Canada", country: "CA", currency: "USD" });
    input.lanes?.push({ from: "US", to: "ca", costPerUnit: 500 });
    input.programs.push(unibody({ us: { price: 28_000, demand: 5_000 }, ca: { price: 28_000, demand: 1_000 } }));
    const on = evaluateModel(buildModel(Scenario.parse(input), { prices: { cm: 25_000 } }));
    const sold = (m: string) =>
      rows(on.flows)
        .filter((f) => f.program === "unibody" && f.market === m)
        .reduce((x, f) => x + Number(f.units), 0);
    expect(sold("us")).toBe(3_000);
    expect(sold("ca")).toBe(1_000);
  });

  it("refuses its own program and an unknown one", () => {
    const paths = (c: Record<string, number>) =>
      validateScenario(pickupDeal({ cannibalises: c }))
        .issues.filter((i) => i.severity === "error")
        .map((i) => i.path);
    expect(paths({ pickup: 0.1 })).toContain("deals[0].cannibalises.pickup");
    expect(paths({ ridgeline: 0.1 })).toContain("deals[0].cannibalises.ridgeline");
  });
});
