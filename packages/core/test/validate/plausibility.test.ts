import { describe, expect, it } from "vitest";
import { type ScenarioInput, validateScenario } from "../../src/index.js";
import { company, plant, program, scenario } from "../fixtures.js";

const warnings = (s: ScenarioInput) =>
  validateScenario(s)
    .issues.filter((i) => i.severity === "warning")
    .map((i) => `${i.path}: ${i.message}`);

describe("plausibility across numbers", () => {
  it("warns when a plant is planned beyond its capacity: its own sourcing plus a deal's volume", () => {
    // Ohio (100,000 a year) builds the car (80,000) and, under a deal, 46,700 of the client's truck: 126.7%.
    const s = scenario({
      companies: [company("maker"), company("client")],
      plants: [plant("ohio", "maker", "US", { capacity: 100_000 })],
      programs: [
        program("car", "maker", { ohio: 1 }, { markets: { us: { price: 30_000, demand: 80_000 } } }),
        program("truck", "client", {}, { markets: { us: { price: 30_000, demand: 46_700 } } }),
      ],
      lanes: [{ from: "US", to: "us", costPerUnit: 0 }],
      deals: [
        {
          id: "cm",
          type: "contract-manufacturing",
          name: "maker builds the truck",
          host: "maker",
          client: "client",
          plant: "ohio",
          program: "truck",
          volume: { FY2025: 46_700 },
          transferPrice: { perUnit: 25_000 },
          counterfactual: { notSold: true },
        } as NonNullable<ScenarioInput["deals"]>[number],
      ],
    });
    expect(warnings(s)).toContain("plants[0].capacity: ohio is planned to build 126,700 in FY2025, 126.7% of its capacity of 100,000 then");
  });

  it("catches a capacity written in thousands", () => {
    const s = scenario({ plants: [plant("ohio", "maker", "US", { capacity: 150 })], lanes: [{ from: "US", to: "us", costPerUnit: 0 }] });
    expect(warnings(s)[0]).toMatch(/ohio is planned to build 1,000 in FY2025, 666\.7% of its capacity of 150/);
  });

  it("asks whether a capacity of 150 planned to build 60,000 meant 150,000, once", () => {
    const s = scenario({
      plants: [plant("ohio", "maker", "US", { capacity: 150 })],
      programs: [program("car", "maker", { ohio: 1 }, { markets: { us: { price: 30_000, demand: 60_000 } } })],
      lanes: [{ from: "US", to: "us", costPerUnit: 0 }],
    });
    const issues = validateScenario(s).issues.filter((i) => i.path === "plants[0].capacity");
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toBe("ohio is planned to build 60,000 in FY2025, 40000.0% of its capacity of 150 then");
    expect(issues[0]?.suggestion).toBe('did you mean 150,000? Capacity counts vehicles a year: write 150000 or "150 thousand"');
  });

  it("asks the same of an idle plant of 150 beside plants of 100,000 and 300,000 (median 200,000; 150 is under 1% of it)", () => {
    const s = scenario({
      plants: [
        plant("ohio", "maker", "US", { capacity: 100_000 }),
        plant("texas", "maker", "US", { capacity: 300_000 }),
        plant("kyushu", "maker", "JP", { capacity: 150 }),
      ],
      lanes: [{ from: "US", to: "us", costPerUnit: 0 }],
    });
    expect(validateScenario(s).issues.filter((i) => i.severity === "warning")).toEqual([
      expect.objectContaining({
        path: "plants[2].capacity",
        message: "kyushu's capacity of 150 a year is under 1% of the median of the scenario's other plants (200,000)",
        suggestion: 'did you mean 150,000? Capacity counts vehicles a year: write 150000 or "150 thousand"',
      }),
    ]);
  });

  it("leaves a small plant of 20,000 beside plants of 440,000 alone (4.5% of them)", () => {
    const s = scenario({
      plants: [plant("ohio", "maker", "US", { capacity: 440_000 }), plant("yorii", "maker", "JP", { capacity: 20_000 })],
      lanes: [{ from: "US", to: "us", costPerUnit: 0 }],
    });
    expect(warnings(s)).toEqual([]);
  });

  it("says nothing of a plant within capacity", () => {
    expect(warnings(scenario({ lanes: [{ from: "US", to: "us", costPerUnit: 0 }] }))).toEqual([]);
  });

  it("warns of an MSRP below the net price", () => {
    const s = scenario({
      programs: [program("car", "maker", { ohio: 1 }, { markets: { us: { price: 30_000, msrp: 28_000, demand: 1_000 } } })],
      lanes: [{ from: "US", to: "us", costPerUnit: 0 }],
    });
    expect(warnings(s)).toContain("programs[0].markets.us.msrp: MSRP 28,000 is below the net price 30,000");
  });
});
