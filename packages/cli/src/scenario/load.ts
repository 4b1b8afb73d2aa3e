import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Citation, hasErrors, type Issue, loadScenario as loadWith, type Scenario } from "@tieup/core";
import { claimWarnings } from "../evidence/warnings.js";
import { InputError } from "../io/errors.js";
import { displayPath, readPolicy, rootedReader, rootOf } from "../io/files.js";

/** The default scenario shipped in the repository: the 2025 Nissan–Honda US case. */
export function defaultScenarioPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(here, "../../../../scenarios/nissan-honda-us.yaml");
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

/** Reads, composes and validates a scenario from disk (core's loadScenario); throws InputError when it is not valid. */
export function loadScenario(path: string | undefined, withOverrides: readonly string[] = []): Loaded {
  const file = resolve(path ?? defaultScenarioPath());
  const { maxEntities } = readPolicy();
  const loaded = loadWith(file, rootedReader(rootOf(file)), {
    ...(maxEntities !== undefined ? { maxEntities } : {}),
    overrides: withOverrides,
    citationChecks: [(citations, files) => claimWarnings(citations, files)],
  });
  const issues = loaded.issues.map((i) => (i.file ? { ...i, file: displayPath(i.file) } : i));
  if (!loaded.scenario || hasErrors(issues)) throw new InputError(issues);
  return { path: file, scenario: loaded.scenario, issues, overrides: loaded.overrides, files: loaded.files, citations: loaded.citations };
}
