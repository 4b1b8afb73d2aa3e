import { describe, expect, it } from "vitest";
import { issueLine, lineOf, parsePath } from "../src/editor/locate.js";

const yaml = [
  "id: x",
  "plants:",
  "  - id: a",
  "    capacity: 10",
  "  - id: b",
  "    capacity: -5",
  'programs: [{ id: p, markets: { "us-east": { price: 1 } } }]',
].join("\n");
const error = (path: string, file?: string) => ({ severity: "error" as const, path, message: "m", ...(file ? { file } : {}) });

describe("placing issues in the YAML", () => {
  it("splits core's paths into keys and indexes", () => {
    expect(parsePath("plants[3].capacity")).toEqual(["plants", 3, "capacity"]);
    expect(parsePath('programs[0].markets["us-east"].price')).toEqual(["programs", 0, "markets", "us-east", "price"]);
    expect(parsePath("(document)")).toBeUndefined();
  });

  it("finds the line of the node at the path", () => {
    expect(issueLine(yaml, error("plants[1].capacity"))).toBe(6);
    expect(issueLine(yaml, error('programs[0].markets["us-east"].price'))).toBe(7);
  });

  it("falls back to the nearest parent that exists", () => {
    // plants[1] has no fixedCost: the issue goes to the plant's mapping, on line 5.
    expect(issueLine(yaml, error("plants[1].fixedCost"))).toBe(5);
  });

  it("reads the line of a syntax error, and leaves out issues in other files", () => {
    expect(issueLine(yaml, error("line 4, column 7"))).toBe(4);
    expect(issueLine(yaml, error("plants[1].capacity", "/data/model/demand.csv"), "/scenarios/s.yaml")).toBeUndefined();
    expect(issueLine(yaml, error("plants[1].capacity", "/scenarios/s.yaml"), "/scenarios/s.yaml")).toBe(6);
  });

  it("counts lines from 1", () => {
    expect(lineOf("a\nb\nc", 0)).toBe(1);
    expect(lineOf("a\nb\nc", 4)).toBe(3);
  });
});
