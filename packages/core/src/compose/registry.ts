import { parse as parseYaml } from "yaml";
import type { FileReader } from "./resolve.js";
import { parseCsv } from "./tables.js";

/** One copy of a cited file: where it is, each id it holds with where in it (`assumptions[3]`, `row 5`), and each id's row as text (to tell a copy from a different figure). */
export interface RegistryCopy {
  path: string;
  ids: Map<string, string>;
  rows: Map<string, string>;
}

/** How many folders above a scenario a cited file is looked for: the scenario's own data/ and the project's. */
const LEVELS = 4;

/**
 * Every copy of `file` from each scenario file's folder up to three folders
 * above it, nearest first (the entry's folders before a base's), each read
 * once. A user's own data/assumptions.yaml beside their scenario comes
 * before the project's, so its ids win; the project's still answer the rest.
 */
export function registryCopies(file: string, scenarioPaths: readonly string[], reader: FileReader): RegistryCopy[] {
  const out: RegistryCopy[] = [];
  for (const from of scenarioPaths)
    for (let up = 0; up < LEVELS; up++) {
      const candidate = reader.resolve(from, `${"../".repeat(up)}${file}`);
      if (out.some((c) => c.path === candidate)) continue;
      const text = reader.read(candidate);
      if (text !== undefined) out.push({ path: candidate, ...(file.endsWith(".csv") ? csvIds(text, candidate) : assumptionIds(text)) });
    }
  return out;
}

type Ids = Pick<RegistryCopy, "ids" | "rows">;

function csvIds(text: string, path: string): Ids {
  const ids = new Map<string, string>();
  const rows = new Map<string, string>();
  parseCsv(text, path).rows.forEach((r, i) => {
    if (!r.id || ids.has(r.id)) return;
    ids.set(r.id, `row ${i + 2}`);
    rows.set(r.id, JSON.stringify(r));
  });
  return { ids, rows };
}

/** Ids of an assumptions file; a file that cannot be read as one yields none (its citations then warn as broken). */
function assumptionIds(text: string): Ids {
  const ids = new Map<string, string>();
  const rows = new Map<string, string>();
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch {
    return { ids, rows };
  }
  const list = Array.isArray(doc) ? doc : (doc as { assumptions?: unknown } | null)?.assumptions;
  if (!Array.isArray(list)) return { ids, rows };
  list.forEach((a, i) => {
    const id = a !== null && typeof a === "object" ? (a as { id?: unknown }).id : undefined;
    if (typeof id !== "string" || id === "" || ids.has(id)) return;
    ids.set(id, `assumptions[${i}]`);
    rows.set(id, JSON.stringify(a));
  });
  return { ids, rows };
}

/** `to` relative to the folder of `from`, both absolute POSIX paths: what a message names another file by. */
export function relativeTo(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => ".."), ...b.slice(common)].join("/");
}
