import { describe, expect, it } from "vitest";
import { getAt, parsePath, resolvePath, setAt } from "../../src/uncertainty/paths.js";
import { build, measure, plant, scenario } from "../fixtures.js";

const s = build(scenario({ plants: [plant("ohio", "maker", "US"), plant("texas", "maker", "US", { fixedCost: 5e6 })], tariffs: [measure("mfn", 0.025)] }));
const resolve = (text: string) => resolvePath(s, parsePath(text) as never);

describe("parameter paths", () => {
  it("parse ids, indices, keys and wildcards", () => {
    expect(parsePath("plants[texas].fixedCost")).toEqual([{ key: "plants" }, { id: "texas" }, { key: "fixedCost" }]);
    expect(parsePath("fx.rates.JPY.*")).toEqual([{ key: "fx" }, { key: "rates" }, { key: "JPY" }, { any: true }]);
    expect(parsePath("plants[1].capacity")).toEqual([{ key: "plants" }, { index: 1 }, { key: "capacity" }]);
    expect(typeof parsePath("plants[]")).toBe("string");
  });

  it("resolve to every number they reach", () => {
    expect(resolve("plants[texas].fixedCost")).toEqual({ locations: [["plants", 1, "fixedCost"]] });
    expect(resolve("plants[*].capacity")).toEqual({
      locations: [
        ["plants", 0, "capacity"],
        ["plants", 1, "capacity"],
      ],
    });
    expect(resolve("tariffs[mfn].rate")).toEqual({ locations: [["tariffs", 0, "rate"]] });
  });

  it("explain what they miss, with a suggestion", () => {
    expect(resolve("plants[texsa].fixedCost")).toMatchObject({
      error: expect.stringContaining("no entry with id `texsa`"),
      suggestion: "did you mean `texas`?",
    });
    expect(resolve("plants[texas].fixedcost")).toMatchObject({ suggestion: "did you mean `fixedCost`?" });
    expect(resolve("plants[texas]")).toMatchObject({ error: expect.stringContaining("not a number") });
    expect(resolve("horizon.fiscalYears.from")).toMatchObject({ error: expect.stringContaining("cannot vary") });
  });

  it("set a number on a copy, leaving the original untouched", () => {
    const copy = setAt(s, ["plants", 1, "fixedCost"], 7e6);
    expect(getAt(copy, ["plants", 1, "fixedCost"])).toBe(7e6);
    expect(s.plants[1]?.fixedCost).toBe(5e6);
    expect(copy.plants[0]).toBe(s.plants[0]); // untouched branches are shared
    expect(copy.programs).toBe(s.programs);
  });
});
