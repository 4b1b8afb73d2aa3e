import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { evaluate, Scenario, validateScenario } from "../../src/index.js";

// biome-ignore lint/suspicious/noExplicitAny: tests edit arbitrary paths of a raw document
const pickup = (): any => parse(readFileSync(fileURLToPath(new URL("../../../../scenarios/examples/contract-pickup.yaml", import.meta.url)), "utf8"));
const issues = (doc: unknown, severity: "error" | "warning") => validateScenario(doc).issues.filter((i) => i.severity === severity);

describe("contract-manufacturing validation", () => {
  it("accepts the hand-worked example as it is", () => {
    expect(validateScenario(pickup()).issues).toEqual([]);
  });

  it("refuses retooling shares that do not add up to the whole cost", () => {
    const doc = pickup();
    doc.deals[0].retooling.paidBy = { host: 0.3, client: 0.3 };
    expect(issues(doc, "error")[0]).toMatchObject({ path: "deals[0].retooling.paidBy", message: "host and client shares sum to 0.6, not 1" });
  });

  it("warns when the deal volume exceeds the program's demand, or a deal-only program sells more than the deal builds", () => {
    const over = pickup();
    over.deals[0].volume = { FY2025: 15_000 };
    expect(issues(over, "warning")[0]).toMatchObject({ path: "deals[0].volume.FY2025", message: expect.stringContaining("only 10000 are built") });
    const under = pickup();
    under.deals[0].volume = { FY2025: 6_000 };
    expect(issues(under, "warning")[0]?.message).toContain("the rest is not sold");
  });

  it("names an unknown plant and program with the closest ids", () => {
    const doc = pickup();
    doc.deals[0].plant = "cantn";
    doc.deals[0].program = "pikcup";
    const paths = issues(doc, "error").map((i) => [i.path, i.suggestion]);
    expect(paths).toContainEqual(["deals[0].plant", "did you mean `canton`?"]);
    expect(paths).toContainEqual(["deals[0].program", "did you mean `pickup`?"]);
  });
});

describe("rates and profiles that would silently zero amounts", () => {
  it("refuses an FX rate of 0", () => {
    const doc = pickup();
    doc.companies[0].reportingCurrency = "JPY";
    doc.fx = { rates: { JPY: { FY2025: 0 } } };
    expect(issues(doc, "error")[0]?.path).toBe("fx.rates.JPY.FY2025");
  });

  it("refuses demand in a period where the sales profile has no sales", () => {
    const doc = pickup();
    doc.horizon = {
      periods: [
        { id: "H1", start: "2025-04-01", end: "2025-09-30" },
        { id: "H2", start: "2025-10-01", end: "2026-03-31" },
      ],
    };
    doc.deals[0].volume = { H1: 5_000, H2: 5_000 };
    doc.programs[0].markets.us = { price: 30_000, demand: { H1: 5_000, H2: 5_000 }, monthlyProfile: [0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0] };
    expect(issues(doc, "error")[0]).toMatchObject({ path: "programs[0].markets.us.monthlyProfile", message: expect.stringContaining("no sales in H2") });
  });

  it("warns when a plant builds in a period it has no capacity", () => {
    const doc = pickup();
    doc.plants[0].capacity = 0;
    expect(evaluate(Scenario.parse(doc)).warnings[0]).toContain("has no capacity then");
  });
});

describe("contract-manufacturing validation, continued", () => {
  it("refuses a counterfactual plant that cannot build the program", () => {
    const doc = pickup();
    doc.plants.push({ id: "sedans", name: "Sedans", owner: "client", country: "US", capacity: 1000, fixedCost: 0, platforms: ["sedan"] });
    doc.deals[0].counterfactual = { plant: "sedans" };
    expect(issues(doc, "error")[0]).toMatchObject({ path: "deals[0].counterfactual.plant", message: expect.stringContaining("cannot build platform bof") });
  });

  it("does not blame the hosted program's empty sourcing for a mistake in its deal", () => {
    const doc = pickup();
    doc.deals[0].retooling.paidby = "host";
    const paths = issues(doc, "error").map((i) => i.path);
    expect(paths).toEqual(["deals[0].retooling.paidby"]);
  });
});
