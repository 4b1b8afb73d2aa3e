import { parse as parseYaml } from "yaml";
import { formatPath, type Issue, suggestId, warning } from "../issues/issue.js";
import type { FileReader } from "./resolve.js";
import { parseCsv } from "./tables.js";

/** Where `claim:<id>` citations are looked up: the evidence registry's claims (see docs/evidence.md). */
const CLAIMS_FILE = "data/evidence/claims.csv";

/** A value's citation: where in the scenario, and what it cites. */
export interface Citation {
  path: string;
  source: string;
  value?: unknown;
  note?: string;
}

/** Every `source` in the document with its path, for tracing figures to their evidence. */
export function collectCitations(doc: unknown): Citation[] {
  const out: Citation[] = [];
  const walk = (v: unknown, path: PropertyKey[]) => {
    if (Array.isArray(v))
      v.forEach((x, i) => {
        walk(x, [...path, i]);
      });
    else if (v !== null && typeof v === "object" && !(v instanceof Date)) {
      const o = v as Record<string, unknown>;
      if (typeof o.source === "string")
        out.push({
          path: formatPath(path),
          source: o.source,
          ...("value" in o ? { value: o.value } : {}),
          ...(typeof o.note === "string" ? { note: o.note } : {}),
        });
      for (const [k, x] of Object.entries(o)) if (k !== "source") walk(x, [...path, k]);
    }
  };
  walk(doc, []);
  return out;
}

/** What a citation's file part may be: a CSV or YAML file under the project's data/ folder. */
const CITABLE = /^data\/[A-Za-z0-9._/-]+\.(csv|yaml)$/;

/**
 * Checks that each citation points at something that exists: a row id of a
 * CSV under data/, an assumption id in data/assumptions.yaml or a claim id in
 * the evidence registry (data/evidence/claims.csv), looked up from the
 * scenario's folder upwards. Broken citations are warnings: the
 * numbers still evaluate, but their trail is cut.
 */
export function checkCitations(citations: Citation[], scenarioPaths: string | readonly string[], reader: FileReader): Issue[] {
  // Citations may come from any file of an extends chain: look near each of them.
  const from = typeof scenarioPaths === "string" ? [scenarioPaths] : scenarioPaths;
  const index = new Map<string, Set<string> | undefined>();
  const issues: Issue[] = [];
  for (const c of citations) {
    // "assumption: h1" cites h1: the space after the colon is not part of the id.
    const [file, id] = (
      c.source.startsWith("assumption:")
        ? ["data/assumptions.yaml", c.source.slice("assumption:".length)]
        : c.source.startsWith("claim:")
          ? [CLAIMS_FILE, c.source.slice("claim:".length)]
          : c.source.split("#")
    ).map((x) => x?.trim());
    if (!file || !id) {
      if (!/^https?:/.test(c.source))
        issues.push(warning(c.path, `citation "${c.source}" names no row`, 'cite "data/<file>.csv#<row id>", "assumption:<id>" or "claim:<id>"'));
      continue;
    }
    // A citation names a file of the project's data/ folder, never a path elsewhere.
    if (!CITABLE.test(file) || file.split("/").includes("..")) {
      issues.push(warning(c.path, `citation "${c.source}" names a file outside data/`, 'cite "data/<file>.csv#<row id>", "assumption:<id>" or "claim:<id>"'));
      continue;
    }
    if (!index.has(file)) index.set(file, unionOf(from.map((f) => idsOf(file, f, reader))));
    const ids = index.get(file);
    if (!ids) issues.push(warning(c.path, `cited file ${file} was not found near the scenario`));
    else if (!ids.has(id)) issues.push(warning(c.path, `cited row \`${id}\` is not in ${file}`, suggestId(id, ids, "row ids")));
  }
  return issues;
}

/**
 * Row ids of every copy of `file` found from the scenario's folder up to
 * three folders above it: a user's own data/assumptions.yaml next to their
 * scenario adds to the project's registry instead of hiding it.
 */
function idsOf(file: string, scenarioPath: string, reader: FileReader): Set<string> | undefined {
  const found: Set<string>[] = [];
  for (let up = 0; up < 4; up++) {
    const candidate = reader.resolve(scenarioPath, `${"../".repeat(up)}${file}`);
    const text = reader.read(candidate);
    if (text === undefined) continue;
    found.push(
      file.endsWith(".csv")
        ? new Set(
            parseCsv(text, candidate)
              .rows.map((r) => r.id ?? "")
              .filter(Boolean),
          )
        : assumptionIds(text),
    );
  }
  return unionOf(found);
}

function unionOf(sets: readonly (Set<string> | undefined)[]): Set<string> | undefined {
  const present = sets.filter((x): x is Set<string> => x !== undefined);
  return present.length === 0 ? undefined : new Set(present.flatMap((x) => [...x]));
}

/** Ids of an assumptions file; a file that cannot be read as one yields none (its citations then warn as broken). */
function assumptionIds(text: string): Set<string> {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch {
    return new Set();
  }
  const list = Array.isArray(doc) ? doc : (doc as { assumptions?: unknown } | null)?.assumptions;
  if (!Array.isArray(list)) return new Set();
  return new Set(list.map((a) => (a !== null && typeof a === "object" ? String((a as { id?: unknown }).id ?? "") : "")).filter(Boolean));
}
