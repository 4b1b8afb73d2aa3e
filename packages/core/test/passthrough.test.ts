import { describe, expect, it } from "vitest";
import { measure, num, plant, program, run, scenario } from "./fixtures.js";

// A Japanese-built car sold in the US: price 30 000, customs value 0.9 × 30 000 = 27 000,
// MFN 2.5% + s232 25% all year → vehicle duty 0.275 × 27 000 = 7 425 per unit; demand 1 000.
const jpImport = (passThrough?: { share: number; elasticity: number }, extra: Parameters<typeof program>[3] = {}) =>
  run(
    scenario({
      plants: [plant("kyushu", "maker", "JP")],
      programs: [program("car", "maker", { kyushu: 1 }, { ...(passThrough ? { passThrough } : {}), ...extra })],
      tariffs: [measure("mfn-car", 0.025, { kind: "mfn" }), measure("s232", 0.25)],
    }),
  );

describe("pass-through of duties to the price", () => {
  it("price' = price + share × duty per unit; units = demand × (p'/p)^ε", () => {
    const r = jpImport({ share: 0.5, elasticity: -1.5 });
    // p' = 30 000 + 0.5 × 7 425 = 33 712.5; units = 1 000 × (33 712.5 / 30 000)^−1.5 = 839.4512
    const p1 = 30_000 + 0.5 * 7_425;
    const u1 = 1_000 * (p1 / 30_000) ** -1.5;
    expect(num(r.flows, {}, "price")).toBeCloseTo(33_712.5, 6);
    expect(num(r.flows, {}, "units")).toBeCloseTo(u1, 9);
    expect(u1).toBeCloseTo(839.4512, 3);
    // revenue = units × p'; duty = units × 7 425 (customs value stays the declared transfer value)
    expect(num(r.flows, {}, "revenue")).toBeCloseTo(u1 * p1, 3);
    expect(num(r.flows, {}, "vehicleDuty")).toBeCloseTo(u1 * 7_425, 3);
  });

  it("with zero elasticity, units are unchanged and the seller recovers share × duty", () => {
    const r = jpImport({ share: 1, elasticity: 0 });
    // p' = 30 000 + 7 425 = 37 425; units 1 000; contribution = 1 000 × (37 425 − 20 000 − 7 425) = 10 000 000
    expect(num(r.flows, {}, "units")).toBeCloseTo(1_000, 9);
    expect(num(r.flows, {}, "price")).toBeCloseTo(37_425, 6);
    expect(num(r.flows, {}, "contribution")).toBeCloseTo(10_000_000, 3);
  });

  it("is off without a passThrough block or with share 0", () => {
    for (const r of [jpImport(), jpImport({ share: 0, elasticity: -2 })]) {
      expect(num(r.flows, {}, "price")).toBe(30_000);
      expect(num(r.flows, {}, "units")).toBe(1_000);
    }
  });

  it("averages the duty over the program's plants, one price per program and market", () => {
    // half from kyushu (duty 7 425), half from ohio (US-built, duty 0): average 3 712.5
    // p' = 30 000 + 1 × 3 712.5 = 33 712.5; units = 1 000 × (33 712.5 / 30 000)^−1 = 889.8776, split 50/50
    const r = run(
      scenario({
        plants: [plant("kyushu", "maker", "JP"), plant("ohio", "maker", "US")],
        programs: [program("car", "maker", { kyushu: 0.5, ohio: 0.5 }, { passThrough: { share: 1, elasticity: -1 } })],
        tariffs: [measure("mfn-car", 0.025, { kind: "mfn" }), measure("s232", 0.25)],
      }),
    );
    const units = (1_000 * 30_000) / 33_712.5;
    expect(num(r.flows, { plant: "ohio" }, "price")).toBeCloseTo(33_712.5, 6);
    expect(num(r.flows, { plant: "kyushu" }, "price")).toBeCloseTo(33_712.5, 6);
    expect(num(r.flows, { plant: "ohio" }, "units")).toBeCloseTo(units / 2, 9);
    expect(num(r.flows, { plant: "kyushu" }, "units")).toBeCloseTo(units / 2, 9);
  });
});
