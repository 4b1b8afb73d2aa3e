import {
  checkTargets,
  fitScope,
  type HeadlineFigure,
  headlineImpacts,
  type Residual,
  residualsOf,
  type Scenario,
  type ScopeFit,
  type TargetFile,
} from "@tieup/core";
import { InputError } from "../io/errors.js";
import { type Loaded, loadScenario } from "../scenario/load.js";

export interface Calibration {
  scenario: Scenario;
  targetsFile: string;
  targets: TargetFile;
  residuals: Residual[];
  /** The scenario's headline tariff cost as the regime actually unfolded: the forecast. */
  forecast: HeadlineFigure[];
  /** Titles of the overrides that set each as-of regime. */
  regimes: Map<string, string>;
  /** Each company's modelled scope against its reported base year, and the values that reconcile them. */
  fits: ScopeFit[];
}

/** Runs every target on the scenario as of its date and the headline forecast on the scenario itself. */
export function calibrate(base: Loaded, targets: TargetFile, targetsFile: string): Calibration {
  const issues = checkTargets(targets, base.scenario, base.overrides).map((i) => ({ ...i, file: targetsFile }));
  if (issues.length > 0) throw new InputError(issues);
  const asOf = new Map<string, Scenario>([["", base.scenario]]);
  const regimes = new Map<string, string>();
  const scenarioAsOf = (names: readonly string[]) => {
    const key = names.join(",");
    let s = asOf.get(key);
    if (!s) {
      s = loadScenario(base.path, names).scenario;
      asOf.set(key, s);
      for (const n of names) regimes.set(n, s.title);
    }
    return s;
  };
  const residuals = residualsOf(targets, scenarioAsOf);
  return { scenario: base.scenario, targetsFile, targets, residuals, forecast: headlineImpacts(base.scenario), regimes, fits: fitScope(base.scenario) };
}
