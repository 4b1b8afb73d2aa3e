import { error, type Issue, suggestId } from "../issues/issue.js";
import { mergeDocs } from "./merge.js";
import { parseScenarioText } from "./parse.js";
import { reservedNameIssues } from "./reserved.js";
import { applyTable, parseCsv, TABLES, type TableName } from "./tables.js";

type Doc = Record<string, unknown>;

/** File access, injected so that the engine itself does no I/O (Node, browser and tests supply their own). */
export interface FileReader {
  /** The file's text, or undefined when there is no such file (or it may not be read). */
  read(path: string): string | undefined;
  /** A path relative to the file `from`. */
  resolve(from: string, relative: string): string;
  /** Why `path` may not be read (outside the scenario's root, not a regular file, too large) and what to do; undefined when it may. */
  refuse?(path: string): { message: string; suggestion: string } | undefined;
}

/** A path written in a scenario that is absolute (POSIX, UNC or a drive letter). */
function isAbsolutePath(p: string): boolean {
  return p.startsWith("/") || p.startsWith("\\") || /^[A-Za-z]:[\\/]/.test(p);
}

const ROOT_HINT = "keep the scenario's files under its root (the project folder holding data/, or --root) and name them by relative paths";

/**
 * Why a path a scenario writes may not be followed: it is absolute, or the
 * reader refuses the file it resolves to. `field` is where it is written.
 */
function refusal(written: string, resolved: string, reader: FileReader, field: string, file: string): Issue | undefined {
  if (isAbsolutePath(written)) return { ...error(field, `\`${written}\` is an absolute path: a scenario names its files relative to itself`, ROOT_HINT), file };
  const why = reader.refuse?.(resolved);
  return why ? { ...error(field, why.message, why.suggestion), file } : undefined;
}

export interface Composed {
  doc?: Doc;
  issues: Issue[];
  /** Every file read, the scenario first. */
  files: string[];
  /** Named overrides available: name -> resolved path. */
  overrides: Record<string, string>;
  /** Each file's own document as written (before merging), in merge order: the deepest base first, overrides last. */
  layers: { file: string; doc: Doc }[];
}

/**
 * Reads a scenario with everything it brings in: its `extends` chain (base
 * first, then each patch merged by id), its CSV `tables`, and the named
 * overrides asked for, applied in order.
 */
export function composeScenario(path: string, reader: FileReader, withOverrides: readonly string[] = []): Composed {
  const state: Composed = { issues: [], files: [], overrides: {}, layers: [] };
  let doc = load(path, reader, state, []);
  if (!doc) return state;
  for (const name of withOverrides) {
    const file = state.overrides[name];
    if (!file) {
      state.issues.push(error(`--with ${name}`, `unknown override \`${name}\``, suggestId(name, Object.keys(state.overrides), "overrides")));
      continue;
    }
    const patch = load(file, reader, state, [path]);
    if (!patch) continue;
    const merged = mergeDocs(doc, patch, file);
    state.issues.push(...merged.issues);
    doc = merged.doc;
  }
  doc.overrides = { ...state.overrides };
  const reserved = reservedNameIssues(doc);
  state.issues.push(...reserved);
  if (reserved.length === 0) state.doc = doc;
  return state;
}

function load(path: string, reader: FileReader, state: Composed, chain: string[]): Doc | undefined {
  if (chain.includes(path)) {
    state.issues.push({
      ...error("extends", `extends forms a cycle: ${[...chain, path].join(" -> ")}`, "a scenario cannot extend itself, directly or not"),
      file: path,
    });
    return undefined;
  }
  const why = reader.refuse?.(path);
  const text = why ? undefined : reader.read(path);
  if (text === undefined) {
    state.issues.push({
      ...error("(file)", why?.message ?? `cannot read ${path}`, why?.suggestion ?? "check the path; relative paths are relative to the file that names them"),
      file: path,
    });
    return undefined;
  }
  state.files.push(path);
  const parsed = parseScenarioText(text, path);
  state.issues.push(...parsed.issues);
  if (!parsed.doc) return undefined;
  const own = structuredClone(parsed.doc as Doc);
  const { extends: parent, tables, overrides } = own;
  delete own.extends;
  delete own.tables;
  delete own.overrides;
  registerOverrides(overrides, path, reader, state);
  let doc = own;
  if (parent !== undefined) {
    if (typeof parent !== "string") state.issues.push({ ...error("extends", "extends names one base scenario file"), file: path });
    else {
      const target = reader.resolve(path, parent);
      const refused = refusal(parent, target, reader, "extends", path);
      if (refused) {
        state.issues.push(refused);
        return undefined;
      }
      const base = load(target, reader, state, [...chain, path]);
      if (!base) return undefined;
      const merged = mergeDocs(base, own, path);
      state.issues.push(...merged.issues);
      doc = merged.doc;
    }
  }
  // A base is loaded (and recorded) before its patch, so the layers come out deepest base first.
  state.layers.push({ file: path, doc: own });
  applyTables(doc, tables, path, reader, state);
  return doc;
}

function registerOverrides(overrides: unknown, path: string, reader: FileReader, state: Composed): void {
  if (overrides === undefined) return;
  if (overrides === null || typeof overrides !== "object" || Array.isArray(overrides)) {
    state.issues.push({ ...error("overrides", "overrides maps names to files, e.g. tariff-high: ./overrides/tariff-high.yaml"), file: path });
    return;
  }
  for (const [name, rel] of Object.entries(overrides)) {
    if (typeof rel !== "string") {
      state.issues.push({ ...error(`overrides.${name}`, "expected the path of an override file"), file: path });
      continue;
    }
    const target = reader.resolve(path, rel);
    const refused = refusal(rel, target, reader, `overrides.${name}`, path);
    if (refused) state.issues.push(refused);
    else state.overrides[name] = target;
  }
}

function applyTables(doc: Doc, tables: unknown, path: string, reader: FileReader, state: Composed): void {
  if (tables === undefined) return;
  if (tables === null || typeof tables !== "object" || Array.isArray(tables)) {
    state.issues.push({ ...error("tables", "tables maps a table name to a CSV file", `known tables: ${Object.keys(TABLES).join(", ")}`), file: path });
    return;
  }
  for (const [name, rel] of Object.entries(tables)) {
    if (!(name in TABLES)) {
      state.issues.push({ ...error(`tables.${name}`, `unknown table \`${name}\``, suggestId(name, Object.keys(TABLES), "tables")), file: path });
      continue;
    }
    const file = reader.resolve(path, String(rel));
    const refused = refusal(String(rel), file, reader, `tables.${name}`, path);
    if (refused) {
      state.issues.push(refused);
      continue;
    }
    const text = reader.read(file);
    if (text === undefined) {
      state.issues.push({ ...error(`tables.${name}`, `cannot read ${file}`, "paths are relative to the scenario file"), file: path });
      continue;
    }
    state.files.push(file);
    const csv = parseCsv(text, file);
    state.issues.push(...csv.issues, ...applyTable(doc, name as TableName, csv.rows, file));
  }
}
