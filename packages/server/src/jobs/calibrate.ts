import { posix } from "node:path";
import {
  checkTargetFile,
  checkTargets,
  fitScope,
  headlineImpacts,
  type Issue,
  parseScenarioText,
  residualsOf,
  type Scenario,
  type TargetFile,
} from "@tieup/core";
import { z } from "zod";
import { ScenarioIssues } from "./common.js";

export const CALIBRATE_PARAMS = z.strictObject({
  targets: z
    .string()
    .min(1)
    .max(500)
    .optional()
    .describe("the targets file among the scenario's files; default data/calibration/targets.yaml beside the entry's folder, as `tieup calibrate`"),
});

/** What a calibrate run needs besides the scenario: the targets, and the scenario as of each target's date (composed by the API). */
export interface Calibration {
  targetsFile: string;
  targets: TargetFile;
  asOf: { with: string[]; scenario: Scenario }[];
}

/** `tieup calibrate`'s default: `../data/calibration/targets.yaml` from the entry's folder. */
export function defaultTargets(entry: string): string {
  return posix.resolve(posix.dirname(entry), "../data/calibration/targets.yaml");
}

type Composed = { scenario?: Scenario; issues: Issue[] };

/**
 * The calibration of a stored version, checked before it is queued: the
 * targets file is one of the version's files and a valid targets file, the
 * targets name the scenario's entities and overrides, and every as-of regime
 * composes. Issues name the targets file and the path in it.
 */
export function prepareCalibration(
  files: Readonly<Record<string, string>>,
  entry: string,
  scenario: Scenario,
  overrideNames: Readonly<Record<string, string>>,
  path: string | undefined,
  compose: (names: string[]) => Composed,
): { calibration: Calibration } | { issues: Issue[] } {
  const file = path ?? defaultTargets(entry);
  if (!Object.hasOwn(files, file))
    return {
      issues: [
        {
          severity: "error",
          path: "params.targets",
          message: `the scenario has no file \`${file}\``,
          suggestion: "add the targets file to the scenario (e.g. /data/calibration/targets.yaml) or name it in params.targets",
        },
      ],
    };
  const parsed = parseScenarioText(files[file] as string, file);
  if (parsed.issues.length > 0 || parsed.doc === undefined) return { issues: parsed.issues };
  const checked = checkTargetFile(parsed.doc, file);
  if ("issues" in checked) return { issues: checked.issues };
  const { targets } = checked;
  const issues = checkTargets(targets, scenario, overrideNames).map((i) => ({ ...i, file }));
  if (issues.length > 0) return { issues };
  const asOf: Calibration["asOf"] = [];
  for (const t of targets.targets) {
    if (asOf.some((a) => sameList(a.with, t.asOf.with))) continue;
    const c = t.asOf.with.length === 0 ? { scenario, issues: [] } : compose(t.asOf.with);
    if (!c.scenario) return { issues: c.issues };
    asOf.push({ with: t.asOf.with, scenario: c.scenario });
  }
  return { calibration: { targetsFile: file, targets, asOf } };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** `tieup calibrate` as a run: each target's model value, expected value and error, the forecast and the scope fits. */
export function calibrate(s: Scenario, c: Calibration): unknown {
  const scenarioAsOf = (names: readonly string[]) => {
    const hit = c.asOf.find((a) => sameList(a.with, names));
    if (!hit) throw new ScenarioIssues([{ severity: "error", path: "params.targets", message: `no scenario as of ${names.join(", ")}` }]);
    return hit.scenario;
  };
  const residuals = residualsOf(c.targets, scenarioAsOf);
  // The columns of `tieup calibrate --format csv`.
  const rows = residuals.map((r) => ({
    target: r.target.id,
    company: r.target.company,
    metric: r.target.metric,
    period: r.target.period,
    model: r.model,
    expected: r.expected,
    error: r.error,
    relative: r.relative,
    tolerance: r.target.tolerance,
    bound: r.target.bound,
    within: r.within,
  }));
  return {
    scenario: s.id,
    targetsFile: c.targetsFile,
    within: residuals.filter((r) => r.within).length,
    count: residuals.length,
    targets: residuals.map((r) => ({ ...r.target, expected: r.expected, model: r.model, error: r.error, relative: r.relative, within: r.within })),
    forecast: headlineImpacts(s),
    fits: fitScope(s),
    tables: { calibration: rows },
  };
}
