import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { type Citation, hasErrors, type Issue, loadScenario as loadWith, type Scenario } from "@tieup/core";
import { claimWarnings } from "../evidence/warnings.js";
import { InputError } from "../io/errors.js";
import { displayPath, readPolicy, rootedReader, rootOf } from "../io/files.js";
import { SCENARIOS_DIR } from "../io/library.js";

/** The default scenario shipped in the repository: the 2025 Nissan–Honda US case. */
export function defaultScenarioPath(): string {
  return resolve(SCENARIOS_DIR, "nissan-honda-us.yaml");
}

/** A name such as `jp-kr-us` (no folder, no extension): the built-in scenario of that name. */
const BUILT_IN_NAME = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The file a scenario argument names: a path as given, or, when the argument is
 * a bare name that is not a file here, the built-in scenario of that name
 * (`tieup run jp-kr-us` runs scenarios/jp-kr-us.yaml). A file in the current
 * folder wins over a built-in of the same name.
 */
export function resolveScenarioPath(arg: string | undefined): string {
  if (arg === undefined) return defaultScenarioPath();
  if (!BUILT_IN_NAME.test(arg) || existsSync(arg)) return resolve(arg);
  const builtIn = resolve(SCENARIOS_DIR, `${arg}.yaml`);
  if (existsSync(builtIn)) return builtIn;
  // A bare name that is neither a file here nor a built-in: name the built-ins rather than "cannot read ./name".
  const names = readdirSync(SCENARIOS_DIR)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.slice(0, -".yaml".length))
    .sort();
  throw new InputError([
    {
      severity: "error",
      path: arg,
      message: `no file ${arg} here and no built-in scenario of that name`,
      suggestion: `give a path to a scenario file, or one of the built-ins: ${names.join(", ")}`,
    },
  ]);
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
  const file = resolveScenarioPath(path);
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
