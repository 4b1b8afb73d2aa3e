/** Shared by the deal tests: evaluate with deals as their counterfactual, and compare results table by table. */
import { expect } from "vitest";
import { buildModel, type Cell, evaluateModel, type Results, rows, type ScenarioInput, type Table, validateScenario } from "../../src/index.js";

/** Validates the input (throwing on errors, with the issues) and evaluates it, the named deals as their counterfactual. */
export function evaluateWith(input: ScenarioInput, counterfactual: string[] = []): Results {
  const v = validateScenario(input);
  if (!v.scenario) throw new Error(`invalid test scenario: ${JSON.stringify(v.issues, null, 1)}`);
  return evaluateModel(buildModel(v.scenario, { counterfactual: new Set(counterfactual) }));
}

/** Two results have the same tables, row by row: numbers to 1e-9 relative, everything else equal. */
export function expectSameResults(a: Results, b: Results, names: readonly (keyof Results)[] = ["companies", "plants", "flows", "duties"]): void {
  for (const name of names) expectSameTable(a[name] as Table, b[name] as Table);
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
        expect(Math.abs(v - w), `${a.name}[${i}].${k}: ${v} vs ${w}`).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(w)));
      else expect(v, `${a.name}[${i}].${k}`).toEqual(w);
    }
  });
}
