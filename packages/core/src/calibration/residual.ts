import type { Scenario } from "../scenario/schema.js";
import { measureTarget } from "./measure.js";
import type { Target, TargetFile } from "./targets.js";

/** A target next to the model's value for it. */
export interface Residual {
  target: Target;
  /** The reported figure times the share of it the model covers. */
  expected: number;
  model: number;
  /** model − expected. */
  error: number;
  /** error ÷ |expected|. */
  relative: number;
  /** Inside the stated band: ± `absolute` when given, else at most `tolerance` above the expected value and `below` (default: the tolerance) under it. */
  within: boolean;
}

export function residual(target: Target, model: number): Residual {
  const expected = target.reported * target.scope;
  const error = model - expected;
  const relative = expected === 0 ? (error === 0 ? 0 : Number.POSITIVE_INFINITY) : error / Math.abs(expected);
  const within =
    target.absolute !== undefined ? Math.abs(error) <= target.absolute : relative <= target.tolerance && relative >= -(target.below ?? target.tolerance);
  return { target, expected, model, error, relative, within };
}

/** Every target of a file measured on the scenario as of its date (`scenarioAsOf` composes the overrides the target names), in the file's order. */
export function residualsOf(file: TargetFile, scenarioAsOf: (overrides: readonly string[]) => Scenario): Residual[] {
  return file.targets.map((t) => residual(t, measureTarget(scenarioAsOf(t.asOf.with), t, file.tariffsSince)));
}
