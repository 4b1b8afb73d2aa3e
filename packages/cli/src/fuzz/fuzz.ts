import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { composeScenario, drawStream, runScenario } from "@tieup/core";
import { stringify } from "yaml";
import { InputError } from "../io/errors.js";
import { rootedReader, rootOf } from "../io/files.js";
import { loadScenario } from "../scenario/load.js";
import { mutant, original } from "./mutate.js";

export interface FuzzCrash {
  index: number;
  mutations: string[];
  error: string;
}

export interface FuzzReport {
  seed: number;
  count: number;
  /** Mutants that validated and were evaluated. */
  evaluated: number;
  /** Mutants refused as bad input (exit 2 in the CLI). */
  refused: number;
  crashes: FuzzCrash[];
  /** Mutations per top-level section of the scenario (tariffs, companies, …): what the mutants reached. */
  sections: Record<string, number>;
}

/**
 * Mutates a scenario `count` times and loads each mutant as the CLI does,
 * evaluating those that validate. A mutant is written beside the scenario
 * (a dot-file, removed afterwards) so that its relative tables and overrides
 * resolve. Bad input must come back as an InputError whose every issue has a
 * path; anything else thrown is a crash. What is mutated is the scenario
 * composed with its bases and tables: the default scenario takes its tariff
 * measures and companies from libraries, which mutants of its own file alone
 * would never reach.
 */
export function fuzzScenario(entry: string, count: number, seed: number, evaluate = true): FuzzReport {
  const text = original(composedText(entry) ?? readFileSync(entry, "utf8"));
  const report: FuzzReport = { seed, count, evaluated: 0, refused: 0, crashes: [], sections: {} };
  for (let i = 0; i < count; i++) {
    // Core's streams: mutant i depends on (seed, i) alone, so one crash reproduces without the mutants before it.
    const m = mutant(text, drawStream(seed, i));
    for (const what of m.mutations) {
      const section = /^(?:delete |duplicate )?([A-Za-z]+)/.exec(what)?.[1] ?? "(root)";
      report.sections[section] = (report.sections[section] ?? 0) + 1;
    }
    const file = join(dirname(entry), `.fuzz-${basename(entry, ".yaml")}-${seed}-${i}-${process.pid}.yaml`);
    try {
      writeFileSync(file, m.text);
      const loaded = loadScenario(file);
      if (evaluate) runScenario(loaded.scenario);
      report.evaluated++;
    } catch (e) {
      if (e instanceof InputError && e.issues.every((x) => typeof x.path === "string" && x.path.length > 0)) report.refused++;
      else report.crashes.push({ index: i, mutations: m.mutations, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    } finally {
      rmSync(file, { force: true });
    }
  }
  return report;
}

/** The scenario merged with its bases and tables as one document, its overrides named relative to it again (composition resolves them). */
function composedText(entry: string): string | undefined {
  const { doc } = composeScenario(entry, rootedReader(rootOf(entry)));
  if (!doc) return undefined;
  const overrides = (doc.overrides ?? {}) as Record<string, unknown>;
  for (const [name, path] of Object.entries(overrides))
    if (typeof path === "string") overrides[name] = `./${relative(dirname(entry), path).split(sep).join("/")}`;
  return stringify(doc);
}
