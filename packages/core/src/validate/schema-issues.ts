import type { z } from "zod";
import { didYouMean, formatPath, type Issue } from "../issues/issue.js";
import { Scenario } from "../scenario/schema.js";
import { schemaAt, shapeOf } from "../schema/walk.js";

type ZIssue = z.core.$ZodIssue;

/** Turns zod's issues into path-named issues with suggestions. */
export function schemaIssues(error: z.ZodError, doc: unknown): Issue[] {
  const out: Issue[] = [];
  for (const issue of error.issues) out.push(...convert(issue, [], doc));
  return dedupe(out);
}

function convert(issue: ZIssue, prefix: PropertyKey[], doc: unknown): Issue[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === "invalid_union") return unionIssues(issue, path, doc);
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => {
      const known = Object.keys(shapeOf(schemaAt(Scenario, path) ?? Scenario) ?? {});
      const best = didYouMean(key, known);
      return make(
        path.concat(key),
        `unknown attribute "${key}"`,
        best ? `did you mean \`${best}\`?` : known.length ? `allowed here: ${known.join(", ")}` : undefined,
        doc,
      );
    });
  }
  if (issue.code === "invalid_value") {
    const got = valueAt(doc, path);
    const options = issue.values.map(String);
    const best = typeof got === "string" ? didYouMean(got, options) : undefined;
    return [make(path, `${JSON.stringify(got)} is not one of ${options.join(", ")}`, best ? `did you mean \`${best}\`?` : undefined, doc)];
  }
  if (issue.code === "invalid_type") {
    const got = valueAt(doc, path);
    const message = got === undefined ? `missing required attribute (expected ${issue.expected})` : `expected ${issue.expected}, got ${describe(got)}`;
    return [make(path, message, undefined, doc)];
  }
  if (issue.code === "too_small" && issue.origin === "array" && path.length === 1) {
    // An entity list emptied, most often by a patch that removed its base's entities and added none.
    const list = String(path[0]);
    const message = `no ${list}: a scenario needs at least one`;
    return [make(path, message, `the composed scenario has none; a file that removes its base's ${list} adds its own`, doc)];
  }
  const params = (issue as { params?: { suggestion?: string } }).params;
  return [make(path, issue.message, params?.suggestion, doc)];
}

/**
 * A union failed: report the branch the user most likely meant, the one whose
 * errors reach deepest into the value (they got furthest with it).
 */
function unionIssues(issue: Extract<ZIssue, { code: "invalid_union" }>, path: PropertyKey[], doc: unknown): Issue[] {
  const branches = issue.errors.filter((b) => b.length > 0);
  const depth = (b: ZIssue[]) => Math.max(...b.map((i) => (i.code === "invalid_type" && i.path.length === 0 ? -1 : i.path.length)));
  const best = branches.sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0];
  if (!best || depth(best) < 0) {
    const got = valueAt(doc, path);
    if (got === undefined) return [make(path, "missing required attribute", undefined, doc)];
    return [make(path, `${describe(got)} does not fit here`, "see the scenario reference (docs/scenario-reference.md) for the accepted forms", doc)];
  }
  return best.flatMap((i) => convert(i, path, doc));
}

function make(path: PropertyKey[], message: string, suggestion: string | undefined, doc: unknown): Issue {
  const entity = entityId(doc, path);
  return { severity: "error", path: formatPath(path), message, ...(suggestion ? { suggestion } : {}), ...(entity ? { entity } : {}) };
}

export function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = doc;
  for (const p of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p as string];
  }
  return cur;
}

function entityId(doc: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path.length < 2 || typeof path[1] !== "number") return undefined;
  const id = (valueAt(doc, path.slice(0, 2)) as { id?: unknown } | undefined)?.id;
  return typeof id === "string" ? id : undefined;
}

function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  // JSON has no NaN or Infinity (it would print null): name them.
  if (typeof v === "number" && !Number.isFinite(v)) return Number.isNaN(v) ? "NaN (not a number)" : `${v > 0 ? "" : "-"}Infinity`;
  return `${typeof v} ${JSON.stringify(v)}`;
}

function dedupe(list: Issue[]): Issue[] {
  const seen = new Set<string>();
  return list.filter((i) => {
    const k = `${i.path}|${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
