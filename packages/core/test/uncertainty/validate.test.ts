import { describe, expect, it } from "vitest";
import { contractWith } from "./helpers.js";

const errors = (u: unknown) => contractWith(u).issues.filter((i) => i.severity === "error");
const param = (path: unknown, distribution: unknown = { type: "uniform", min: 0, max: 1 }, id = "p") => ({ id, path, distribution });

describe("validation of the uncertainty block", () => {
  it("accepts paths that reach numbers", () => {
    expect(errors({ parameters: [param("deals[cm].retooling.amount"), param("plants[*].fixedCost", undefined, "q")] })).toEqual([]);
  });

  it("names the path and suggests the id when a path misses", () => {
    const [e] = errors({ parameters: [param("plants[cantn].fixedCost")] });
    expect(e?.path).toBe("uncertainty.parameters[0].path");
    expect(e?.message).toContain("no entry with id `cantn`");
    expect(e?.suggestion).toBe("did you mean `canton`?");
    const [f] = errors({ parameters: [param(["deals[cm].retooling.amount", "programs[pickup].markets.us"])] });
    expect(f?.path).toBe("uncertainty.parameters[0].path[1]");
    expect(f?.suggestion).toContain("price");
  });

  it("reports distributions that do not add up, with their path", () => {
    const [e] = errors({ parameters: [param("deals[cm].bargainingWeight", { type: "discrete", values: [{ value: 0.4, probability: 0.5 }] })] });
    expect(e?.path).toBe("uncertainty.parameters[0].distribution.values");
    expect(e?.message).toContain("sum to 0.5");
    const [g] = errors({ parameters: [param("deals[cm].bargainingWeight", { type: "normal", mean: 0.5, sd: -0.1 })] });
    expect(g?.path).toBe("uncertainty.parameters[0].distribution.sd");
  });

  it("refuses a number set twice and unknown or inconsistent correlations", () => {
    expect(errors({ parameters: [param("plants[canton].fixedCost"), param("plants[*].fixedCost", undefined, "q")] })[0]?.message).toContain(
      "already set by parameter `p`",
    );
    const [c] = errors({ parameters: [param("plants[canton].fixedCost")], correlations: [{ between: ["p", "pp"], rank: 0.5 }] });
    expect(c?.path).toBe("uncertainty.correlations[0].between[1]");
    expect(c?.suggestion).toBe("did you mean `p`?");
    const three = ["a", "b", "c"].map((id, i) =>
      param(["plants[canton].fixedCost", "plants[canton].capacity", "deals[cm].bargainingWeight"][i], undefined, id),
    );
    const bad = errors({
      parameters: three,
      correlations: [
        { between: ["a", "b"], rank: 0.9 },
        { between: ["b", "c"], rank: 0.9 },
        { between: ["a", "c"], rank: -0.9 },
      ],
    });
    expect(bad[0]?.path).toBe("uncertainty.correlations");
  });

  it("warns when draws can turn a non-negative number negative", () => {
    const v = contractWith({ parameters: [param("plants[canton].fixedCost", { type: "normal", mean: 5e7, sd: 3e7 })] });
    expect(v.scenario).toBeDefined();
    expect(v.issues[0]).toMatchObject({ severity: "warning", path: "uncertainty.parameters[0].distribution" });
  });

  it("refuses paths into what may not vary", () => {
    expect(errors({ parameters: [param("horizon.fiscalYears.from")] })[0]?.message).toContain("cannot vary");
  });
});
