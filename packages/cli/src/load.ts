import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type Citation,
  checkCitations,
  collectCitations,
  composeScenario,
  type FileReader,
  hasErrors,
  type Issue,
  type Scenario,
  validateScenario,
} from "@tieup/core";
import { claimWarnings } from "./evidence/warnings.js";

/** Bad input: reported with paths and exit code 2. */
export class InputError extends Error {
  constructor(readonly issues: Issue[]) {
    super(`${issues.filter((i) => i.severity === "error").length} error(s) in the input`);
  }
}

export const nodeReader: FileReader = {
  read(path) {
    try {
      if (!existsSync(path) || !statSync(path).isFile()) return undefined;
      return readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
  },
  resolve: (from, rel) => resolve(dirname(from), rel),
};

/** The default scenario shipped in the repository: the 2025 Nissan–Honda US case. */
export function defaultScenarioPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(here, "../../../scenarios/nissan-honda-us.yaml");
}

export interface Loaded {
  path: string;
  scenario: Scenario;
  issues: Issue[];
  overrides: Record<string, string>;
  /** Every file read to compose the scenario. */
  files: string[];
  /** Every cited value of the composed document, by path. */
  citations: Citation[];
}

/** Reads, composes and validates a scenario; throws InputError when it is not valid. */
export function loadScenario(path: string | undefined, withOverrides: readonly string[] = []): Loaded {
  const file = resolve(path ?? defaultScenarioPath());
  const composed = composeScenario(file, nodeReader, withOverrides);
  const issues = composed.issues.map((i) => (i.file ? { ...i, file: displayPath(i.file) } : i));
  if (!composed.doc || hasErrors(issues)) throw new InputError(issues);
  const checked = validateScenario(composed.doc);
  const all = [...issues, ...checked.issues];
  if (!checked.scenario) throw new InputError(all);
  const citations = collectCitations(composed.doc);
  all.push(...checkCitations(citations, composed.files, nodeReader), ...claimWarnings(citations, composed.files));
  return { path: file, scenario: checked.scenario, issues: all, overrides: composed.overrides, files: composed.files, citations };
}

export function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel.startsWith("..") ? p : rel;
}
