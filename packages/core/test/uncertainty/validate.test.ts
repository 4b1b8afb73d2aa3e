import fc from "fast-check";
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

  it("refuses a distribution that can draw outside the number's valid range, naming the number", () => {
    // JPY per USD ~ N(152.4, 200): the lowest reachable draw is 152.4 − 8.2924 × 200 = −1506, below the schema's minimum 1e-9.
    const fx = { fx: { rates: { JPY: { FY2025: 152.4 } } } };
    const yen = contractWith({ parameters: [param("fx.rates.JPY.FY2025", { type: "normal", mean: 152.4, sd: 200 })] }, fx);
    expect(yen.scenario).toBeUndefined();
    const [e] = yen.issues.filter((i) => i.severity === "error");
    expect(e?.path).toBe("uncertainty.parameters[0].distribution");
    expect(e?.message).toBe("fx.rates.JPY.FY2025 must be at least 1e-9 but draws reach -1506");
    expect(e?.suggestion).toContain("use a lognormal (always positive) or a triangular or uniform range");
    // The same yen as a lognormal, or scaled by one, stays positive.
    const lognormal = contractWith({ parameters: [param("fx.rates.JPY.FY2025", { type: "lognormal", median: 152.4, sigma: 0.5 })] }, fx);
    expect(lognormal.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(
      contractWith({ parameters: [{ ...param("fx.rates.JPY.*", { type: "lognormal", median: 1, sigma: 0.1 }), mode: "scale" }] }, fx).scenario,
    ).toBeDefined();
  });

  it("refuses a normal exactly when it reaches past the bound: mean 8.29 sd above 0 is the edge", () => {
    // Reachable low end: mean − 8.2924 sd. Fixed cost 50M: sd 6.0M gives 50M − 8.29236 × 6.0M = 0.246M ≥ 0 (accepted), sd 6.1M gives −0.5834M (refused).
    expect(errors({ parameters: [param("plants[canton].fixedCost", { type: "normal", mean: 5e7, sd: 6e6 })] })).toEqual([]);
    const [e] = errors({ parameters: [param("plants[canton].fixedCost", { type: "normal", mean: 5e7, sd: 6.1e6 })] });
    expect(e?.message).toBe("plants[0].fixedCost must be at least 0 but draws reach -583400");
    expect(e?.suggestion).toContain("a normal reaches about 8.2 sd either side of its mean");
  });

  it("accepts a normal on a non-negative number exactly when mean − 8.2924 sd ≥ 0", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e8, noNaN: true }), fc.double({ min: 0, max: 1e8, noNaN: true }), (mean, sd) => {
        const edge = mean - 8.292361 * sd;
        fc.pre(Math.abs(edge) > 1e-5 * Math.max(mean, 1));
        const refused = errors({ parameters: [param("plants[canton].fixedCost", { type: "normal", mean, sd })] }).length > 0;
        expect(refused).toBe(edge < 0);
      }),
      { numRuns: 60 },
    );
  });

  it("checks scaled values and fractions, once per path", () => {
    // Capacity 100,000 scaled by U(−0.1, 1.2) reaches −10,000.
    const [c] = errors({ parameters: [{ ...param("plants[canton].capacity", { type: "uniform", min: -0.1, max: 1.2 }), mode: "scale" }] });
    expect(c?.message).toMatch(/^plants\[0\]\.capacity must be at least 0 but draws reach -1\d{4}/);
    // A bargaining weight is a fraction: regimes 0.4 / 1.2 leave [0, 1].
    const regimes = {
      type: "discrete",
      values: [
        { value: 0.4, probability: 0.5 },
        { value: 1.2, probability: 0.5 },
      ],
    };
    const [w] = errors({ parameters: [param("deals[cm].bargainingWeight", regimes)] });
    expect(w?.message).toBe("deals[0].bargainingWeight must be at most 1 but draws reach 1.2");
    expect(w?.suggestion).toContain("within [0, 1]");
    // Two numbers out of range under one path: one error that counts the rest.
    const both = errors({ parameters: [param("programs[pickup].markets.us.*", { type: "uniform", min: -1, max: 1 })] });
    expect(both).toHaveLength(1);
    expect(both[0]?.message).toContain("(and 1 more of its numbers)");
    // Within range: a triangular scale of demand, a uniform weight.
    expect(
      errors({ parameters: [{ ...param("programs[pickup].markets.us.demand", { type: "triangular", min: 0.5, mode: 1, max: 1.2 }), mode: "scale" }] }),
    ).toEqual([]);
    expect(errors({ parameters: [param("deals[cm].bargainingWeight", { type: "uniform", min: 0, max: 1 })] })).toEqual([]);
  });

  it("refuses paths into what may not vary", () => {
    expect(errors({ parameters: [param("horizon.fiscalYears.from")] })[0]?.message).toContain("cannot vary");
  });
});
