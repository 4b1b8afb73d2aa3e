import { type Issue, type ScenarioInput, validateScenario } from "../../src/index.js";
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

export function withoutDeals(input: ScenarioInput): ScenarioInput {
  return { ...input, deals: [] };
}

/** Issues of validating the input, by severity. */
export function issuesOf(input: unknown, severity: Issue["severity"] = "error"): Issue[] {
  return validateScenario(input).issues.filter((i) => i.severity === severity);
}

export { evaluateWith, expectSameResults } from "./evaluate-with.js";
