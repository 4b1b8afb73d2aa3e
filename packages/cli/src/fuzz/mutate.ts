import { parseDocument, stringify } from "yaml";

type Node = unknown;
type Path = (string | number)[];

/** Values a hostile or careless user writes where something else belongs. */
const WRONG: readonly unknown[] = [
  "x",
  "",
  -1,
  0,
  1e308,
  -0.5,
  3.5,
  null,
  true,
  [],
  {},
  [1, "a"],
  { value: "x" },
  { unit: 5 },
  "__proto__",
  "constructor",
  "2025-13-45",
  "USD",
  "US",
  "FY2099",
  "../../etc/passwd",
  Number.NaN,
];

/** Every path in the document that leads to a value (the root excluded). */
function paths(node: Node, at: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(node))
    node.forEach((x, i) => {
      out.push([...at, i]);
      paths(x, [...at, i], out);
    });
  else if (node !== null && typeof node === "object")
    for (const [k, v] of Object.entries(node)) {
      out.push([...at, k]);
      paths(v, [...at, k], out);
    }
  return out;
}

function parentOf(doc: Node, path: Path): { parent: Record<string | number, unknown> | unknown[]; key: string | number } {
  let node = doc as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  return { parent: node, key: path.at(-1) as string | number };
}

/** One mutation of the document in place, described for the report. */
function mutateOnce(doc: Node, next: () => number, ids: readonly string[]): string {
  const all = paths(doc);
  const path = all[Math.floor(next() * all.length)] as Path;
  const { parent, key } = parentOf(doc, path);
  const where = path.join(".");
  const current = (parent as Record<string | number, unknown>)[key];
  const pick = next();
  if (pick < 0.15) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete (parent as Record<string, unknown>)[key as string];
    return `delete ${where}`;
  }
  if (pick < 0.25 && Array.isArray(parent)) {
    parent.splice(key as number, 0, structuredClone(parent[key as number]));
    return `duplicate ${where}`;
  }
  if (pick < 0.4 && typeof current === "number") {
    const factor = [-1, 0, 1000, 1e-6, Number.POSITIVE_INFINITY][Math.floor(next() * 5)] as number;
    (parent as Record<string | number, unknown>)[key] = current * factor;
    return `${where} × ${factor}`;
  }
  if (pick < 0.5 && ids.length > 0) {
    const id = ids[Math.floor(next() * ids.length)] as string;
    (parent as Record<string | number, unknown>)[key] = id;
    return `${where} = ${id}`;
  }
  const value = structuredClone(WRONG[Math.floor(next() * WRONG.length)]);
  (parent as Record<string | number, unknown>)[key] = value;
  return `${where} = ${JSON.stringify(value)}`;
}

/** A scenario's YAML read once for many mutants: its document and the ids its references may be pointed at. */
export interface Original {
  doc: Node;
  ids: string[];
}

export function original(text: string): Original {
  const doc = parseDocument(text).toJS() as Node;
  const ids = paths(doc)
    .filter((p) => p.at(-1) === "id")
    .map((p) => {
      const { parent, key } = parentOf(doc, p);
      return String((parent as Record<string | number, unknown>)[key]);
    });
  return { doc, ids };
}

/** A mutant of the scenario: 1 to 3 mutations of a copy of its document, with what each did. */
export function mutant(from: Original, next: () => number): { text: string; mutations: string[] } {
  const doc = structuredClone(from.doc);
  const { ids } = from;
  const mutations: string[] = [];
  const n = 1 + Math.floor(next() * 3);
  for (let i = 0; i < n; i++) mutations.push(mutateOnce(doc, next, ids));
  return { text: stringify(doc), mutations };
}
