import { evaluate, rows, type Scenario, validateScenario } from "@tieup/core";
import { describe, expect, it } from "vitest";
import { companiesOf, cooperation, formulate, scenarioInstance, valueAllocation } from "../src/index.js";
import { repoScenario } from "./helpers.js";

/**
 * One program of `maker` on platform p, sold in the US and Canada, built in
 * Ohio. Kyushu (JP) and Alliston (CA) list the platform too. Lanes: US → us,
 * US → ca, JP → us; none from Japan to Canada, none from Canada to the US.
 */
function routesScenario(): Scenario {
  const plant = (id: string, country: string) => ({
    id,
    name: id,
    owner: "maker",
    country,
    currency: "USD",
    capacity: 100_000,
    fixedCost: 0,
    platforms: ["p"],
  });
  const checked = validateScenario({
    tieup: 1,
    id: "routes",
    title: "Routes",
    horizon: { fiscalYears: { from: 2025, to: 2025, startMonth: 4 } },
    companies: [{ id: "maker", name: "Maker", reportingCurrency: "USD" }],
    markets: [
      { id: "us", name: "United States", country: "US", currency: "USD" },
      { id: "ca", name: "Canada", country: "CA", currency: "USD" },
    ],
    plants: [plant("ohio", "US"), plant("kyushu", "JP"), plant("alliston", "CA")],
    programs: [
      {
        id: "car",
        name: "Car",
        seller: "maker",
        brand: "Maker",
        category: "passenger-car",
        platform: "p",
        variableCost: 20_000,
        content: { US: 1 },
        sourcing: { ohio: 1 },
        markets: { us: { price: 30_000, demand: 1000 }, ca: { price: 30_000, demand: 500 } },
      },
    ],
    lanes: [
      { from: "US", to: "us", costPerUnit: 500 },
      { from: "US", to: "ca", costPerUnit: 800 },
      { from: "JP", to: "us", costPerUnit: 1500 },
    ],
  });
  if (!checked.scenario) throw new Error(checked.issues.map((i) => `${i.path} ${i.message}`).join("; "));
  return checked.scenario;
}

describe("variables only for lanes that exist", () => {
  it("gives a plant that lists the platform no variable towards a market it has no lane to", () => {
    const { inst } = scenarioInstance(routesScenario());
    const f = formulate(inst, { companies: companiesOf(inst), crossCompany: true }, { objective: { kind: "alliance" } });
    const labels = Array.from({ length: f.lanes.length }, (_, i) => f.builder.colLabel(f.flowFirst + i)).sort();
    // ohio: US → us and US → ca lanes; kyushu: JP → us only; alliston: domestic to ca (no lane, no logistics), none to us.
    expect(labels).toEqual(["flow(FY2025,car,alliston,ca)", "flow(FY2025,car,kyushu,us)", "flow(FY2025,car,ohio,ca)", "flow(FY2025,car,ohio,us)"]);
    const domestic = inst.lanes.plant.findIndex((k, l) => k === "alliston" && inst.lanes.market[l] === "ca");
    expect(inst.lanes.sellerMargin[domestic]).toBe(30_000); // price, no logistics, no duty
  });
});

describe("contract-manufacturing transfers at the deal's price (scenarios/examples/contract-pickup.yaml)", () => {
  // Host builds the client's pickup at Canton: price 30,000, logistics 500, variable cost 20,000,
  // demand 10,000, Canton's fixed cost 50M; open price, Nash 25,250 (midpoint of 21,000–29,500).
  const s = repoScenario("scenarios/examples/contract-pickup.yaml");

  it("prices the deal's lane at the resolved price, not the customs value (0.9 × 30,000 = 27,000)", () => {
    const { inst } = scenarioInstance(s);
    expect(inst.lanes.length).toBe(1);
    expect(inst.lanes.transfer[0]).toBeCloseTo(25_250, 6);
  });

  it("splits the alliance's profit by the deal's price, within individual rationality", async () => {
    const { inst } = scenarioInstance(s);
    const c = await cooperation(inst, "alliance-fair", {});
    // Alliance: 10,000 × (30,000 − 500 − 20,000) − 50M = 95M − 50M = 45M.
    expect(c.alliance.objective).toBeCloseTo(45e6, 0);
    // Client: 10,000 × (30,000 − 500 − 25,250) = 42.5M; host: 10,000 × (25,250 − 20,000) − 50M = 2.5M.
    expect(c.alliance.profit.get("client")).toBeCloseTo(42.5e6, 0);
    expect(c.alliance.profit.get("host")).toBeCloseTo(2.5e6, 0);
    // Stand-alone: the client has no plant (0), the host no program (−50M); cooperation is worth 95M.
    expect(c.standAlone.get("client")?.objective).toBeCloseTo(0, 6);
    expect(c.standAlone.get("host")?.objective).toBeCloseTo(-50e6, 0);
    expect(c.value).toBeCloseTo(95e6, 0);
  });

  it("values the deal's own sourcing as evaluate does, but for the retooling one-off it leaves out", async () => {
    const si = scenarioInstance(s);
    const valued = await valueAllocation(si.inst, { companies: companiesOf(si.inst), crossCompany: true }, si.baseline);
    const evaluated = new Map<string, number>();
    for (const r of rows(evaluate(s).companies)) evaluated.set(String(r.company), (evaluated.get(String(r.company)) ?? 0) + (r.operatingProfitBase as number));
    // evaluate: client 42.5M; host 2.5M − 10M retooling = −7.5M. The optimiser books no retooling for a deal.
    expect(valued.profit.get("client")).toBeCloseTo(evaluated.get("client") as number, 0);
    expect(valued.profit.get("client")).toBeCloseTo(42.5e6, 0);
    expect((valued.profit.get("host") as number) - (evaluated.get("host") as number)).toBeCloseTo(10e6, 0);
  });
});
