import { formatPath, type Issue, suggestId, warning } from "../issues/issue.js";
import { IsoDate, isWebAddress, sourceText } from "../schema/common.js";
import { type RegistryCopy, registryCopies, relativeTo } from "./registry.js";
import type { FileReader } from "./resolve.js";

/** Where `claim:<id>` citations are looked up: the evidence registry's claims (see docs/evidence.md). */
const CLAIMS_FILE = "data/evidence/claims.csv";

/** A value's citation: where in the scenario, and what it cites. */
export interface Citation {
  path: string;
  /** What is cited: a data/ row, `assumption:<id>`, `claim:<id>`, or a page's address (with its date in brackets when given inline). */
  source: string;
  value?: unknown;
  note?: string;
  /** An inline citation's address and date (`source: { url, date }`). */
  url?: string;
  date?: string;
}

type InlineSource = { url: string; date: string; title?: string };

const isInline = (s: unknown): s is InlineSource =>
  s !== null && typeof s === "object" && typeof (s as InlineSource).url === "string" && typeof (s as InlineSource).date === "string";

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
      const inline = isInline(o.source) ? o.source : undefined;
      if (typeof o.source === "string" || inline)
        out.push({
          path: formatPath(path),
          source: inline ? sourceText(inline) : (o.source as string),
          ...("value" in o ? { value: o.value } : {}),
          ...(typeof o.note === "string" ? { note: o.note } : {}),
          ...(inline ? { url: inline.url, date: inline.date } : {}),
        });
      for (const [k, x] of Object.entries(o)) if (k !== "source") walk(x, [...path, k]);
    }
  };
  walk(doc, []);
  return out;
}

/** What a citation's file part may be: a CSV or YAML file under the project's data/ folder. */
const CITABLE = /^data\/[A-Za-z0-9._/-]+\.(csv|yaml)$/;

const FORMS = 'cite "data/<file>.csv#<row id>", "assumption:<id>", "claim:<id>" or a page as { url: https://…, date: YYYY-MM-DD }';

/**
 * Checks that each citation points at something that exists: a row id of a
 * CSV under data/, an assumption id in data/assumptions.yaml or a claim id in
 * the evidence registry (data/evidence/claims.csv), looked up from the
 * scenario's folder upwards; a page cited by its address alone is asked for
 * its date. Broken citations are warnings: the numbers still evaluate, but
 * their trail is cut.
 */
export function checkCitations(citations: Citation[], scenarioPaths: string | readonly string[], reader: FileReader): Issue[] {
  // Citations may come from any file of an extends chain: look near each of them.
  const from = typeof scenarioPaths === "string" ? [scenarioPaths] : scenarioPaths;
  const copies = new Map<string, RegistryCopy[]>();
  const shadowed = new Set<string>();
  const issues: Issue[] = [];
  for (const c of citations) {
    if (c.url !== undefined) continue; // an inline citation's shape is the schema's to check
    if (/^https?:/.test(c.source)) {
      issues.push(...pageCitation(c));
      continue;
    }
    const target = citedRow(c.source);
    if (!target) {
      issues.push(warning(c.path, `citation "${c.source}" names no row`, FORMS));
      continue;
    }
    const [file, id] = target;
    // A citation names a file of the project's data/ folder, never a path elsewhere.
    if (!CITABLE.test(file) || file.split("/").includes("..")) {
      issues.push(warning(c.path, `citation "${c.source}" names a file outside data/`, FORMS));
      continue;
    }
    if (!copies.has(file)) copies.set(file, registryCopies(file, from, reader));
    const found = copies.get(file) ?? [];
    const holding = found.filter((copy) => copy.ids.has(id));
    if (found.length === 0) issues.push(warning(c.path, `cited file ${file} was not found near the scenario`));
    else if (holding.length === 0)
      issues.push(warning(c.path, `cited row \`${id}\` is not in ${file}`, suggestId(id, new Set(found.flatMap((x) => [...x.ids.keys()])), "row ids")));
    else if (holding.length > 1 && !shadowed.has(`${file}#${id}`)) {
      shadowed.add(`${file}#${id}`);
      const shadow = shadowWarning(id, holding);
      if (shadow) issues.push(shadow);
    }
  }
  return issues;
}

/** The file and id a citation names, ids trimmed: "assumption: h1" cites h1, the space after the colon is not part of the id. */
function citedRow(source: string): [string, string] | undefined {
  const [file, id] = (
    source.startsWith("assumption:")
      ? ["data/assumptions.yaml", source.slice("assumption:".length)]
      : source.startsWith("claim:")
        ? [CLAIMS_FILE, source.slice("claim:".length)]
        : source.split("#")
  ).map((x) => x?.trim());
  return file && id ? [file, id] : undefined;
}

/**
 * A page cited as a string: its address, and its date in brackets after it
 * ("https://… (2025-05-13)", the form `source: { url, date }` is printed in)
 * to put the figure in time.
 */
function pageCitation(c: Citation): Issue[] {
  const m = /^(\S+)(?:\s+\(([^)]*)\))?$/.exec(c.source.trim());
  const [url, date] = [m?.[1] ?? c.source, m?.[2]];
  if (!isWebAddress(url)) return [warning(c.path, `citation "${c.source}" is not a web address`, FORMS)];
  if (date === undefined)
    return [warning(c.path, `citation ${url} gives no date`, `write source: { url: ${url}, date: YYYY-MM-DD } with the date the page was published`)];
  if (!IsoDate.safeParse(date).success)
    return [warning(c.path, `citation ${url} gives "${date}" for its date`, "write the date as YYYY-MM-DD, e.g. 2025-05-13")];
  return [];
}

/**
 * The nearest copy's row wins; the different rows it hides are named, so
 * nobody reads the project's reasoning for the user's figure. A row copied
 * as it is (a project copied whole, beside the shipped one) hides nothing.
 */
function shadowWarning(id: string, holding: RegistryCopy[]): Issue | undefined {
  const [mine, ...others] = holding as [RegistryCopy, ...RegistryCopy[]];
  const theirs = others.filter((t) => t.rows.get(id) !== mine.rows.get(id));
  if (theirs.length === 0) return undefined;
  return {
    ...warning(
      mine.ids.get(id) ?? "(file)",
      `\`${id}\` here shadows the \`${id}\` of ${theirs.map((t) => relativeTo(mine.path, t.path)).join(", ")}: citations of ${id} read this one`,
      "rename one of them if they are different assumptions; delete this one if it is a copy",
    ),
    file: mine.path,
  };
}
