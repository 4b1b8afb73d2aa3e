import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { analyseDeal, evaluate, rows, Scenario, type ScenarioInput } from "../../src/index.js";

// The hand-worked pickup deal with the host's plant in Mexico: the client imports the hosted
// pickups into the US and pays a 25% duty on their declared value, the transfer price p.
//   H(p) = 10,000 (p − 20,000) − 10M      C(p) = 10,000 (29,500 − 1.25 p)
// zone: p_low = 21,000, p_high = 29,500 / 1.25 = 23,600; Nash (w = 0.5) = 22,300.
function mexicoHost(over: Record<string, unknown> = {}, horizon?: unknown): ScenarioInput {
  const doc = parse(readFileSync(fileURLToPath(new URL("../../../../scenarios/examples/contract-pickup.yaml", import.meta.url)), "utf8"));
  doc.plants = [{ ...doc.plants[0], id: "mx", country: "MX" }];
  doc.lanes = [{ from: "MX", to: "us", costPerUnit: 500 }];
  doc.programs[0].content = { MX: 1 };
  doc.tariffs = [{ id: "t", name: "t", importer: "US", origins: ["MX"], categories: ["light-truck"], kind: "additional", rate: 0.25, from: "2020-01-01" }];
  doc.deals[0] = { ...doc.deals[0], plant: "mx", ...over };
  if (horizon) doc.horizon = horizon;
  return doc;
}

describe("a hosted vehicle that crosses a border", () => {
  it("keeps the gains linear in the price (duty on the transfer price, even at 0) and solves the zone exactly", () => {
    const a = analyseDeal(Scenario.parse(mexicoHost()), "cm");
    expect(a.price?.linear).toBe(true);
    expect(a.price?.agreement.pLow).toBeCloseTo(21_000, 4);
    expect(a.price?.agreement.pHigh).toBeCloseTo(23_600, 4);
    expect(a.price?.used).toBeCloseTo(22_300, 4);
  });

  it("charges no duty at a transfer price of 0", () => {
    const r = evaluate(Scenario.parse(mexicoHost({ transferPrice: { perUnit: 0 } })));
    expect(rows(r.companies).find((c) => c.company === "client")?.vehicleDuty).toBe(0);
  });

  it("states the host's break-even volume per year whatever the periods: 10M / (22,300 − 20,000) ≈ 4,348 a year", () => {
    const quarters = {
      periods: ["Q1", "Q2", "Q3", "Q4"].map((id, i) => ({
        id,
        start: ["2025-04-01", "2025-07-01", "2025-10-01", "2026-01-01"][i],
        end: ["2025-06-30", "2025-09-30", "2025-12-31", "2026-03-31"][i],
      })),
    };
    const doc = mexicoHost({ volume: { Q1: 2_500, Q2: 2_500, Q3: 2_500, Q4: 2_500 }, retooling: { amount: 10e6, period: "Q1", paidBy: "host" } }, quarters);
    (doc.programs as { markets: unknown }[])[0] = {
      ...(doc.programs as object[])[0],
      markets: { us: { price: 30_000, demand: { Q1: 2_500, Q2: 2_500, Q3: 2_500, Q4: 2_500 } } },
    } as never;
    const a = analyseDeal(Scenario.parse(doc), "cm");
    expect(a.price?.breakEvenVolume).toBeCloseTo(10e6 / (22_300 - 20_000), 0);
  });
});

describe("content of no stated origin", () => {
  it("adds the unnamed rest to an 'other' share that is given", () => {
    const doc = mexicoHost();
    doc.deals = [];
    doc.plants = [{ id: "us", name: "US", owner: "client", country: "US", capacity: 100_000, fixedCost: 0, platforms: ["bof"] }];
    doc.lanes = [{ from: "US", to: "us", costPerUnit: 0 }];
    doc.tariffs = [{ id: "p", name: "parts", importer: "US", origins: ["*"], categories: ["parts"], kind: "additional", rate: 0.25, from: "2020-01-01" }];
    const parts = (content: Record<string, number>) => {
      (doc.programs as object[])[0] = { ...(doc.programs as object[])[0], sourcing: { us: 1 }, content, partsValue: 16_000 };
      return Number(rows(evaluate(Scenario.parse(doc)).flows)[0]?.partsDuty);
    };
    // 10,000 × 0.25 × 16,000 × 0.5 = 20M whether the foreign half is named "other" in full, in part, or not at all
    expect(parts({ US: 0.5 })).toBeCloseTo(20e6, 0);
    expect(parts({ US: 0.5, other: 0.5 })).toBeCloseTo(20e6, 0);
    expect(parts({ US: 0.5, other: 0.2 })).toBeCloseTo(20e6, 0);
  });
});
