import { type Issue, type ScenarioInput, validateScenario } from "../../src/index.js";

export type DealIn = NonNullable<ScenarioInput["deals"]>[number];

/** The input without the named deal. */
export function withoutDeal(input: ScenarioInput, id: string): ScenarioInput {
  return { ...input, deals: (input.deals ?? []).filter((d) => d.id !== id) };
}

/** Errors of validating the input. */
export function errorsOf(input: unknown): Issue[] {
  return validateScenario(input).issues.filter((i) => i.severity === "error");
}

export { evaluateWith, expectSameResults } from "./evaluate-with.js";
