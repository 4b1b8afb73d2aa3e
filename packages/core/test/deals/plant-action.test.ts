import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseDeal, buildModel, discountFactors, evaluateModel, expandHorizon, type ScenarioInput } from "../../src/index.js";
import { build, company, num, plant, program, scenario, total } from "../fixtures.js";
import { type DealIn, errorsOf, evaluateWith, expectSameResults, withoutDeal } from "./capital-plant-helpers.js";

/**
 * A maker builds a sedan at Smyrna (capacity 200,000/yr, fixed cost 400M/yr)
 * and an SUV at Canton (capacity 200,000/yr, fixed cost 300M/yr), over FY2027
 * (April 2027 – March 2028, 366 days: February 2028 has 29) and FY2028.
 * Sedan: 100,000 a year; SUV: 50,000. Price 30,000, variable cost 20,000, no
 * logistics cost, no tariffs: 10,000 contribution a car.
 *
 * Smyrna closes with last day 2027-09-30: 183 of FY2027's 366 days, half.
 * 60% of its later volume moves to Canton; the other 40% is lost.
 */
const LAST_DAY = "2027-09-30";
const close = (over: Partial<DealIn> = {}): DealIn =>
  ({
    id: "close",
    type: "plant-action",
    name: "Close Smyrna",
    plant: "smyrna",
    action: "close",
    lastDay: LAST_DAY,
    oneOff: 500e6,
    period: "FY2027",
    moveTo: { canton: 0.6 },
    ...over,
  }) as DealIn;

function footprint(deals: DealIn[] = [close()]): ScenarioInput {
  return scenario({
    horizon: { fiscalYears: { from: 2027, to: 2028, startMonth: 4 } },
    companies: [company("maker")],
    plants: [plant("smyrna", "maker", "US", { capacity: 200_000, fixedCost: 400e6 }), plant("canton", "maker", "US", { capacity: 200_000, fixedCost: 300e6 })],
    programs: [
      program("sedan", "maker", { smyrna: 1 }, { markets: { us: { price: 30_000, demand: 100_000 } } }),
      program("suv", "maker", { canton: 1 }, { markets: { us: { price: 30_000, demand: 50_000 } } }),
    ],
    lanes: [{ from: "US", to: "us", costPerUnit: 0 }],
    deals,
  });
}

const at = (r: ReturnType<typeof evaluateWith>, table: "plants" | "companies", key: Record<string, string>, column: string) => num(r[table], key, column);

describe("plant action: closing a plant from the middle of a period", () => {
  const on = evaluateWith(footprint());
  const off = evaluateWith(withoutDeal(footprint(), "close"));
  const smyrna = (period: string, column: string) => at(on, "plants", { plant: "smyrna", period }, column);

  it("halves the period's capacity and fixed cost, and ends them after", () => {
    expect(smyrna("FY2027", "capacity")).toBeCloseTo(100_000, 6); // 200,000 × 183/366
    expect(smyrna("FY2027", "fixedCost")).toBeCloseTo(200e6, 0); // 400M × 183/366
    expect(smyrna("FY2028", "capacity")).toBe(0);
    expect(smyrna("FY2028", "fixedCost")).toBe(0);
  });

  it("keeps the volume before the last day, moves 60% of the rest to Canton and loses 40%", () => {
    expect(smyrna("FY2027", "output")).toBeCloseTo(50_000, 6); // 100,000 × 183/366
    // Canton: its own 50,000 SUVs + 60% × 50,000 sedans.
    expect(at(on, "plants", { plant: "canton", period: "FY2027" }, "output")).toBeCloseTo(80_000, 6);
    expect(at(off, "plants", { plant: "canton", period: "FY2027" }, "output")).toBeCloseTo(50_000, 6);
    // Sedans sold: 50,000 + 30,000 (40% × 50,000 = 20,000 lost).
    expect(total(on.flows, "units", { program: "sedan", period: "FY2027" })).toBeCloseTo(80_000, 6);
    // FY2028: Smyrna builds nothing, Canton 50,000 + 60,000; 40,000 sedans lost.
    expect(smyrna("FY2028", "output")).toBe(0);
    expect(at(on, "plants", { plant: "canton", period: "FY2028" }, "output")).toBeCloseTo(110_000, 6);
    expect(at(on, "companies", { company: "maker", period: "FY2028" }, "units")).toBeCloseTo(110_000, 6);
  });

  it("books the closure cost in the owner's dealCosts and operating profit", () => {
    const maker = (r: typeof on, column: string) => at(r, "companies", { company: "maker", period: "FY2027" }, column);
    expect(maker(on, "dealCosts")).toBeCloseTo(500e6, 0);
    expect(maker(off, "dealCosts")).toBe(0);
    // Without: 150,000 × 10,000 − (400M + 300M) = 800M.
    expect(maker(off, "operatingProfit")).toBeCloseTo(800e6, 0);
    // With: 130,000 × 10,000 − (200M + 300M) − 500M = 300M.
    expect(maker(on, "operatingProfit")).toBeCloseTo(300e6, 0);
    expect(at(on, "companies", { company: "maker", period: "FY2028" }, "dealCosts")).toBe(0);
  });

  it("books a sale's proceeds as a gain: dealCosts fall by them", () => {
    const sold = evaluateWith(footprint([close({ action: "sell", oneOff: 250e6 })]));
    expect(at(sold, "companies", { company: "maker", period: "FY2027" }, "dealCosts")).toBeCloseTo(-250e6, 0);
    // 1,300M − 500M fixed + 250M proceeds.
    expect(at(sold, "companies", { company: "maker", period: "FY2027" }, "operatingProfit")).toBeCloseTo(1_050e6, 0);
    expect(at(sold, "plants", { plant: "smyrna", period: "FY2028" }, "capacity")).toBe(0);
  });

  it("converts a one-off in another currency at the booking period's rate", () => {
    const s = footprint([close({ oneOff: 60e9, currency: "JPY" })]);
    s.fx = { base: "USD", rates: { JPY: { FY2027: 150, FY2028: 140 } } };
    expect(at(evaluateWith(s), "companies", { company: "maker", period: "FY2027" }, "dealCosts")).toBeCloseTo(400e6, 0); // ¥60bn / 150
  });

  it("loses all the later volume when no plant is named", () => {
    const r = evaluateWith(footprint([close({ moveTo: undefined })]));
    expect(total(r.flows, "units", { program: "sedan", period: "FY2027" })).toBeCloseTo(50_000, 6);
    expect(total(r.flows, "units", { program: "sedan", period: "FY2028" })).toBe(0);
  });

  it("splits the plant's share when it builds only part of a program", () => {
    // Sedan 50/50 between Smyrna and Canton: Smyrna loses half its 50,000 in FY2027, 60% of that 25,000 moves.
    const s = footprint();
    s.programs[0] = program("sedan", "maker", { smyrna: 0.5, canton: 0.5 }, { markets: { us: { price: 30_000, demand: 100_000 } } });
    const r = evaluateWith(s);
    expect(at(r, "plants", { plant: "smyrna", period: "FY2027" }, "output")).toBeCloseTo(25_000, 6);
    expect(total(r.flows, "units", { program: "sedan", plant: "canton", period: "FY2027" })).toBeCloseTo(50_000 + 15_000, 6);
  });
});

describe("plant action: counterfactual", () => {
  it("evaluated as its counterfactual (plant stays open, no one-off), equals the scenario without the deal", () => {
    const s = footprint();
    expectSameResults(evaluateWith(s, ["close"]), evaluateWith(withoutDeal(s, "close")));
  });

  it("also for a sale with the volume lost", () => {
    const s = footprint([close({ action: "sell", oneOff: 250e6, moveTo: undefined })]);
    expectSameResults(evaluateWith(s, ["close"]), evaluateWith(withoutDeal(s, "close")));
  });
});

describe("plant action and contract manufacturing", () => {
  /** A client's pickup hosted at Smyrna (8,000 a year at 25,000) while Smyrna closes. */
  function hostedAtClosingPlant(): ScenarioInput {
    const s = footprint();
    s.companies.push(company("client"));
    s.plants.push(plant("lincoln", "client", "US"));
    s.programs.push(program("pickup", "client", {}, { markets: { us: { price: 30_000, demand: 8_000 } } }));
    s.deals?.push({
      id: "cm",
      type: "contract-manufacturing",
      name: "Smyrna builds the client's pickup",
      host: "maker",
      client: "client",
      plant: "smyrna",
      program: "pickup",
      volume: { FY2027: 8_000, FY2028: 8_000 },
      transferPrice: { perUnit: 25_000 },
      counterfactual: { plant: "lincoln" },
    } as DealIn);
    return s;
  }

  it("hosted volume follows the closure: kept before the last day, moved by the same shares after", () => {
    const r = evaluateWith(hostedAtClosingPlant());
    const pickups = (plantId: string, period: string) => total(r.flows, "units", { program: "pickup", plant: plantId, period });
    expect(pickups("smyrna", "FY2027")).toBeCloseTo(4_000, 6); // 8,000 × 183/366
    expect(pickups("canton", "FY2027")).toBeCloseTo(2_400, 6); // 60% × 4,000
    expect(pickups("smyrna", "FY2028")).toBe(0);
    expect(pickups("canton", "FY2028")).toBeCloseTo(4_800, 6);
    // The client still pays the transfer price on every pickup built for it: 6,400 × 25,000.
    expect(at(r, "companies", { company: "client", period: "FY2027" }, "transferOut")).toBeCloseTo(6_400 * 25_000, 0);
  });
});

describe("plant action: validation", () => {
  it("accepts the closure", () => {
    expect(errorsOf(footprint())).toEqual([]);
  });

  it("names an unknown plant, in the plant and in moveTo", () => {
    expect(errorsOf(footprint([close({ plant: "smyrn" })]))).toContainEqual(
      expect.objectContaining({ path: "deals[0].plant", suggestion: "did you mean `smyrna`?" }),
    );
    expect(errorsOf(footprint([close({ moveTo: { cantn: 1 } })]))).toContainEqual(
      expect.objectContaining({ path: "deals[0].moveTo.cantn", suggestion: "did you mean `canton`?" }),
    );
  });

  it("rejects moving volume to another company's plant", () => {
    const s = footprint([close({ moveTo: { "aguas-a1": 0.5 } })]);
    s.companies.push(company("rival"));
    s.plants.push(plant("aguas-a1", "rival", "MX"));
    s.lanes?.push({ from: "MX", to: "us", costPerUnit: 0 });
    expect(errorsOf(s)).toContainEqual(expect.objectContaining({ path: "deals[0].moveTo.aguas-a1", message: "aguas-a1 belongs to rival, not maker" }));
  });

  it("rejects a plant that cannot build the moved program's platform, or has no lane to its market", () => {
    const s = footprint([close({ moveTo: { "aguas-a1": 0.5 } })]);
    s.plants.push(plant("aguas-a1", "maker", "MX", { platforms: ["other"] }));
    const e = errorsOf(s);
    expect(e).toContainEqual(
      expect.objectContaining({
        path: "deals[0].moveTo.aguas-a1",
        message: "aguas-a1 cannot build platform p of sedan",
        suggestion: expect.stringContaining("plants.aguas-a1.platforms"),
      }),
    );
    expect(e).toContainEqual(expect.objectContaining({ path: "deals[0].moveTo.aguas-a1", message: "no lane from aguas-a1 (MX) to market us for sedan" }));
  });

  it("rejects moveTo shares above 1 in total, and one share above 1", () => {
    const s = footprint([close({ moveTo: { canton: 0.7, "aguas-a1": 0.5 } })]);
    s.plants.push(plant("aguas-a1", "maker", "MX"));
    s.lanes?.push({ from: "MX", to: "us", costPerUnit: 0 });
    expect(errorsOf(s)).toContainEqual(expect.objectContaining({ path: "deals[0].moveTo", message: "moveTo shares sum to 1.2, more than 1" }));
    expect(errorsOf(footprint([close({ moveTo: { canton: 1.5 } })]))[0]?.path).toBe("deals[0].moveTo.canton");
  });

  it("rejects a last day after the horizon, and accepts one before it (closed throughout)", () => {
    const e = errorsOf(footprint([close({ lastDay: "2029-06-30" })]));
    expect(e).toContainEqual(expect.objectContaining({ path: "deals[0].lastDay", suggestion: "set a lastDay on or before 2029-03-31, or extend the horizon" }));
    expect(errorsOf(footprint([close({ lastDay: "2026-12-31" })]))).toEqual([]);
  });

  it("rejects an unknown booking period and a currency without rates", () => {
    expect(errorsOf(footprint([close({ period: "FY2026" })]))).toContainEqual(
      expect.objectContaining({ path: "deals[0].period", message: "FY2026 is outside the horizon FY2027–FY2028" }),
    );
    expect(errorsOf(footprint([close({ currency: "JPY" })]))).toContainEqual(
      expect.objectContaining({ path: "deals[0].currency", message: expect.stringContaining("FY2027") }),
    );
  });

  it("rejects moving volume to a plant that closes itself, or to the closing plant", () => {
    const chain = footprint([close(), close({ id: "close-canton", plant: "canton", moveTo: { smyrna: 1 } })]);
    const e = errorsOf(chain);
    expect(e).toContainEqual(
      expect.objectContaining({ path: "deals[0].moveTo.canton", message: expect.stringContaining("canton itself closes on 2027-09-30") }),
    );
    expect(errorsOf(footprint([close({ moveTo: { smyrna: 1 } })]))).toContainEqual(expect.objectContaining({ path: "deals[0].moveTo.smyrna" }));
  });

  it("rejects a second action on one plant, and a plant the scenario already closes earlier", () => {
    expect(errorsOf(footprint([close(), close({ id: "again" })]))).toContainEqual(expect.objectContaining({ path: "deals[1].plant" }));
    const s = footprint();
    s.plants[0] = plant("smyrna", "maker", "US", { openUntil: "2027-06-30" });
    expect(errorsOf(s)).toContainEqual(expect.objectContaining({ path: "deals[0].lastDay", message: expect.stringContaining("already closes on 2027-06-30") }));
  });
});

describe("property: a plant action that moves all of its volume conserves units", () => {
  const day0 = Date.UTC(2027, 3, 1) / 86_400_000; // 2027-04-01
  const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

  it("units sold and built equal demand in every period, wherever the closing plant's volume goes", () => {
    const arb = fc.record({
      // Last day from 30 days before the horizon to its last day (FY2027–FY2028: 731 days).
      lastDay: fc.integer({ min: -30, max: 730 }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
      weights: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 3 }),
      demand: fc.integer({ min: 0, max: 300_000 }),
      demand2: fc.integer({ min: 0, max: 300_000 }),
    });
    fc.assert(
      fc.property(arb, (x) => {
        const targets = ["t0", "t1", "t2"].slice(0, x.weights.length);
        const sum = x.weights.reduce((a, b) => a + b, 0);
        const moveTo = Object.fromEntries(targets.map((id, i) => [id, (x.weights[i] as number) / sum]));
        const s = scenario({
          horizon: { fiscalYears: { from: 2027, to: 2028, startMonth: 4 } },
          plants: [plant("closing", "maker", "US"), plant("other", "maker", "US"), ...targets.map((id) => plant(id, "maker", "MX"))],
          programs: [
            program(
              "car",
              "maker",
              { closing: x.share, other: 1 - x.share },
              { markets: { us: { price: 30_000, demand: x.demand }, ca: { price: 30_000, demand: x.demand2 } } },
            ),
          ],
          markets: [
            { id: "us", name: "us", country: "US", currency: "USD" },
            { id: "ca", name: "ca", country: "CA", currency: "USD" },
          ],
          deals: [
            {
              id: "close",
              type: "plant-action",
              name: "close",
              plant: "closing",
              action: "close",
              lastDay: iso(day0 + x.lastDay),
              period: "FY2027",
              moveTo,
            } as DealIn,
          ],
        });
        const r = evaluateModel(buildModel(build(s)));
        for (const period of ["FY2027", "FY2028"]) {
          const demand = x.demand + x.demand2;
          expect(Math.abs(total(r.flows, "units", { period }) - demand)).toBeLessThanOrEqual(1e-9 * (1 + demand));
          expect(Math.abs(total(r.plants, "output", { period }) - demand)).toBeLessThanOrEqual(1e-9 * (1 + demand));
        }
      }),
      { seed: 20251121, numRuns: 100 },
    );
  });
});

describe("plant action: what a closure costs and saves", () => {
  /**
   * Smyrna closes on 2027-09-30 (half of FY2027). Jobs: 1,600 (8 per
   * thousand of its 200,000 capacity; it reports no headcount), severance
   * 25,000 each = 40M; other 500M; remediation 30M; write-off 200M (not cash).
   * Three quarters of its 400M fixed cost stops: 100M a year stays, 50M in
   * FY2027's closed half.
   */
  const costly = close({ severancePerJob: 25_000, remediation: 30e6, writeOff: 200e6, avoidableFixedCost: 0.75 } as Partial<DealIn>);
  const on = evaluateWith(footprint([costly]));
  const dealCosts = (period: string) => at(on, "companies", { company: "maker", period }, "dealCosts");

  it("books severance per job, remediation and the write-off with the other one-offs, and keeps the stranded cost in fixed cost", () => {
    expect(dealCosts("FY2027")).toBeCloseTo(500e6 + 1600 * 25_000 + 30e6 + 200e6, 0);
    expect(dealCosts("FY2028")).toBe(0);
    // Fixed cost: Smyrna's open half (200M) + the stranded quarter of its closed half (50M) + Canton's 300M; then 100M + 300M.
    expect(at(on, "companies", { company: "maker", period: "FY2027" }, "fixedCost")).toBeCloseTo(550e6, 0);
    expect(at(on, "companies", { company: "maker", period: "FY2028" }, "fixedCost")).toBeCloseTo(400e6, 0);
  });

  it("marks the write-off as non-cash in the model's one-offs", () => {
    const v = buildModel(build(footprint([costly])));
    const items = v.effects.oneOffs.map((o) => [o.item, o.cash]);
    expect(items).toContainEqual(["write-off", false]);
    expect(items).toContainEqual(["severance", true]);
  });

  it("values the closure in cash after tax: depreciation is no saving, the write-off no cost", () => {
    // Discount rate 0, tax 30%, depreciation 30% of fixed cost. Fixed cost saved: 200M (FY2027's closed half) + 400M, less
    // the stranded quarter (50M + 100M): Δfixed cost = −450M. cash = 0.7 × ΔOP + 0.3 × (−450M) + the 200M write-off added back.
    const input = footprint([costly]);
    const s = build({ ...input, parameters: { discountRate: 0, depreciationShareOfFixedCost: 0.3 }, companies: [company("maker", { taxRate: 0.3 })] });
    const v = analyseDeal(s, "close").values[0];
    expect(v?.npvAfterTax).toBeCloseTo(0.7 * (v?.npv ?? 0), 0);
    expect(v?.npvCash).toBeCloseTo(0.7 * (v?.npv ?? 0) - 0.3 * 450e6 + 200e6, 0);
    // Kept idle, the plant's fixed cost stays fixed cost, depreciation included, so against idle and against running the
    // fixed-cost and write-off terms are the same: the cash values differ only by the volume's contribution after tax.
    const idle = analyseDeal(s, "close").versus?.[0]?.values[0];
    expect((idle?.npvCash ?? 0) - (v?.npvCash ?? 0)).toBeCloseTo(0.7 * ((idle?.npv ?? 0) - (v?.npv ?? 0)), 0);
  });

  it("states the jobs and their cost in the analysis", () => {
    const a = analyseDeal(build(footprint([costly])), "close");
    const f = a.terms?.figures as { jobs: number; severance: number };
    expect(f.jobs).toBe(1600);
    expect(f.severance).toBe(40e6);
    expect(a.terms?.lines[0]).toMatch(/severance 40\.0 USD million \(1,600 jobs/);
  });

  it("is also valued against keeping the plant idle: the lost volume's contribution is no longer part of the gain", () => {
    // With no moveTo the closure loses Smyrna's later volume: 50,000 cars in FY2027's second half, 100,000 in FY2028, 10,000 each.
    // Kept idle, the volume is lost the same way and all 400M of fixed cost stays: the difference is exactly the lost contribution.
    const s = build(footprint([close({ oneOff: 0, moveTo: undefined } as Partial<DealIn>)]));
    const a = analyseDeal(s, "close");
    const running = a.values[0]?.npv ?? 0;
    const idle = a.versus?.find((x) => x.id === "idle")?.values[0]?.npv ?? 0;
    const factors = discountFactors(expandHorizon(s.horizon), s.parameters.discountRate);
    const lost = 10_000 * (100_000 * (183 / 366) * (factors[0] ?? 0) + 100_000 * (factors[1] ?? 0));
    expect(idle).toBeGreaterThan(0); // the fixed cost saved: 200M + 400M, discounted
    expect(idle - running).toBeCloseTo(lost, 0);
  });
});

describe("programme: several deals valued as one", () => {
  const second = close({ id: "close-canton", plant: "canton", moveTo: undefined, oneOff: 100e6 } as Partial<DealIn>);
  const plan = {
    id: "plan",
    type: "programme",
    name: "the plan",
    company: "maker",
    deals: ["close", "close-canton"],
    currency: "USD",
    announced: { cost: 1e9, saving: 700e6, jobs: 3200 },
  } as unknown as DealIn;
  const input = (deals: DealIn[]) => footprint(deals);

  it("its value is the change from replacing every member by its counterfactual at once", () => {
    const both = evaluateWith(input([close({ moveTo: undefined } as Partial<DealIn>), second, plan]));
    const none = evaluateWith(input([close({ moveTo: undefined } as Partial<DealIn>), second, plan]), ["close", "close-canton", "plan"]);
    const a = analyseDeal(build(input([close({ moveTo: undefined } as Partial<DealIn>), second, plan])), "plan");
    const factors = discountFactors(expandHorizon(build(input([plan, close(), second])).horizon), 0.08);
    const change = (p: string) =>
      at(both, "companies", { company: "maker", period: p }, "profit") - at(none, "companies", { company: "maker", period: p }, "profit");
    expect(a.values[0]?.npv).toBeCloseTo(change("FY2027") * (factors[0] ?? 0) + change("FY2028") * (factors[1] ?? 0), 0);
    const f = a.terms?.figures as { jobs: number };
    expect(f.jobs).toBe(3200); // 1,600 at each plant
    expect(a.terms?.lines.at(-1)).toMatch(/^announced for the whole programme: cost 1,000\.0 USD million, saving 700\.0 USD million a year, 3,200 jobs/);
  });

  it("refuses an unknown member, itself, a nested programme and a member named twice", () => {
    const bad = { ...plan, deals: ["close", "close", "plan", "nope"] } as unknown as DealIn;
    const paths = errorsOf(input([close(), bad])).map((i) => `${i.path}: ${i.message}`);
    expect(paths).toContain("deals[1].deals[1]: close is named twice");
    expect(paths).toContain("deals[1].deals[2]: a programme cannot contain itself");
    expect(paths.some((p) => p.startsWith("deals[1].deals[3]: unknown deal `nope`"))).toBe(true);
  });
});
