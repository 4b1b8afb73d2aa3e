/**
 * Helpers for the capital-tie and plant-action tests: evaluate a scenario
 * input through validation (so every test scenario is also a valid one), with
 * chosen deals replaced by their counterfactual, and compare two results.
 */
import { expect } from "vitest";
import { buildModel, type Cell, evaluateModel, type Issue, type Results, rows, type ScenarioInput, type Table, validateScenario } from "../../src/index.js";

export type DealIn = NonNullable<ScenarioInput["deals"]>[number];

/** Validates the input (throwing on errors, with the issues) and evaluates it, the named deals as their counterfactual. */
export function evaluateWith(input: ScenarioInput, counterfactual: string[] = []): Results {
  const v = validateScenario(input);
  if (!v.scenario) throw new Error(`invalid test scenario: ${JSON.stringify(v.issues, null, 1)}`);
  return evaluateModel(buildModel(v.scenario, { counterfactual: new Set(counterfactual) }));
}

/** The input without the named deal. */
export function withoutDeal(input: ScenarioInput, id: string): ScenarioInput {
  return { ...input, deals: (input.deals ?? []).filter((d) => d.id !== id) };
}

/** Errors of validating the input. */
export function errorsOf(input: unknown): Issue[] {
  return validateScenario(input).issues.filter((i) => i.severity === "error");
}

/** Two results have the same companies, plants and flows tables, row by row (numbers to 1e-6 relative). */
export function expectSameResults(a: Results, b: Results): void {
  for (const name of ["companies", "plants", "flows"] as const) expectSameTable(a[name], b[name]);
}

function expectSameTable(a: Table, b: Table): void {
  const ra = rows(a);
  const rb = rows(b);
  expect(ra.length, `${a.name}: number of rows`).toBe(rb.length);
  ra.forEach((row, i) => {
    const other = rb[i] as Record<string, Cell>;
    for (const [k, v] of Object.entries(row)) {
      const w = other[k];
      if (typeof v === "number" && typeof w === "number")
        expect(v, `${a.name}[${i}].${k}`).toBeCloseTo(w, Math.max(0, 6 - Math.ceil(Math.log10(Math.abs(w) + 1))));
      else expect(v, `${a.name}[${i}].${k}`).toEqual(w);
    }
  });
}
