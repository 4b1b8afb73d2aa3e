import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { Plant, Program, Scenario } from "../src/index.js";
import { plant, program } from "./fixtures.js";

const capacityOf = (capacity: unknown) => Plant.parse({ ...plant("p", "maker", "US"), capacity }).capacity;
const fixedCostOf = (fixedCost: unknown) => Plant.parse({ ...plant("p", "maker", "US"), fixedCost }).fixedCost;

describe("quantities with units", () => {
  it("accept a bare number in the canonical unit", () => {
    expect(capacityOf(450_000)).toBe(450_000);
  });

  it("convert shorthand strings and scaled units to the canonical unit", () => {
    // "450 thousand" = 450 × 1 000
    expect(capacityOf("450 thousand")).toBe(450_000);
    expect(capacityOf({ value: 200, unit: "thousand units/year" })).toBe(200_000);
    // "57%" = 0.57
    expect(Plant.parse({ ...plant("p", "maker", "US"), breakEvenUtilisation: "57%" }).breakEvenUtilisation).toBeCloseTo(0.57, 12);
    expect(Plant.parse({ ...plant("p", "maker", "US"), breakEvenUtilisation: { value: 80, unit: "%" } }).breakEvenUtilisation).toBeCloseTo(0.8, 12);
  });

  it('accept "million/year" on a money-per-year attribute, as the example scenario writes it', () => {
    // { value: 400, unit: million/year } = 400 × 1e6
    expect(fixedCostOf({ value: 400, unit: "million/year" })).toBe(400e6);
    expect(fixedCostOf({ value: 60, unit: "billion/year" })).toBe(60e9);
  });

  it("accept a scale word followed by a separate per-year unit", () => {
    expect(fixedCostOf({ value: 400, unit: "million /year" })).toBe(400e6);
    expect(fixedCostOf({ value: 400, unit: "million per year" })).toBe(400e6);
  });

  it("reject a unit that does not fit the attribute", () => {
    expect(() => capacityOf({ value: 4, unit: "years" })).toThrow(/does not fit/);
    expect(() => capacityOf("57%")).toThrow(/percentage/);
  });

  it("reject a fraction written as a whole percentage number, with a hint", () => {
    const r = Plant.safeParse({ ...plant("p", "maker", "US"), breakEvenUtilisation: 80 });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('write \\"80%\\" or 0.8');
  });

  it("judge magnitudes in the entity's currency: a JPY variable cost of ¥2.4 million (≈ $16 000) is plausible", () => {
    const r = Program.safeParse({ ...program("car", "maker", { kyushu: 1 }), currency: "JPY", variableCost: 2_400_000 });
    expect(r.success).toBe(true);
  });
});

describe("example scenario", () => {
  it("scenarios/examples/two-plants.yaml parses", () => {
    const doc = parseYaml(readFileSync(new URL("../../../scenarios/examples/two-plants.yaml", import.meta.url), "utf8"));
    const r = Scenario.safeParse(doc);
    expect(r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([]);
  });
});
