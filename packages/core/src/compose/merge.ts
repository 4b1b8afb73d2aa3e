import { error, type Issue, suggestId } from "../issues/issue.js";
import { ENTITY_LISTS } from "../scenario/schema.js";

type Doc = Record<string, unknown>;

const isObject = (v: unknown): v is Doc => v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date);

/**
 * Applies a patch (a scenario that extends a base, or a named override) to a
 * base document. Entity lists merge by id: a known id is deep-merged, a new
 * id is appended, `remove: true` deletes. Lanes merge by (from, to). Other
 * objects deep-merge; lists and scalars are replaced; null deletes a key.
 */
export function mergeDocs(base: Doc, patch: Doc, file?: string): { doc: Doc; issues: Issue[] } {
  const issues: Issue[] = [];
  const out: Doc = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if ((ENTITY_LISTS as readonly string[]).includes(key) && Array.isArray(value)) {
      out[key] = mergeList(Array.isArray(base[key]) ? (base[key] as unknown[]) : [], value, key, (e) => (isObject(e) ? e.id : undefined), issues, file);
      if (key === "tariffs") out[key] = dropReferencesToRemoved(out[key] as unknown[], value);
      if (key === "deals") out[key] = dropRemovedMembers(out[key] as unknown[], value);
    } else if (key === "lanes" && Array.isArray(value)) {
      out[key] = mergeList(
        Array.isArray(base[key]) ? (base[key] as unknown[]) : [],
        value,
        key,
        (e) => (isObject(e) ? `${e.from}→${e.to}` : undefined),
        issues,
        file,
      );
    } else out[key] = deepMerge(base[key], value);
    if (value === null) delete out[key];
  }
  return { doc: out, issues };
}

function mergeList(base: unknown[], patch: unknown[], list: string, keyOf: (e: unknown) => unknown, issues: Issue[], file?: string): unknown[] {
  const out = [...base];
  patch.forEach((item, i) => {
    const key = keyOf(item);
    const at = typeof key === "string" ? out.findIndex((e) => keyOf(e) === key) : -1;
    if (isObject(item) && item.remove === true) {
      if (at >= 0) out.splice(at, 1);
      else {
        const known = out.map(keyOf).filter((k): k is string => typeof k === "string");
        issues.push({
          ...error(`${list}[${i}]`, `cannot remove \`${String(key)}\`: the base has no such entry`, suggestId(String(key), known, list)),
          ...(file ? { file } : {}),
        });
      }
      return;
    }
    if (at >= 0) out[at] = deepMerge(out[at], item);
    else out.push(item);
  });
  return out;
}

/**
 * Removing a measure also removes it from the measures that name it
 * (inclusiveOf, supersedes, offsets): "no such measure" means nothing else
 * can fold it in, supersede it or be offset against it.
 */
function dropReferencesToRemoved(tariffs: unknown[], patch: unknown[]): unknown[] {
  const removed = new Set(patch.filter((p) => isObject(p) && p.remove === true).map((p) => (p as Doc).id));
  if (removed.size === 0) return tariffs;
  return tariffs.map((t) => {
    if (!isObject(t)) return t;
    const out: Doc = { ...t };
    for (const k of ["inclusiveOf", "supersedes", "offsets"]) if (Array.isArray(t[k])) out[k] = (t[k] as unknown[]).filter((id) => !removed.has(id));
    return out;
  });
}

/**
 * Removing a deal also removes it from the programmes that group it, and a
 * programme left with no member goes with them: an override in which the
 * closures do not happen has no programme of closures either.
 */
function dropRemovedMembers(deals: unknown[], patch: unknown[]): unknown[] {
  const removed = new Set(patch.filter((p) => isObject(p) && p.remove === true).map((p) => (p as Doc).id));
  if (removed.size === 0) return deals;
  return deals.flatMap((d) => {
    if (!isObject(d) || d.type !== "programme" || !Array.isArray(d.deals)) return [d];
    const members = (d.deals as unknown[]).filter((id) => !removed.has(id));
    if (members.length === d.deals.length) return [d];
    return members.length === 0 ? [] : [{ ...d, deals: members }];
  });
}

export function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isObject(base) || !isObject(patch)) return patch;
  const out: Doc = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = deepMerge(base[k], v);
  }
  return out;
}
