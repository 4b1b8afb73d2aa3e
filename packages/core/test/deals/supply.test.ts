import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Results, rows, type ScenarioInput } from "../../src/index.js";
import { measure, num, total, where } from "../fixtures.js";
import { type DealIn, evaluateWith, expectSameResults, issuesOf, type SupplyIn, twoMakers, withoutDeals } from "./joint-supply-helpers.js";

/*
 * Hand-worked numbers. Nissan supplies Honda's accord (100 000 a year, built
 * at Marysville, US) with an engine at 3 000 that costs Nissan 2 500 to make
 * and replaces Honda's own engine costing 3 200 (already in the accord's
 * variable cost of 20 000):
 *   Honda:  variable cost − 3 200, transfer out + 3 000 → gains 200 a vehicle   = 20 000 000 a year
 *   Nissan: transfer in + 3 000, variable cost + 2 500  → gains 500 a component = 50 000 000 a year
 * From Yokohama (JP), the engine is a parts import into the US. Section 232
 * parts at 25% from 2025-05-03: FY2025 has 365 days, 333 of them from May 3,
 *   duty = 3 000 × 25% × 333/365 = 684.2466 a vehicle (68 424 657.53 a year), FY2026 750.
 * The US-assembly offset, 3.75% of the 30 000 MSRP from 2025-04-03 (363 of 365 days)
 * = 1 118.84 a vehicle, is capped at those parts duties: it offsets all 684.2466.
 */
const S232_PARTS = measure("s232-parts", 0.25, { categories: ["parts"], from: "2025-05-03", usmca: "non-qualifying" });
const OFFSET = measure("us-offset", 0.0375, { kind: "offset", basis: "msrp", origins: ["US"], offsets: ["s232-parts"], from: "2025-04-03" });
const DUTY_FY2025 = (3_000 * 0.25 * 333) / 365;

function supply(extra: Partial<SupplyIn> = {}): SupplyIn {
  return {
    id: "engines",
    type: "component-supply",
    name: "Engines for the Accord",
    supplier: "nissan",
    plant: "canton",
    buyer: "honda",
    programs: ["accord"],
    price: 3_000,
    supplierCost: 2_500,
    replacedCost: 3_200,
    from: "FY2025",
    ...extra,
  };
}

const withSupply = (extra: Partial<SupplyIn> = {}, parts: Partial<ScenarioInput> = {}) => twoMakers({ deals: [supply(extra)], ...parts });
const company = (r: Results, c: string, period: string, column: string) => num(r.companies, { company: c, period }, column);
const gain = (a: Results, b: Results, c: string, period: string) => company(a, c, period, "operatingProfit") - company(b, c, period, "operatingProfit");

describe("component supply, evaluated", () => {
  it("a domestic supply: the buyer saves 200 a vehicle, the supplier earns price − cost = 500", () => {
    const r = evaluateWith(withSupply());
    const plain = evaluateWith(withoutDeals(withSupply()));
    expect(company(r, "honda", "FY2025", "variableCost")).toBeCloseTo(100_000 * (20_000 - 3_200), 3);
    expect(company(r, "honda", "FY2025", "transferOut")).toBeCloseTo(300_000_000, 3);
    expect(company(r, "nissan", "FY2025", "transferIn")).toBeCloseTo(300_000_000, 3);
    expect(company(r, "nissan", "FY2025", "variableCost")).toBeCloseTo(100_000 * (20_000 + 2_500), 3);
    expect(gain(r, plain, "honda", "FY2025")).toBeCloseTo(20_000_000, 3);
    expect(gain(r, plain, "nissan", "FY2025")).toBeCloseTo(50_000_000, 3);
    expect(total(r.companies, "partsDuty")).toBe(0); // Canton is in the US: no border
  });

  it("an engine from Japan into a US plant pays parts duty on the price, day-weighted, as the buyer", () => {
    const r = evaluateWith(withSupply({ plant: "yokohama" }, { tariffs: [S232_PARTS] }));
    const plain = evaluateWith(withoutDeals(withSupply({ plant: "yokohama" }, { tariffs: [S232_PARTS] })));
    expect(num(r.flows, { program: "accord", period: "FY2025" }, "partsDuty")).toBeCloseTo(100_000 * DUTY_FY2025, 3);
    expect(num(r.flows, { program: "accord", period: "FY2026" }, "partsDuty")).toBeCloseTo(100_000 * 750, 3);
    const line = where(r.duties, { program: "accord", period: "FY2025" });
    expect(line).toEqual([expect.objectContaining({ plant: "marysville", measure: "s232-parts", kind: "parts", payer: "honda" })]);
    expect(line[0]?.amount).toBeCloseTo(68_424_657.53, 1);
    expect(num(r.companyDuties, { company: "honda", period: "FY2025", measure: "s232-parts" }, "amountBase")).toBeCloseTo(68_424_657.53, 1);
    // Honda: 200 − 684.2466 = −484.2466 a vehicle in FY2025; Nissan's gain is unchanged.
    expect(gain(r, plain, "honda", "FY2025")).toBeCloseTo(-48_424_657.53, 1);
    expect(gain(r, plain, "nissan", "FY2025")).toBeCloseTo(50_000_000, 3);
    // The supplier pays nothing at the border: the buyer imports.
    expect(company(r, "nissan", "FY2025", "partsDuty")).toBe(0);
  });

  it("day-weights the duty with the flow's sales profile", () => {
    // All FY2025 sales in January–March 2026, when the 25% is in force throughout: 750 a vehicle.
    const profile = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const input = withSupply({ plant: "yokohama" }, { tariffs: [S232_PARTS] });
    const programs = (input.programs ?? []).map((p) =>
      p.id === "accord" ? { ...p, markets: { us: { price: 30_000, demand: 100_000, monthlyProfile: profile } } } : p,
    );
    const r = evaluateWith({ ...input, programs });
    expect(num(r.flows, { program: "accord", period: "FY2025" }, "partsDuty")).toBeCloseTo(75_000_000, 3);
  });

  it("the US-assembly offset may offset the duty on the supplied engine", () => {
    const tariffs = [S232_PARTS, OFFSET];
    const r = evaluateWith(withSupply({ plant: "yokohama" }, { tariffs }));
    const plain = evaluateWith(withoutDeals(withSupply({ plant: "yokohama" }, { tariffs })));
    // Without the supply the accord imports no parts: its credit is capped at 0.
    expect(company(plain, "honda", "FY2025", "offset")).toBe(0);
    // With it, the credit of 1 118.84 a vehicle is capped at the 684.2466 of duty: net duty 0.
    expect(company(r, "honda", "FY2025", "offset")).toBeCloseTo(100_000 * DUTY_FY2025, 3);
    expect(company(r, "honda", "FY2025", "partsDuty") - company(r, "honda", "FY2025", "offset")).toBeCloseTo(0, 3);
    expect(gain(r, plain, "honda", "FY2025")).toBeCloseTo(20_000_000, 3);
  });

  it("parts from Mexico are USMCA parts: a measure on non-qualifying parts does not charge them", () => {
    const r = evaluateWith(withSupply({ plant: "aguascalientes" }, { tariffs: [S232_PARTS] }));
    expect(total(r.flows, "partsDuty")).toBe(0);
  });

  it("converts the deal's currency at each period's rate", () => {
    // ¥450 000 at 150 ¥/$ = $3 000; cost ¥375 000 = $2 500; replaced ¥480 000 = $3 200. In FY2026 at 125 ¥/$: $3 600 a unit.
    const fx = { base: "USD", rates: { JPY: { FY2025: 150, FY2026: 125, FY2027: 125 } } };
    const r = evaluateWith(withSupply({ currency: "JPY", price: 450_000, supplierCost: 375_000, replacedCost: 480_000 }, { fx }));
    expect(company(r, "honda", "FY2025", "transferOut")).toBeCloseTo(300_000_000, 3);
    expect(company(r, "honda", "FY2026", "transferOut")).toBeCloseTo(360_000_000, 3);
  });

  it("starts in period `from`", () => {
    const r = evaluateWith(withSupply({ from: "FY2026" }));
    const plain = evaluateWith(withoutDeals(withSupply()));
    expect(gain(r, plain, "honda", "FY2025")).toBe(0);
    expect(company(r, "honda", "FY2025", "transferOut")).toBe(0);
    expect(gain(r, plain, "honda", "FY2026")).toBeCloseTo(20_000_000, 3);
  });

  it("supplies only the vehicles the buyer builds, not those a host builds for it", () => {
    // Nissan's Canton builds 40 000 accords for Honda: Honda builds 60 000 and buys 60 000 engines.
    const contract: DealIn = {
      id: "hosted",
      type: "contract-manufacturing",
      name: "Accords at Canton",
      host: "nissan",
      client: "honda",
      plant: "canton",
      program: "accord",
      volume: { FY2025: 40_000 },
      transferPrice: { perUnit: 25_000 },
      counterfactual: { plant: "marysville" },
    };
    const r = evaluateWith(twoMakers({ deals: [supply(), contract] }));
    // transfers out: 40 000 × 25 000 (vehicles) + 60 000 × 3 000 (engines)
    expect(company(r, "honda", "FY2025", "transferOut")).toBeCloseTo(1_000_000_000 + 180_000_000, 3);
    expect(company(r, "nissan", "FY2025", "transferIn")).toBeCloseTo(1_000_000_000 + 180_000_000, 3);
  });

  it("as its counterfactual equals the scenario without the deal", () => {
    const input = withSupply({ plant: "yokohama" }, { tariffs: [S232_PARTS, OFFSET] });
    expectSameResults(evaluateWith(input, ["engines"]), evaluateWith(withoutDeals(input)), ["companies", "plants", "flows", "duties", "companyDuties"]);
  });
});

describe("component supply, properties", () => {
  const arb = fc.record({
    plant: fc.constantFrom("canton", "yokohama", "aguascalientes"),
    price: fc.integer({ min: 0, max: 10_000 }),
    supplierCost: fc.integer({ min: 0, max: 10_000 }),
    replacedCost: fc.integer({ min: 0, max: 20_000 }),
    from: fc.constantFrom("FY2025", "FY2026", "FY2027"),
    demand: fc.integer({ min: 0, max: 300_000 }),
    rate: fc.integer({ min: 0, max: 500 }).map((x) => x / 1_000),
    offset: fc.boolean(),
    hosted: fc.integer({ min: 0, max: 300_000 }),
  });
  type Case = typeof arb extends fc.Arbitrary<infer T> ? T : never;

  function input(c: Case): ScenarioInput {
    const base = twoMakers();
    const programs = (base.programs ?? []).map((p) => (p.id === "accord" ? { ...p, markets: { us: { price: 30_000, demand: c.demand } } } : p));
    const contract: DealIn = {
      id: "hosted",
      type: "contract-manufacturing",
      name: "Accords at Canton",
      host: "nissan",
      client: "honda",
      plant: "canton",
      program: "accord",
      volume: { FY2026: c.hosted },
      transferPrice: { perUnit: 25_000 },
      counterfactual: { plant: "marysville" },
    };
    const tariffs = [{ ...S232_PARTS, rate: c.rate }, ...(c.offset ? [OFFSET] : [])];
    const { price, supplierCost, replacedCost, plant, from } = c;
    return { ...base, programs, tariffs, deals: [supply({ price, supplierCost, replacedCost, plant, from }), contract] };
  }

  it("transfers between companies sum to zero in every period", () => {
    fc.assert(
      fc.property(arb, (c) => {
        const r = evaluateWith(input(c));
        for (const period of ["FY2025", "FY2026", "FY2027"]) {
          const inflow = total(r.companies, "transferIn", { period });
          const outflow = total(r.companies, "transferOut", { period });
          expect(Math.abs(inflow - outflow)).toBeLessThanOrEqual(1e-9 * (1 + inflow));
        }
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it("the companies together gain (replaced cost − supplier cost) a component, less the net duty on it", () => {
    fc.assert(
      fc.property(arb, (c) => {
        const s = input(c);
        const r = evaluateWith(s);
        const cf = evaluateWith(s, ["engines"]);
        const supplied = rows(r.flows)
          .filter((f) => f.program === "accord" && f.builder === "honda" && (f.period as string) >= c.from)
          .reduce((sum, f) => sum + (f.units as number), 0);
        const netDuty = (x: Results) => total(x.companies, "partsDuty") - total(x.companies, "offset");
        const joint = total(r.companies, "operatingProfit") - total(cf.companies, "operatingProfit");
        const expected = supplied * (c.replacedCost - c.supplierCost) - (netDuty(r) - netDuty(cf));
        expect(Math.abs(joint - expected)).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(expected) + supplied * 20_000));
      }),
      { seed: 42, numRuns: 100 },
    );
  });
});

describe("component supply, validated", () => {
  const paths = (input: unknown, severity: "error" | "warning" = "error") => issuesOf(input, severity).map((i) => i.path);

  it("accepts the example", () => {
    expect(issuesOf(withSupply())).toEqual([]);
    expect(issuesOf(withSupply(), "warning")).toEqual([]);
  });

  it("refuses unknown companies, plant, programs and period, with a suggestion", () => {
    const issues = issuesOf(withSupply({ supplier: "nisan", plant: "yokohoma", programs: ["acord"], from: "FY2030" }));
    expect(issues).toContainEqual(expect.objectContaining({ path: "deals[0].supplier", suggestion: "did you mean `nissan`?" }));
    expect(issues).toContainEqual(expect.objectContaining({ path: "deals[0].plant", suggestion: "did you mean `yokohama`?" }));
    expect(issues).toContainEqual(expect.objectContaining({ path: "deals[0].programs[0]", suggestion: "did you mean `accord`?" }));
    expect(issues.map((i) => i.path)).toContain("deals[0].from");
  });

  it("refuses a plant that is not the supplier's, a program that is not the buyer's, and one company on both sides", () => {
    expect(issuesOf(withSupply({ plant: "marysville" }))).toContainEqual(
      expect.objectContaining({ path: "deals[0].plant", message: "marysville belongs to honda, not the supplier nissan" }),
    );
    expect(issuesOf(withSupply({ programs: ["frontier"] }))).toContainEqual(
      expect.objectContaining({ path: "deals[0].programs[0]", message: "frontier is sold by nissan, not the buyer honda" }),
    );
    expect(paths(withSupply({ programs: ["accord", "accord"] }))).toContain("deals[0].programs[1]");
    expect(paths(withSupply({ buyer: "nissan", programs: ["frontier"] }))).toContain("deals[0].buyer");
  });

  it("refuses a replaced cost above the program's variable cost, comparing in the base currency", () => {
    expect(issuesOf(withSupply({ replacedCost: 25_000 }))).toContainEqual(
      expect.objectContaining({ path: "deals[0].replacedCost", suggestion: expect.stringContaining("programs[1].variableCost") }),
    );
    // ¥2 850 000 at 150 ¥/$ = $19 000 ≤ 20 000: accepted
    const fx = { base: "USD", rates: { JPY: { FY2025: 150, FY2026: 150, FY2027: 150 } } };
    expect(paths(withSupply({ currency: "JPY", price: 450_000, supplierCost: 375_000, replacedCost: 2_850_000 }, { fx }))).toEqual([]);
  });

  it("needs a rate for the deal's currency from `from` on, and warns on a price below cost", () => {
    const fx = { base: "USD", rates: { JPY: { FY2025: 150 } } };
    expect(issuesOf(withSupply({ currency: "JPY", from: "FY2026" }, { fx }))).toContainEqual(
      expect.objectContaining({ path: "deals[0].currency", message: expect.stringContaining("FY2026, FY2027") }),
    );
    expect(paths(withSupply({ price: 2_000 }), "warning")).toContain("deals[0].price");
  });
});
