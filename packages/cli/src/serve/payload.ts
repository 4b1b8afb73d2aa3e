import { dirname, relative, sep } from "node:path";
import { checkCitations, collectCitations, composeScenario, type FileReader } from "@tieup/core";
import { defaultTargetsPath } from "../calibration/targets.js";
import { rootedReader, rootOf } from "../io/files.js";
import { type Loaded, loadScenario } from "../scenario/load.js";

/** What the web app composes in the browser: the entry file and every file it may read, keyed by POSIX path under one root. */
export interface ScenarioPayload {
  entry: string;
  files: Record<string, string>;
}

/**
 * Loads and validates the scenario as every command does (bad input → exit
 * 2), then gathers the files the browser needs to compose it again: those
 * read for the scenario itself, for each of its overrides, and for checking
 * its citations (and the calibration targets beside it). A reader that records what it reads finds them, so the
 * list cannot drift from what core actually reads.
 */
export function scenarioPayload(path: string | undefined): { loaded: Loaded; payload: ScenarioPayload } {
  const loaded = loadScenario(path);
  const read = new Map<string, string>();
  // Only what the scenario may read (under its root) is ever sent to the browser.
  const inner = rootedReader(rootOf(loaded.path));
  const recorder: FileReader = {
    read(p) {
      const text = inner.read(p);
      if (text !== undefined) read.set(p, text);
      return text;
    },
    resolve: inner.resolve,
    ...(inner.refuse ? { refuse: inner.refuse } : {}),
  };
  const base = composeScenario(loaded.path, recorder);
  for (const name of Object.keys(base.overrides)) composeScenario(loaded.path, recorder, [name]);
  if (base.doc) checkCitations(collectCitations(base.doc), base.files, recorder);
  // The calibration targets `tieup calibrate` reads by default, when present under the root: a stored scenario's calibrate run reads them there.
  recorder.read(defaultTargetsPath(loaded.path));
  const root = commonDir([...read.keys()]);
  const key = (p: string) => `/${relative(root, p).split(sep).join("/")}`;
  const files: Record<string, string> = {};
  for (const [p, text] of read) files[key(p)] = text;
  return { loaded, payload: { entry: key(loaded.path), files } };
}

/** The deepest folder that holds every path. */
export function commonDir(paths: string[]): string {
  const dirs = paths.map((p) => dirname(p).split(sep));
  const first = dirs[0] ?? [];
  let n = first.length;
  for (const d of dirs) {
    let k = 0;
    while (k < n && d[k] === first[k]) k++;
    n = k;
  }
  return first.slice(0, n).join(sep) || sep;
}
