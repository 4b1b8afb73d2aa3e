import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { type Cell, didYouMean, type Issue } from "@tieup/core";
import { type Extracted, type Extraction, extract, formatClaim } from "@tieup/evidence";
import { InputError } from "../io/errors.js";
import { displayPath } from "../io/files.js";
import { emit, printIssues } from "../io/output.js";
import { type Format, renderRows } from "./output.js";
import { asIssue, defaultEvidenceDir, loadRegistry } from "./registry.js";

export interface ExtractCliOptions {
  published?: string;
  format: Format;
  out?: string;
  registry?: string;
}

/** Bytes read from one file at most: the extractor caps text anyway, and reading a huge file whole would not help. */
const MAX_BYTES = 16 * 1024 * 1024;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `tieup evidence extract <files…>`: every figure of each file as a claim. */
export function extractCommand(files: string[], opts: ExtractCliOptions): void {
  if (opts.published !== undefined && !isCalendarDay(opts.published))
    throw new InputError([
      { severity: "error", path: "--published", message: `\`${opts.published}\` is not a date`, suggestion: "write YYYY-MM-DD, e.g. --published 2025-05-13" },
    ]);
  const { dictionary } = loadRegistry(opts.registry ?? defaultEvidenceDir());
  const results: (Extraction & { file: string })[] = [];
  const issues: Issue[] = [];
  const ids = new Set<string>();
  const unreadable = files.flatMap(unreadableFile);
  if (unreadable.length) throw new InputError(unreadable);
  for (const file of files) {
    const source = uniqueId(slug(basename(file)), ids);
    const x = extract(readCapped(file), { source, name: file, dictionary, ...(opts.published ? { published: opts.published } : {}) });
    issues.push(...x.issues.map(asIssue));
    results.push({ ...x, file });
  }
  if (issues.some((i) => i.severity === "error")) throw new InputError(issues);
  printIssues(issues);
  emit(render(results, opts.format), opts.out);
}

/** "2025-02-30" matches YYYY-MM-DD but is no day: Date.parse would roll it into March. */
function isCalendarDay(text: string): boolean {
  if (!ISO_DAY.test(text)) return false;
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Why a file argument cannot be read, named by its path, with a likely fix. */
function unreadableFile(file: string): Issue[] {
  const path = displayPath(file);
  if (!existsSync(file)) {
    const dir = dirname(file);
    const near = existsSync(dir) && statSync(dir).isDirectory() ? didYouMean(basename(file), readdirSync(dir)) : undefined;
    return [{ severity: "error", path, message: "was not found", suggestion: near ? `did you mean \`${join(dirname(path), near)}\`?` : "check the path" }];
  }
  if (statSync(file).isDirectory())
    return [{ severity: "error", path, message: "is a directory", suggestion: `pass the files in it, e.g. ${join(path, "*.txt")}` }];
  return [];
}

function readCapped(file: string): string {
  const size = statSync(file).size;
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.alloc(Math.min(size, MAX_BYTES));
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

const slug = (name: string) =>
  name
    .replace(/\.[^.]+$/, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "source";

function uniqueId(id: string, taken: Set<string>): string {
  let out = id;
  for (let n = 2; taken.has(out); n++) out = `${id}-${n}`;
  taken.add(out);
  return out;
}

const TABLE_COLUMNS = ["id", "subject", "metric", "role", "basis", "qualifier", "value", "unit", "period", "as of", "text"];
const CSV_COLUMNS = [
  "id",
  "subject",
  "metric",
  "value",
  "high",
  "from",
  "unit",
  "qualifier",
  "period",
  "as_of",
  "source",
  "fact",
  "quote",
  "note",
  "role",
  "basis",
  "segment",
];

function render(results: (Extraction & { file: string })[], format: Format): string {
  if (format === "json")
    return `${JSON.stringify(
      results.map((r) => ({ source: r.source, file: r.file, title: r.title ?? null, published: r.published ?? null, claims: r.claims })),
      null,
      2,
    )}\n`;
  const claims = results.flatMap((r) => r.claims);
  // CSV rows are in the registry's claims.csv layout, so reviewed rows can be appended to it.
  if (format === "csv") return renderRows("claims", CSV_COLUMNS, claims.map(csvRow), "csv");
  const head = results
    .map((r) => `${r.file}: ${r.title ? `"${r.title}", ` : ""}published ${r.published ?? "?"}, ${r.claims.length} figure${r.claims.length === 1 ? "" : "s"}`)
    .join("\n");
  return `${head}\n\n${renderRows("claims", TABLE_COLUMNS, claims.map(tableRow), format)}`;
}

function tableRow(c: Extracted): Record<string, Cell> {
  const { qualifier, ...bare } = c;
  return {
    id: c.id,
    subject: c.subject ?? "?",
    metric: c.metric ?? "?",
    role: c.role ?? "",
    basis: c.basis ?? "",
    qualifier: qualifier ?? "",
    value: formatClaim(bare),
    unit: c.unit,
    period: c.period ?? "",
    "as of": c.asOf,
    text: `"${c.text}" @${c.span?.[0] ?? ""}`,
  };
}

function csvRow(c: Extracted): Record<string, Cell> {
  const alt = c.alternates?.map((a) => `${a.value} ${a.unit}`).join("; ");
  return {
    id: c.id,
    subject: c.subject ?? "",
    metric: c.metric ?? "",
    value: c.value,
    high: c.high ?? "",
    from: c.from ?? "",
    unit: c.unit,
    qualifier: c.qualifier ?? "",
    period: c.period ?? "",
    as_of: c.asOf,
    source: c.source,
    fact: "",
    quote: c.quote ?? "",
    note: `span ${c.span?.join("-") ?? ""}${alt ? `; also ${alt}` : ""}`,
    role: c.role ?? "",
    basis: c.basis ?? "",
    segment: c.segment ?? "",
  };
}
