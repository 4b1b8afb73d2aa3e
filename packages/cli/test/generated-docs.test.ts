import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { resultsReference, scenarioJsonSchema, scenarioReference } from "@tieup/core";
import { OPTIMIZE_REFERENCE } from "@tieup/optimize";
import { describe, expect, it } from "vitest";

const repo = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));

describe("generated documents stay in step with the schema", () => {
  it("docs/scenario-reference.md is what `npm run docs:reference` generates", () => {
    expect(readFileSync(repo("docs/scenario-reference.md"), "utf8")).toBe(scenarioReference());
  });

  it("docs/results-reference.md is what `npm run docs:reference` generates from the table declarations", () => {
    expect(readFileSync(repo("docs/results-reference.md"), "utf8")).toBe(resultsReference([OPTIMIZE_REFERENCE]));
  });

  it("docs/scenario.schema.json is what `tieup schema` prints", () => {
    expect(JSON.parse(readFileSync(repo("docs/scenario.schema.json"), "utf8"))).toEqual(scenarioJsonSchema());
  });
});
