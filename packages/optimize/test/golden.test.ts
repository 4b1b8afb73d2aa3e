import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { elasticize } from "../src/formulation/elastic.js";
import { exportModel, formulate, type OptimizeOptions, scenarioInstance } from "../src/index.js";
import { repoScenario, tinyInstance } from "./helpers.js";

/**
 * Golden LP files, one per constraint family, on a tiny two-company instance
 * (reviewed by hand: docs/optimizer.md, "Review of the golden LP files").
 * Regenerate after a reviewed change with
 * `UPDATE_GOLDEN=1 npx vitest run packages/optimize/test/golden.test.ts`.
 */
const inst = tinyInstance(
  [
    { program: "car", plant: "A", seller: "a", demand: 100, margin: 9000, builderCost: 6000, offset: 300, parts: 200, period: 0 },
    { program: "car", plant: "B", seller: "a", builder: "b", demand: 100, margin: 8500, builderCost: 5500, transfer: 7000, native: false, period: 0 },
    { program: "car", plant: "A", seller: "a", demand: 120, margin: 9000, builderCost: 6000, offset: 300, parts: 200, period: 1 },
    { program: "car", plant: "B", seller: "a", builder: "b", demand: 120, margin: 8500, builderCost: 5500, transfer: 7000, native: false, period: 1 },
  ],
  [
    { id: "A", owner: "a", capacity: 90, fixedCost: 100_000 },
    { id: "B", owner: "b", capacity: 50, fixedCost: 40_000, platforms: [] },
  ],
  ["P1", "P2"],
);
const both = { companies: ["a", "b"], crossCompany: true };
const footprint = { retoolCost: 25_000, minUtilisation: 0.3, closureCost: () => 60_000 };

const cases: [string, typeof both, OptimizeOptions][] = [
  ["allocation-alliance", both, { objective: { kind: "alliance" } }],
  ["allocation-company", { companies: ["a"], crossCompany: false }, { objective: { kind: "company", company: "a" } }],
  ["allocation-demand-meet", both, { objective: { kind: "alliance" }, demand: "meet" }],
  [
    "alliance-fair",
    both,
    {
      objective: {
        kind: "alliance-fair",
        floors: new Map([
          ["a", 300_000],
          ["b", -80_000],
        ]),
      },
    },
  ],
  ["footprint", both, { objective: { kind: "alliance" }, footprint }],
];

function golden(name: string, text: string): void {
  const path = new URL(`./golden/${name}.lp`, import.meta.url);
  if (process.env.UPDATE_GOLDEN || !existsSync(path)) writeFileSync(path, text);
  expect(text).toBe(readFileSync(path, "utf8"));
}

describe("golden LP files per constraint family", () => {
  for (const [name, scope, options] of cases) {
    it(name, async () => {
      golden(name, await exportModel(formulate(inst, scope, options).builder, "lp"));
    });
  }

  it("elastic", async () => {
    const f = formulate(inst, both, { objective: { kind: "alliance" }, demand: "meet" });
    elasticize(f);
    golden("elastic", await exportModel(f.builder, "lp", "min"));
  });

  it("scenario-two-plants: the allocation LP of scenarios/examples/two-plants.yaml, coefficients from core's lane economics", async () => {
    const { inst } = scenarioInstance(repoScenario("scenarios/examples/two-plants.yaml"));
    golden(
      "scenario-two-plants",
      await exportModel(formulate(inst, { companies: ["maker"], crossCompany: false }, { objective: { kind: "alliance" } }).builder, "lp"),
    );
  });

  it("MPS export of the same model: a minimisation of the negated profit, with no OBJSENSE section", async () => {
    const text = await exportModel(formulate(inst, both, { objective: { kind: "alliance" } }).builder, "mps");
    expect(text).toMatch(/^\* tieup: this model minimises -\(profit\)/);
    expect(text).toMatch(/\nNAME/);
    expect(text).not.toContain("OBJSENSE");
    expect(text).toContain("capacity(A,P1)");
    expect(text).toContain("flow(P2,car,B,us)");
  });
});
