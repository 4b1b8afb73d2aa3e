import { describe, expect, it } from "vitest";
import { type ScenarioInput, validateScenario } from "../src/index.js";
import { company, plant, program, scenario } from "./fixtures.js";

/** One plant at the given position (any of the accepted forms), for the map's coordinates. */
function at(where: Record<string, unknown>): ScenarioInput {
  return scenario({
    companies: [company("toyota")],
    plants: [plant("georgetown", "toyota", "US", { capacity: 500_000, fixedCost: 1e9, ...where })],
    programs: [program("camry", "toyota", { georgetown: 1 }, { variableCost: 22_000, markets: { us: { price: 28_000, demand: 300_000 } } })],
    lanes: [{ from: "US", to: "us", costPerUnit: 0 }],
  });
}

const errors = (s: ScenarioInput) =>
  validateScenario(s)
    .issues.filter((i) => i.severity === "error")
    .map((i) => ({ at: `${i.path}: ${i.message}`, suggestion: i.suggestion }));

describe("plant coordinates (lat/lon)", () => {
  it("keeps lat and lon as degrees, in the bare and the cited form", () => {
    const bare = validateScenario(at({ lat: 38.21, lon: -84.56 }));
    expect(bare.scenario?.plants[0]).toMatchObject({ lat: 38.21, lon: -84.56 });
    const cited = validateScenario(at({ lat: { value: 38.21, unit: "degrees", source: "assumption:plant-coordinates" }, lon: "-84.56" }));
    expect(cited.scenario?.plants[0]).toMatchObject({ lat: 38.21, lon: -84.56 });
  });

  it("is optional: a plant without coordinates validates", () => {
    expect(errors(at({}))).toEqual([]);
  });

  it("names the path and suggests a fix when a value is out of range (a swapped pair)", () => {
    const e = errors(at({ lat: -84.56, lon: 238.21 }));
    expect(e.map((x) => x.at)).toEqual(["plants[0].lon: must be at most 180, got 238.21"]);
    expect(e[0]?.suggestion).toMatch(/-180 \(west\) to 180 \(east\)/);
    const lat = errors(at({ lat: 91, lon: 0 }));
    expect(lat.map((x) => x.at)).toEqual(["plants[0].lat: must be at most 90, got 91"]);
    expect(lat[0]?.suggestion).toMatch(/swapped/);
    expect(errors(at({ lat: -90.5, lon: 0 })).map((x) => x.at)).toEqual(["plants[0].lat: must be at least -90, got -90.5"]);
  });

  it("refuses half a position", () => {
    expect(errors(at({ lat: 38.21 }))).toEqual([{ at: "plants[0].lon: the plant has lat but no lon", suggestion: "give both lat and lon, or neither" }]);
  });
});
