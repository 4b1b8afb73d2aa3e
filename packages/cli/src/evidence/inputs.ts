import { dirname, join } from "node:path";
import { type Citation, parseCsv } from "@tieup/core";
import { parse as parseYaml } from "yaml";
import { nodeReader } from "../io/files.js";
import { bold, type Sheet, text } from "../report/xlsx.js";
import { CLAIM_PREFIX, registryNear } from "./warnings.js";

/** A cited input with what its citation leads to: the page, its date and the confidence the data gives it. */
export interface Input {
  path: string;
  value: unknown;
  cites: string;
  /** What the cited row or assumption says it is ("sales revenue", an assumption's statement). */
  what: string;
  url: string;
  date: string;
  confidence: string;
  note: string;
}

/** How many folders above a scenario file a cited file is looked for, as the citation check does (the scenario's data/ and the project's). */
const LEVELS = 4;

type Rows = Map<string, Record<string, string>>;

/**
 * Each citation resolved to its source: a data/ row's source_url,
 * source_date and confidence; an assumption's statement and confidence; a
 * claim's source page and date; an inline citation's own address and date.
 * A citation that leads nowhere keeps blanks (validate warns of it).
 */
export function resolveInputs(citations: readonly Citation[], files: readonly string[]): Input[] {
  const cache = new Map<string, Rows>();
  const rowsOf = (file: string) => {
    if (!cache.has(file)) cache.set(file, nearestRows(file, files));
    return cache.get(file) as Rows;
  };
  const claims = citations.some((c) => c.source.startsWith(CLAIM_PREFIX)) ? registryNear(files).loaded?.registry : undefined;
  return citations.map((c) => {
    const base: Input = { path: c.path, value: c.value, cites: c.source, what: "", url: c.url ?? "", date: c.date ?? "", confidence: "", note: c.note ?? "" };
    if (c.url !== undefined) return base;
    const page = /^(https?:\S+)(?:\s+\(([^)]*)\))?$/.exec(c.source.trim());
    if (page) return { ...base, url: page[1] ?? "", date: page[2] ?? "" };
    if (c.source.startsWith(CLAIM_PREFIX)) {
      const claim = claims?.claims.get(c.source.slice(CLAIM_PREFIX.length).trim());
      const source = claim ? claims?.sources.get(claim.source) : undefined;
      if (!claim) return base;
      return { ...base, what: [claim.subject, claim.metric, claim.period].filter(Boolean).join(" · "), url: source?.url ?? "", date: claim.asOf };
    }
    const [file, id] = c.source.startsWith("assumption:")
      ? ["data/assumptions.yaml", c.source.slice("assumption:".length)]
      : (c.source.split("#") as [string, string | undefined]);
    const row = id === undefined ? undefined : rowsOf(file.trim()).get(id.trim());
    if (!row) return base;
    return {
      ...base,
      what: row.statement ?? row.metric ?? row.measure ?? row.plant_name ?? row.model ?? "",
      url: row.source_url ?? row["source_url(s)"] ?? "",
      date: row.source_date ?? row.announced_date ?? "",
      confidence: row.confidence ?? "",
    };
  });
}

/** The rows of a cited file by id, the nearest copy's row winning (a user's own file before the project's). */
function nearestRows(file: string, scenarioFiles: readonly string[]): Rows {
  const out: Rows = new Map();
  const seen = new Set<string>();
  for (const from of scenarioFiles)
    for (let up = 0, dir = dirname(from); up < LEVELS; up++, dir = dirname(dir)) {
      const path = join(dir, file);
      if (seen.has(path)) continue;
      seen.add(path);
      const text = nodeReader.read(path);
      if (text === undefined) continue;
      for (const [id, row] of file.endsWith(".csv") ? csvRows(text, path) : assumptionRows(text)) if (!out.has(id)) out.set(id, row);
    }
  return out;
}

function csvRows(text: string, path: string): [string, Record<string, string>][] {
  return parseCsv(text, path)
    .rows.filter((r) => r.id)
    .map((r) => [r.id as string, r]);
}

/** An assumptions file's entries as rows of text; one that cannot be read yields none. */
function assumptionRows(text: string): [string, Record<string, string>][] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch {
    return [];
  }
  const list = Array.isArray(doc) ? doc : (doc as { assumptions?: unknown } | null)?.assumptions;
  if (!Array.isArray(list)) return [];
  return list.flatMap((a): [string, Record<string, string>][] => {
    const o = a as Record<string, unknown> | null;
    if (typeof o?.id !== "string") return [];
    const text = (k: string) => (typeof o[k] === "string" ? (o[k] as string).trim() : "");
    return [[o.id, { statement: text("statement"), confidence: text("confidence") }]];
  });
}

/** Every cited input: its path, value as written, what it cites, and that source's page, date and confidence. */
export function inputsSheet(inputs: readonly Input[]): Sheet {
  return {
    name: "inputs",
    rows: [
      ["path", "value", "cites", "what", "source URL", "source date", "confidence", "note"].map(bold),
      ...inputs.map((i) => [i.path, i.value, i.cites, i.what, i.url, i.date, i.confidence, i.note].map(text)),
    ],
  };
}
