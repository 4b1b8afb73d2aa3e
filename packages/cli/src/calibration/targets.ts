import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { checkTargetFile, parseScenarioText, type TargetFile } from "@tieup/core";
import { InputError } from "../io/errors.js";
import { nodeReader } from "../io/files.js";

/** The targets shipped with the default scenario: data/calibration/targets.yaml. */
export function defaultTargetsPath(scenarioPath: string): string {
  return resolve(dirname(scenarioPath), "../data/calibration/targets.yaml");
}

/** Reads and checks a targets file; bad input is an InputError naming the file and path. */
export function loadTargets(path: string): TargetFile {
  const text = nodeReader.read(resolve(path));
  if (text === undefined)
    throw new InputError([
      { severity: "error", path: "--targets", message: `cannot read ${path}`, suggestion: "give a YAML targets file, e.g. data/calibration/targets.yaml" },
    ]);
  const parsed = parseScenarioText(text, path);
  if (parsed.issues.length > 0 || parsed.doc === undefined) throw new InputError(parsed.issues);
  const checked = checkTargetFile(parsed.doc, path);
  if ("issues" in checked) throw new InputError(checked.issues);
  return checked.targets;
}

/** Statements and reasons of the assumptions the calibration names, from data/assumptions.yaml. */
export function readAssumptions(path: string): Map<string, { statement: string; reasoning: string }> {
  const parsed = parseScenarioText(readFileSync(path, "utf8"), path);
  const list = (parsed.doc as { assumptions?: { id: string; statement: string; reasoning: string }[] } | undefined)?.assumptions ?? [];
  return new Map(list.map((a) => [a.id, { statement: String(a.statement).trim(), reasoning: String(a.reasoning).trim() }]));
}
