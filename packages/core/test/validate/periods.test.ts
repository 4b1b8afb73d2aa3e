import { describe, expect, it } from "vitest";
import { type ScenarioInput, validateScenario } from "../../src/index.js";
import { program, scenario } from "../fixtures.js";

const horizon = { fiscalYears: { from: 2024, to: 2030, startMonth: 4 } };
const withDemand = (demand: Record<string, number>): ScenarioInput =>
  scenario({
    horizon,
    programs: [program("car", "maker", { ohio: 1 }, { markets: { us: { price: 30_000, demand } } })],
    lanes: [{ from: "US", to: "us", costPerUnit: 0 }],
  });
const firstError = (s: ScenarioInput) => validateScenario(s).issues.find((i) => i.severity === "error");

describe("an unknown period is named against the horizon", () => {
  it("FY2035 beyond a FY2024–FY2030 horizon: outside it, not 'did you mean FY2025?'", () => {
    expect(firstError(withDemand({ FY2025: 1_000, FY2035: 1_000 }))).toMatchObject({
      path: "programs[0].markets.us.demand.FY2035",
      message: "FY2035 is outside the horizon FY2024–FY2030",
      suggestion: "use one of the horizon's periods (FY2024–FY2030), or extend the horizon to FY2035",
    });
  });

  it("FY2020 before it: start the horizon there", () => {
    expect(firstError(withDemand({ FY2020: 1_000 }))?.suggestion).toBe("use one of the horizon's periods (FY2024–FY2030), or start the horizon at FY2020");
  });

  it("a misspelt id still gets the closest period", () => {
    expect(firstError(withDemand({ FY225: 1_000 }))).toMatchObject({ message: "unknown period `FY225`", suggestion: "did you mean `FY2025`?" });
  });

  it("an FX rate for a period outside the horizon, too", () => {
    const s = {
      ...withDemand({ FY2025: 1 }),
      fx: { base: "USD", rates: { JPY: { FY2024: 150, FY2025: 150, FY2026: 150, FY2027: 150, FY2028: 150, FY2029: 150, FY2030: 150, FY2031: 150 } } },
    };
    expect(firstError(s)).toMatchObject({ path: "fx.rates.JPY.FY2031", message: "FY2031 is outside the horizon FY2024–FY2030" });
  });
});
