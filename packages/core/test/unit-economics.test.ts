import { describe, expect, it } from "vitest";
import { laneEconomics } from "../src/index.js";
import { build, company, measure, plant, program, scenario } from "./fixtures.js";

/** The lane of a program at a plant in period 0. */
function lane(e: ReturnType<typeof laneEconomics>, plantId: string, programId = "car"): number {
  for (let f = 0; f < e.length; f++) if (e.plant[f] === plantId && e.program[f] === programId && e.period[f] === 0) return f;
  throw new Error(`no lane ${programId} at ${plantId}`);
}

describe("lane economics (per unit, base currency)", () => {
  const s = build(
    scenario({
      plants: [
        plant("ohio", "maker", "US", { platforms: ["p"] }),
        plant("kyushu", "maker", "JP", { platforms: ["p"] }),
        plant("spare", "maker", "US", { platforms: ["q"] }),
      ],
      programs: [program("car", "maker", { ohio: 1 }, { customsValue: { shareOfPrice: 0.9 } })],
      lanes: [
        { from: "US", to: "us", costPerUnit: 500 },
        { from: "JP", to: "us", costPerUnit: 1500 },
      ],
      tariffs: [measure("mfn", 0.025, { kind: "mfn" }), measure("s232", 0.25, { from: "2025-04-03" })],
    }),
  );
  const e = laneEconomics(s);

  it("creates lanes only where the plant lists the platform or already builds the program", () => {
    expect(new Set(e.plant)).toEqual(new Set(["ohio", "kyushu"]));
    expect(e.length).toBe(2);
  });

  it("prices a Japan-built car with the day-weighted duty on its customs value", () => {
    const f = lane(e, "kyushu");
    expect(e.demand[f]).toBe(1000);
    expect(e.price[f]).toBe(30_000);
    expect(e.variableCost[f]).toBe(20_000);
    expect(e.logistics[f]).toBe(1500);
    // CV = 0.9 × 30 000 = 27 000; FY2025 has 365 days, s232 in force 363 of them (from 2025-04-03):
    // 27 000 × (2.5% + 25% × 363/365) = 675 + 6 713.01… = 7 388.013…
    expect(e.vehicleDuty[f]).toBeCloseTo(27_000 * (0.025 + (0.25 * 363) / 365), 6);
    expect(e.customsValue[f]).toBeCloseTo(27_000, 9);
  });

  it("charges no vehicle duty on a car built in the market's country", () => {
    const f = lane(e, "ohio");
    expect(e.vehicleDuty[f]).toBe(0);
    expect(e.logistics[f]).toBe(500);
  });

  it("gives each plant its capacity and fixed cost by period", () => {
    const ohio = e.plants.find((p) => p.id === "ohio");
    expect(ohio?.capacity).toEqual([100_000]);
    expect(ohio?.fixedCost).toEqual([0]);
  });

  it("prices a lane to another company's plant at the program's customs value", () => {
    const two = build(
      scenario({
        companies: [company("maker"), company("host")],
        plants: [plant("ohio", "maker", "US"), plant("canton", "host", "US")],
      }),
    );
    const x = laneEconomics(two);
    const f = lane(x, "canton");
    expect(x.builder[f]).toBe("host");
    expect(x.seller[f]).toBe("maker");
    // default customs value: 0.9 × price = 27 000
    expect(x.customsValue[f]).toBeCloseTo(27_000, 9);
  });
});
