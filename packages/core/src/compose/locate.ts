import type { Issue } from "../issues/issue.js";
import { ENTITY_LISTS } from "../scenario/schema.js";
import type { Composed } from "./resolve.js";

type Doc = Record<string, unknown>;

const isObject = (v: unknown): v is Doc => v !== null && typeof v === "object" && !Array.isArray(v);

/** Lists merged by a key (see mergeDocs): an entry's index differs between the merged document and each file. */
const KEYED: Record<string, (e: Doc) => unknown> = {
  ...Object.fromEntries(ENTITY_LISTS.map((l) => [l, (e: Doc) => e.id])),
  lanes: (e: Doc) => `${String(e.from)}→${String(e.to)}`,
};

/** plants[3].capacity → ["plants", 3, "capacity"]; keys in brackets (["a.b"]) are read as keys. */
function segments(path: string): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  const re = /\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gy;
  let m: RegExpExecArray | null;
  for (let at = 0; at < path.length; at = re.lastIndex) {
    re.lastIndex = at;
    m = re.exec(path);
    if (!m) return undefined;
    out.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3] as string) as string)));
  }
  return out;
}

/** How deep `path` reaches into `doc` (0 when not even its first key is there). */
function depthIn(doc: unknown, path: readonly (string | number)[]): number {
  let node = doc;
  for (let d = 0; d < path.length; d++) {
    const k = path[d] as string | number;
    if (Array.isArray(node) && typeof k === "number" && k < node.length) node = node[k];
    else if (isObject(node) && typeof k === "string" && Object.hasOwn(node, k)) node = node[k];
    else return d;
  }
  return path.length;
}

/**
 * Where a validation issue of the composed document was written. An issue
 * at `tariffs[6].rate` of the merged document names the file that wrote
 * that entity's attribute (the last layer whose entry with that id, or lane
 * with that from and to, has it) and the entity's own index there, e.g.
 * overrides/tariff-high.yaml: tariffs[0].rate; one at another path
 * (`fx.rates.JPY.FY2035`) names the last file that wrote the deepest part of
 * it. Issues that already name a file, or of a single-file scenario, are
 * unchanged.
 */
export function locateIssue(issue: Issue, composed: Pick<Composed, "layers" | "doc">): Issue {
  if (issue.file || composed.layers.length < 2 || !composed.doc) return issue;
  const path = segments(issue.path);
  if (!path || path.length === 0) return issue;
  const [list, index] = path;
  const keyOf = typeof list === "string" && Object.hasOwn(KEYED, list) ? KEYED[list] : undefined;
  if (keyOf && typeof index === "number") return locateEntry(issue, composed, list as string, index, keyOf);
  const layers = [...composed.layers].reverse();
  const depths = layers.map((l) => depthIn(l.doc, path));
  const best = Math.max(...depths);
  return best === 0 ? issue : { ...issue, file: (layers[depths.indexOf(best)] as { file: string }).file };
}

function locateEntry(issue: Issue, composed: Pick<Composed, "layers" | "doc">, list: string, index: number, keyOf: (e: Doc) => unknown): Issue {
  const merged = (composed.doc as Doc)[list];
  const entry = Array.isArray(merged) ? merged[index] : undefined;
  if (!isObject(entry)) return issue;
  const key = keyOf(entry);
  const rest = issue.path.replace(/^\w+\[\d+\]/, "");
  const attribute = /^\.([^.[]+)/.exec(rest)?.[1];
  for (const layer of [...composed.layers].reverse()) {
    const entries = layer.doc[list];
    if (!Array.isArray(entries)) continue;
    const j = entries.findIndex((e) => isObject(e) && keyOf(e) === key);
    if (j < 0) continue;
    if (attribute !== undefined && !Object.hasOwn(entries[j] as Doc, attribute)) continue;
    return { ...issue, path: `${list}[${j}]${rest}`, file: layer.file };
  }
  return issue;
}
