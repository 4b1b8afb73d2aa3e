import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseDeal, type ScenarioInput, validateScenario } from "../src/index.js";
import { company, num, plant, program, run, scenario, where } from "./fixtures.js";

/**
 * A plant owned 50/50 by toyota (the operator) and mazda: capacity 300,000,
 * fixed cost 600M. Toyota builds 150,000 cars there at 28,000 (variable cost
 * 22,000), mazda 120,000 at 32,000 (25,000):
 *
 *   toyota 900M contribution − 300M fixed = 600M; mazda 840M − 300M = 540M;
 *   the plant: 270,000 built, 600M fixed = 300M + 300M.
 */
function jv(shares: Record<string, number> = { toyota: 0.5, mazda: 0.5 }, extra: Partial<ScenarioInput> = {}): ScenarioInput {
  return scenario({
    companies: [company("toyota"), company("mazda")],
    plants: [plant("huntsville", "toyota", "US", { capacity: 300_000, fixedCost: 600e6, owners: shares })],
    programs: [
      program("corolla-cross", "toyota", { huntsville: 1 }, { variableCost: 22_000, markets: { us: { price: 28_000, demand: 150_000 } } }),
      program("cx-50", "mazda", { huntsville: 1 }, { variableCost: 25_000, markets: { us: { price: 32_000, demand: 120_000 } } }),
    ],
    lanes: [{ from: "US", to: "us", costPerUnit: 0 }],
    ...extra,
  });
}

describe("joint-venture plant, consolidated proportionally", () => {
  it("works the hand example: each owner books its share of the fixed cost and its own model's contribution", () => {
    const r = run(jv());
    const c = (id: string, col: string) => num(r.companies, { company: id, period: "FY2025" }, col);
    expect(c("toyota", "fixedCost")).toBeCloseTo(300e6, 0);
    expect(c("mazda", "fixedCost")).toBeCloseTo(300e6, 0);
    expect(c("toyota", "operatingProfit")).toBeCloseTo(600e6, 0);
    expect(c("mazda", "operatingProfit")).toBeCloseTo(540e6, 0);
    // Each owner builds its own model: no transfer between them, and it books its own variable cost.
    expect(c("mazda", "variableCost")).toBeCloseTo(120_000 * 25_000, 0);
    expect(c("mazda", "transferOut")).toBe(0);
    expect(num(r.plants, { plant: "huntsville", period: "FY2025" }, "output")).toBe(270_000);
    expect(where(r.plants, { plant: "huntsville" })[0]?.owners).toBe("toyota 50% + mazda 50%");
  });

  it("property: the owners' shares of fixed cost add up to the plant's, and their builds to its output", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.99, noNaN: true }), (t) => {
        const r = run(jv({ toyota: t, mazda: 1 - t }));
        const fixed = ["toyota", "mazda"].map((id) => num(r.companies, { company: id, period: "FY2025" }, "fixedCost"));
        expect((fixed[0] ?? 0) + (fixed[1] ?? 0)).toBeCloseTo(num(r.plants, { plant: "huntsville", period: "FY2025" }, "fixedCost"), 3);
        expect(fixed[0]).toBeCloseTo(t * 600e6, 3);
        const built = where(r.flows, {}).reduce((s, f) => s + Number(f.units), 0);
        expect(built).toBe(num(r.plants, { plant: "huntsville", period: "FY2025" }, "output"));
      }),
      { numRuns: 25 },
    );
  });

  it("names the path when shares do not add up, the operator is not an owner, or an owner is unknown", () => {
    const issues = (s: ScenarioInput) =>
      validateScenario(s)
        .issues.filter((i) => i.severity === "error")
        .map((i) => `${i.path}: ${i.message}`);
    expect(issues(jv({ toyota: 0.5, mazda: 0.4 }))).toContain("plants[0].owners: owners' shares sum to 0.9, not 1");
    expect(issues(jv({ mazda: 1 }))).toContain("plants[0].owner: the operator toyota is not among the owners");
    expect(issues(jv({ toyota: 0.5, mazdaa: 0.5 })).some((i) => i.startsWith("plants[0].owners.mazdaa: unknown company"))).toBe(true);
  });

  it("lets a non-owner build there only through a contract-manufacturing deal", () => {
    const s = jv({ toyota: 1 });
    const issues = validateScenario(s).issues.filter((i) => i.severity === "error");
    expect(issues.map((i) => i.path)).toContain("programs[1].sourcing.huntsville");
  });

  it("a closure of a joint plant is analysed with both owners as parties", () => {
    const close = { id: "close", type: "plant-action", name: "close", plant: "huntsville", action: "close", lastDay: "2025-09-30", period: "FY2025" };
    const v = validateScenario(jv(undefined, { deals: [close as never] }));
    const a = analyseDeal(v.scenario as NonNullable<typeof v.scenario>, "close");
    expect(a.parties.sort()).toEqual(["mazda", "toyota"]);
  });
});

describe("closing a joint plant", () => {
  it("leaves each owner its share of the fixed cost that stays", () => {
    // Closed from the start of FY2025 (last day before it), a quarter of the 600M stays: 75M each.
    const close = {
      id: "close",
      type: "plant-action",
      name: "close",
      plant: "huntsville",
      action: "close",
      lastDay: "2025-03-31",
      period: "FY2025",
      avoidableFixedCost: 0.75,
    };
    const r = run(jv(undefined, { deals: [close as never] }));
    expect(num(r.companies, { company: "toyota", period: "FY2025" }, "fixedCost")).toBeCloseTo(75e6, 0);
    expect(num(r.companies, { company: "mazda", period: "FY2025" }, "fixedCost")).toBeCloseTo(75e6, 0);
  });
});
