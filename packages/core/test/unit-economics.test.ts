import { describe, expect, it } from "vitest";
import { laneEconomics } from "../src/index.js";
import { build, company, market, measure, plant, program, scenario } from "./fixtures.js";

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

  it("creates a lane only along a route: domestic, a scenario lane, or the scenario's own sourcing", () => {
    const routes = build(
      scenario({
        markets: [market("us", "US"), market("ca", "CA")],
        plants: [plant("ohio", "maker", "US"), plant("kyushu", "maker", "JP"), plant("alliston", "maker", "CA"), plant("yorii", "maker", "JP")],
        programs: [
          program("car", "maker", { ohio: 0.5, yorii: 0.5 }, { markets: { us: { price: 30_000, demand: 1000 }, ca: { price: 30_000, demand: 500 } } }),
        ],
        lanes: [
          { from: "US", to: "ca", costPerUnit: 800 },
          { from: "JP", to: "us", costPerUnit: 1500 },
        ],
      }),
    );
    const x = laneEconomics(routes);
    const pairs = Array.from({ length: x.length }, (_, f) => `${x.plant[f]}→${x.market[f]}`).sort();
    // ohio → us domestic, → ca by lane; kyushu → us by lane, not → ca; alliston → ca domestic, not → us;
    // yorii → ca has no lane but the scenario sources the car there.
    expect(pairs).toEqual(["alliston→ca", "kyushu→us", "ohio→ca", "ohio→us", "yorii→ca", "yorii→us"]);
    // a domestic route without a lane costs no logistics, as in `evaluate`
    const at = (pair: string) => Array.from({ length: x.length }, (_, i) => `${x.plant[i]}→${x.market[i]}`).indexOf(pair);
    expect(x.logistics[at("ohio→us")]).toBe(0);
    expect(x.logistics[at("ohio→ca")]).toBe(800);
  });

  it("prices a contract-manufacturing lane at the deal's price, which is also the declared value for duty", () => {
    const deal = build(
      scenario({
        companies: [company("maker"), company("host")],
        plants: [plant("ohio", "maker", "US"), plant("kyushu", "host", "JP")],
        programs: [program("car", "maker", { ohio: 1 })],
        lanes: [
          { from: "US", to: "us", costPerUnit: 500 },
          { from: "JP", to: "us", costPerUnit: 1500 },
        ],
        tariffs: [measure("s232", 0.25)],
        deals: [
          {
            id: "cm",
            type: "contract-manufacturing",
            name: "cm",
            host: "host",
            client: "maker",
            plant: "kyushu",
            program: "car",
            volume: { FY2025: 400 },
            transferPrice: { perUnit: 24_000 },
            counterfactual: { plant: "ohio" },
          },
        ],
      }),
    );
    const x = laneEconomics(deal);
    const f = lane(x, "kyushu");
    expect(x.transfer[f]).toBeCloseTo(24_000, 9);
    expect(x.customsValue[f]).toBeCloseTo(27_000, 9); // 0.9 × 30 000, still reported
    // duty on the agreed price: 25% × 24 000 = 6 000 (on the customs value it would be 6 750)
    expect(x.vehicleDuty[f]).toBeCloseTo(6000, 6);
    const ohio = lane(x, "ohio");
    expect(x.transfer[ohio]).toBeCloseTo(27_000, 9); // same company: unused, the customs value
  });
});
