/**
 * Helpers for the joint-development and component-supply tests: a two-maker
 * US scenario over FY2025–FY2027, evaluation through validation (so every
 * test scenario is also a valid one) with chosen deals as their
 * counterfactual, and a row-by-row comparison of results.
 */
import { expect } from "vitest";
import { buildModel, type Cell, evaluateModel, type Issue, type Results, rows, type ScenarioInput, type Table, validateScenario } from "../../src/index.js";
import { company, market, plant, program } from "../fixtures.js";

export type DealIn = NonNullable<ScenarioInput["deals"]>[number];
export type JointIn = Extract<DealIn, { type: "joint-development" }>;
export type SupplyIn = Extract<DealIn, { type: "component-supply" }>;

export const THREE_YEARS = { fiscalYears: { from: 2025, to: 2027, startMonth: 4 } } as const;

/**
 * Nissan builds `frontier` at Canton (US) and has engine plants in
 * Yokohama (JP) and Aguascalientes (MX); Honda builds `accord` at Marysville (US). Both sell 100 000
 * a year in the US at 30 000, variable cost 20 000, all-US content (so no
 * parts duties of their own).
 */
export function twoMakers(parts: Partial<ScenarioInput> = {}): ScenarioInput {
  const us = () => ({ markets: { us: { price: 30_000, demand: 100_000 } }, content: { US: 1 } });
  return {
    id: "two-makers",
    horizon: THREE_YEARS,
    companies: [company("nissan"), company("honda")],
    markets: [market("us", "US")],
    plants: [
      plant("canton", "nissan", "US", { capacity: 500_000 }),
      plant("yokohama", "nissan", "JP"),
      plant("aguascalientes", "nissan", "MX"),
      plant("marysville", "honda", "US", { capacity: 500_000 }),
    ],
    programs: [program("frontier", "nissan", { canton: 1 }, us()), program("accord", "honda", { marysville: 1 }, us())],
    lanes: [{ from: "US", to: "us", costPerUnit: 0 }],
    tariffs: [],
    ...parts,
  };
}

/** Validates the input (throwing on errors, with the issues) and evaluates it, the named deals as their counterfactual. */
export function evaluateWith(input: ScenarioInput, counterfactual: string[] = []): Results {
  const v = validateScenario(input);
  if (!v.scenario) throw new Error(`invalid test scenario: ${JSON.stringify(v.issues, null, 1)}`);
  return evaluateModel(buildModel(v.scenario, { counterfactual: new Set(counterfactual) }));
}

export function withoutDeals(input: ScenarioInput): ScenarioInput {
  return { ...input, deals: [] };
}

/** Issues of validating the input, by severity. */
export function issuesOf(input: unknown, severity: Issue["severity"] = "error"): Issue[] {
  return validateScenario(input).issues.filter((i) => i.severity === severity);
}

/** Two results have the same tables, row by row: numbers within `digits` decimals relative to their size, the rest equal. */
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
