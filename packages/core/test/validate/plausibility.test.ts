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
