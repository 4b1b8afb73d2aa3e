import { describe, expect, it } from "vitest";
import { company, measure, num, plant, program, run, scenario, total, where } from "./fixtures.js";

// All measures here are in force from 1990, so FY2025 is charged at the full rate (no day-weighting).
const mfnCar = measure("mfn-car", 0.025, { kind: "mfn", usmca: "non-qualifying" });
const s232 = measure("s232", 0.25, { usmca: "non-qualifying", categories: ["passenger-car", "light-truck"] });
const s232Usmca = measure("s232-usmca", 0.25, { usmca: "qualifying", basis: { excludeContentOf: ["US"] } });
const s232Parts = measure("s232-parts", 0.25, { categories: ["parts"], usmca: "non-qualifying" });

describe("vehicle duty on a USMCA-qualifying vehicle from Canada", () => {
  const base = scenario({
    plants: [plant("ontario", "maker", "CA")],
    programs: [program("car", "maker", { ontario: 1 }, { content: { US: 0.4, CA: 0.3, MX: 0.05 } })],
    tariffs: [mfnCar, s232, s232Usmca],
  });

  it("= rate × customs value × (1 − US content); non-qualifying measures not charged", () => {
    const r = run(base);
    // per unit 0.25 × (0.9 × 30 000) × (1 − 0.4) = 4 050; × 1 000 units = 4 050 000
    expect(num(r.flows, { plant: "ontario" }, "vehicleDuty")).toBeCloseTo(4_050_000, 3);
    expect(where(r.duties, { measure: "s232" })).toHaveLength(0);
    expect(where(r.duties, { measure: "mfn-car" })).toHaveLength(0);
  });

  it("a vehicle that does not qualify pays MFN + s232 on the full customs value", () => {
    const r = run({ ...base, programs: [program("car", "maker", { ontario: 1 }, { usmcaQualifying: false, content: { US: 0.4 } })] });
    // 1 000 × (0.025 + 0.25) × 27 000 = 7 425 000
    expect(num(r.flows, { plant: "ontario" }, "vehicleDuty")).toBeCloseTo(7_425_000, 3);
  });
});

describe("customs value", () => {
  const jpCar = (customsValue: NonNullable<Parameters<typeof program>[3]>["customsValue"]) =>
    run(
      scenario({
        plants: [plant("kyushu", "maker", "JP")],
        programs: [program("car", "maker", { kyushu: 1 }, customsValue ? { customsValue } : {})],
        tariffs: [measure("duty", 0.1)],
      }),
    );

  it("shareOfPrice: 0.8 × 30 000 = 24 000 per unit → duty 1 000 × 0.1 × 24 000 = 2 400 000", () => {
    expect(num(jpCar({ shareOfPrice: 0.8 }).flows, {}, "vehicleDuty")).toBeCloseTo(2_400_000, 3);
  });

  it("markupOnCost: (1 + 0.1) × 20 000 = 22 000 per unit → duty 2 200 000", () => {
    expect(num(jpCar({ markupOnCost: 0.1 }).flows, {}, "vehicleDuty")).toBeCloseTo(2_200_000, 3);
  });

  it("perUnit: 21 000 per unit → duty 2 100 000", () => {
    expect(num(jpCar({ perUnit: 21_000 }).flows, {}, "vehicleDuty")).toBeCloseTo(2_100_000, 3);
  });

  it("defaults to parameters.customsValue (0.9 of price): 27 000 → duty 2 700 000, never the price itself", () => {
    expect(num(jpCar(undefined).flows, {}, "vehicleDuty")).toBeCloseTo(2_700_000, 3);
  });
});

describe("parts duties of a US-built vehicle", () => {
  const usBuilt = (extra: Parameters<typeof program>[3] = {}, parts = [s232Parts]) =>
    run(
      scenario({
        programs: [program("car", "maker", { ohio: 1 }, { content: { US: 0.6, JP: 0.3, MX: 0.1 }, ...extra })],
        tariffs: parts,
      }),
    );

  it("= rate × partsValue × Japanese share; Mexican (USMCA) content is exempt", () => {
    const r = usBuilt({ partsValue: 15_000 });
    // 1 000 × 0.25 × 15 000 × 0.3 = 1 125 000 (MX 0.1 not charged, US content is domestic)
    expect(num(r.flows, {}, "partsDuty")).toBeCloseTo(1_125_000, 3);
    expect(num(r.duties, { kind: "parts", measure: "s232-parts" }, "amount")).toBeCloseTo(1_125_000, 3);
  });

  it("default partsValue = variableCost × partsShareOfVariableCost (0.8)", () => {
    // parts value 20 000 × 0.8 = 16 000; 1 000 × 0.25 × 16 000 × 0.3 = 1 200 000
    expect(num(usBuilt().flows, {}, "partsDuty")).toBeCloseTo(1_200_000, 3);
  });

  it("the parts share is a scenario parameter", () => {
    const r = run(
      scenario({
        parameters: { partsShareOfVariableCost: 0.5 },
        programs: [program("car", "maker", { ohio: 1 }, { content: { US: 0.6, JP: 0.3, MX: 0.1 } })],
        tariffs: [s232Parts],
      }),
    );
    // 20 000 × 0.5 = 10 000; 1 000 × 0.25 × 10 000 × 0.3 = 750 000
    expect(num(r.flows, {}, "partsDuty")).toBeCloseTo(750_000, 3);
  });

  it("unnamed content is foreign ('other') and charged by a measure on every origin", () => {
    // content US 0.6, JP 0.2: remainder 0.2 is "other"; 1 000 × 0.25 × 15 000 × (0.2 + 0.2) = 1 500 000
    const r = usBuilt({ partsValue: 15_000, content: { US: 0.6, JP: 0.2 } });
    expect(num(r.flows, {}, "partsDuty")).toBeCloseTo(1_500_000, 3);
  });

  it("a measure on named origins charges only their content", () => {
    const jpOnly = measure("jp-parts", 0.1, { categories: ["parts"], origins: ["JP"] });
    // content US 0.6, JP 0.2, other 0.2: 1 000 × 0.1 × 15 000 × 0.2 = 300 000
    expect(num(usBuilt({ partsValue: 15_000, content: { US: 0.6, JP: 0.2 } }, [jpOnly]).flows, {}, "partsDuty")).toBeCloseTo(300_000, 3);
  });
});

describe("who pays what", () => {
  // host builds client's car under contract: half at canton (US), half at tahara (JP), both host's.
  // client owns an idle plant kyushu (fixed cost 500 000); canton's fixed cost is 1 000 000.
  // Content US 0.7, JP 0.3, parts value 15 000.
  const r = run(
    scenario({
      companies: [company("host"), company("client")],
      plants: [plant("canton", "host", "US", { fixedCost: 1_000_000 }), plant("tahara", "host", "JP"), plant("kyushu", "client", "JP", { fixedCost: 500_000 })],
      programs: [program("car", "client", { canton: 0.5, tahara: 0.5 }, { partsValue: 15_000, content: { US: 0.7, JP: 0.3 } })],
      tariffs: [mfnCar, s232, s232Parts],
    }),
  );
  const host = { company: "host" };
  const client = { company: "client" };

  it("the seller (importer of record) books revenue and the duty on the vehicle another company built", () => {
    // revenue 1 000 × 30 000; vehicle duty on tahara's 500: 500 × 0.275 × 27 000 = 3 712 500
    expect(num(r.companies, client, "revenue")).toBeCloseTo(30_000_000, 3);
    expect(num(r.companies, client, "vehicleDuty")).toBeCloseTo(3_712_500, 3);
    expect(num(r.companies, host, "revenue")).toBe(0);
    expect(num(r.companies, host, "vehicleDuty")).toBe(0);
    expect(total(r.duties, "amount", { kind: "vehicle", payer: "client" })).toBeCloseTo(3_712_500, 3);
    expect(where(r.duties, { kind: "vehicle", payer: "host" })).toHaveLength(0);
    expect(total(r.companyDuties, "amount", { company: "client", kind: "vehicle" })).toBeCloseTo(3_712_500, 3);
  });

  it("the builder books variable cost and parts duty; the owner books fixed cost", () => {
    // host builds 1 000: variable cost 1 000 × 20 000 = 20 000 000;
    // parts duty (canton only) 500 × 0.25 × 15 000 × 0.3 = 562 500
    expect(num(r.companies, host, "variableCost")).toBeCloseTo(20_000_000, 3);
    expect(num(r.companies, host, "partsDuty")).toBeCloseTo(562_500, 3);
    expect(num(r.companies, host, "fixedCost")).toBeCloseTo(1_000_000, 3);
    expect(num(r.companies, client, "variableCost")).toBe(0);
    expect(num(r.companies, client, "partsDuty")).toBe(0);
    expect(num(r.companies, client, "fixedCost")).toBeCloseTo(500_000, 3);
    expect(total(r.duties, "amount", { kind: "parts", payer: "host" })).toBeCloseTo(562_500, 3);
  });

  it("operating profit = revenue − variable cost − logistics − duties + offset − fixed cost, per company", () => {
    // host: 0 − 20 000 000 − 562 500 − 1 000 000 = −21 562 500
    expect(num(r.companies, host, "operatingProfit")).toBeCloseTo(-21_562_500, 3);
    // client: 30 000 000 − 3 712 500 − 500 000 = 25 787 500
    expect(num(r.companies, client, "operatingProfit")).toBeCloseTo(25_787_500, 3);
  });
});

describe("duties follow the monthly sales profile", () => {
  // Every sale in March 2026 (profile: March only); measures in force from 2025-10-01, i.e. on
  // 182 of FY2025's 365 days (31+30+31+31+28+31) but on every day on which the cars are sold.
  const marchOnly = { us: { price: 30_000, demand: 1_000, monthlyProfile: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0] } };
  const fromOctober = { from: "2025-10-01" };

  it("vehicle duty: all units pay the full rate", () => {
    const r = run(
      scenario({
        plants: [plant("kyushu", "maker", "JP")],
        programs: [program("car", "maker", { kyushu: 1 }, { markets: marchOnly })],
        tariffs: [measure("s232", 0.25, fromOctober)],
      }),
    );
    // 1 000 × 0.25 × 27 000 = 6 750 000 (not × 182/365)
    expect(num(r.flows, {}, "vehicleDuty")).toBeCloseTo(6_750_000, 3);
  });

  it("parts duty of a US-built car: all units pay the full rate", () => {
    const r = run(
      scenario({
        programs: [program("car", "maker", { ohio: 1 }, { content: { US: 0.7, JP: 0.3 }, markets: marchOnly })],
        tariffs: [measure("s232-parts", 0.25, { ...fromOctober, categories: ["parts"] })],
      }),
    );
    // 1 000 × 0.25 × 16 000 × 0.3 = 1 200 000 (evenly spread it would be × 182/365 = 598 356)
    expect(num(r.flows, {}, "partsDuty")).toBeCloseTo(1_200_000, 3);
  });
});
