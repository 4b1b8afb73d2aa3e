import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { validateScenario } from "../../src/index.js";

/**
 * Validation's speed work (shortcuts in the schema's parse, lookups by id in
 * the model checks) must not change any issue. A generated scenario of 100k
 * flow-periods, with mistakes of every kind the shortcuts touch planted in it,
 * gives the issues in the golden file, which was written by the code before
 * that work (commit 7fd8643); `npx vitest run -u` rewrites it, to be reviewed.
 */
// biome-ignore lint/suspicious/noExplicitAny: the test plants mistakes at arbitrary paths of a raw, untyped document
type Doc = Record<string, any>;
const generatorPath = join(import.meta.dirname, "../../../../bench/generate.mjs");
const { generateScenario } = (await import(pathToFileURL(generatorPath).href)) as { generateScenario: (o: object) => Doc };

const scenario = (): Doc => generateScenario({ plants: 64, programs: 500, markets: 10, periods: 10, seed: 3 });

/** Mistakes in the numbers the schema parses (bare, shorthand, cited, by period) and in what the model checks read. */
function plantMistakes(doc: Doc): Doc {
  const p = doc.programs;
  const us = (k: number) => p[k].markets[Object.keys(p[k].markets)[0] as string];
  us(0).demand = "1,200";
  us(1).demand = { value: 5, unit: "thousand units" };
  us(2).demand = { value: 5, FY2025: 3 }; // a period named `value`: read as a cited value, with an unknown key
  us(3).demand = { FY2024: -4, FY2025: "abc", FY2026: 6_000_000, FY2027: Number.NaN };
  us(4).demand = [1, 2];
  us(5).demand = { FY2024: { value: 2, unit: "thousand" }, FY2099: 3 };
  us(6).price = -1;
  us(7).msrp = 1;
  us(8).price = "45 thousand";
  us(9).price = { value: "12 million", unit: "units" };
  us(10).demand = null;
  p[11].content = { JP: 1.2, xx: 0.1 };
  p[12].markets.atlantis = { price: 1, demand: 1 };
  const shares = Array.isArray(p[13].sourcing) ? p[13].sourcing[0].shares : p[13].sourcing;
  p[13].sourcing = { [Object.keys(shares)[0] as string]: 0.5, "no-such-plant": 0.5 };
  p[14].variableCost = 9e12;
  us(15).monthlyProfile = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  us(16).demand = JSON.parse('{"__proto__": 5, "FY2024": 3}'); // an own key named __proto__, as a parsed file has it
  doc.plants[0].capacity = 150;
  doc.plants[1].capacity = { value: 0.2, unit: "thousand units/year" };
  doc.plants[2].id = doc.plants[3].id;
  doc.lanes = doc.lanes.slice(5);
  return doc;
}

/** Only model-check mistakes, so that the whole scenario parses and every check runs on it. */
function modelMistakes(doc: Doc): Doc {
  const p = doc.programs;
  const first = (k: number) => p[k].markets[Object.keys(p[k].markets)[0] as string];
  first(7).msrp = 1;
  p[12].markets.atlantis = { price: 1, demand: 1 };
  first(13).demand = { ...first(13).demand, FY2099: 3 };
  p[14].variableCost = 9e12;
  first(15).monthlyProfile = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  doc.plants[0].capacity = 150;
  doc.plants[4].capacity = 1_000;
  doc.lanes = doc.lanes.slice(5);
  return doc;
}

describe("validation of a large generated scenario", () => {
  it("gives the same issues as before the speed work", async () => {
    const issues = {
      clean: validateScenario(scenario()).issues,
      model: validateScenario(modelMistakes(scenario())).issues,
      schema: validateScenario(plantMistakes(scenario())).issues,
    };
    expect(issues.schema.length).toBeGreaterThan(20);
    expect(issues.model.length).toBeGreaterThan(10);
    await expect(`${JSON.stringify(issues, null, 1)}\n`).toMatchFileSnapshot("./golden/large-scenario-issues.json");
  });

  it("gives the same parsed scenario as before", async () => {
    const parsed = validateScenario(scenario()).scenario;
    expect(parsed).toBeDefined();
    // A digest, not the 100k flow-periods' numbers: any changed value changes it.
    const { createHash } = await import("node:crypto");
    const digest = createHash("sha256").update(JSON.stringify(parsed)).digest("hex");
    await expect(`${digest}\n`).toMatchFileSnapshot("./golden/large-scenario-parsed.sha256");
  });
});
