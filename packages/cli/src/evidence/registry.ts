import { dirname, join, resolve } from "node:path";
import { type Issue, parseCsv } from "@tieup/core";
import { buildRegistry, Dictionary, type EvidenceIssue, entitiesFromRows, type Registry } from "@tieup/evidence";
import { InputError } from "../io/errors.js";
import { displayPath, nodeReader } from "../io/files.js";
import { SHIPPED } from "../io/library.js";

/** The evidence registry of a folder: sources, claims and the entity dictionary. */
export interface LoadedRegistry {
  dir: string;
  registry: Registry;
  dictionary: Dictionary;
}

/** data/evidence of the repository the CLI ships in. */
export function defaultEvidenceDir(): string {
  return join(SHIPPED, "data", "evidence");
}

/** The data/evidence folder nearest to a scenario file (its folder or up to three above), as citations are looked up. */
export function evidenceDirNear(files: readonly string[]): string | undefined {
  for (const f of files)
    for (let up = 0; up < 4; up++) {
      const dir = resolve(dirname(f), `${"../".repeat(up)}data/evidence`);
      if (nodeReader.read(join(dir, "claims.csv")) !== undefined) return dir;
    }
  return undefined;
}

/** Reads sources.csv, claims.csv and entities.csv of a folder; every problem is an InputError naming file, row and column. */
export function loadRegistry(dir: string): LoadedRegistry {
  const issues: Issue[] = [];
  const table = (name: string, required: boolean) => {
    const file = join(dir, name);
    const text = nodeReader.read(file);
    if (text === undefined) {
      if (required)
        issues.push({
          severity: "error",
          path: "--registry",
          message: `${displayPath(file)} was not found`,
          suggestion: "point --registry at a folder with sources.csv and claims.csv (see docs/evidence.md)",
        });
      return [];
    }
    // A binary file parses as CSV rows of garbage, or as none: say so rather than load an empty table.
    if (text.slice(0, 8192).includes("\u0000")) {
      issues.push({
        severity: "error",
        path: displayPath(file),
        message: "is a binary file, not CSV",
        suggestion: `replace it with a UTF-8 ${name} (see docs/evidence.md)`,
      });
      return [];
    }
    const parsed = parseCsv(text, displayPath(file));
    issues.push(...parsed.issues);
    return parsed.rows;
  };
  const sources = table("sources.csv", true);
  const claims = table("claims.csv", true);
  const entityRows = table("entities.csv", false);
  const built = buildRegistry(sources, claims, { sources: displayPath(join(dir, "sources.csv")), claims: displayPath(join(dir, "claims.csv")) });
  const ents = entitiesFromRows(entityRows, displayPath(join(dir, "entities.csv")));
  issues.push(...built.issues.map(asIssue), ...ents.issues.map(asIssue));
  if (issues.some((i) => i.severity === "error")) throw new InputError(issues);
  return { dir, registry: built.registry, dictionary: new Dictionary(ents.entities) };
}

export function asIssue(i: EvidenceIssue): Issue {
  return { severity: i.severity, path: i.path, message: i.message, ...(i.suggestion ? { suggestion: i.suggestion } : {}) };
}
