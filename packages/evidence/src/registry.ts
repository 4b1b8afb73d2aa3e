import { ROLES, type Role } from "./roles.js";
import type { Claim, EvidenceIssue, Source } from "./types.js";

// A time basis, a measure basis or both: "forecast", "net", "actual gross"; or an analysts' "consensus".
const BASIS = /^(?:(?:forecast|actual)(?: (?:gross|net))?|gross|net|consensus)$/;

/** Sources and the claims read from them, as loaded from data/evidence. */
export interface Registry {
  sources: Map<string, Source>;
  claims: Map<string, Claim>;
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const SCALE: Record<string, number> = { trillion: 1e12, billion: 1e9, bn: 1e9, million: 1e6, thousand: 1e3 };

/** A number as the registry writes it: "650 billion", "20,000", "-1.5". */
export function parseAmount(text: string): number | undefined {
  const m = /^\s*(-?[\d,]*\.?\d+)\s*([a-z]+)?\s*$/i.exec(text);
  if (!m) return undefined;
  const scale = m[2] ? SCALE[m[2].toLowerCase()] : 1;
  return scale === undefined ? undefined : Number((m[1] ?? "").replace(/,/g, "")) * scale;
}

/** Builds the registry from the rows of sources.csv and claims.csv, with every problem named by file, row and column. */
export function buildRegistry(
  sourceRows: readonly Record<string, string>[],
  claimRows: readonly Record<string, string>[],
  files = { sources: "sources.csv", claims: "claims.csv" },
): { registry: Registry; issues: EvidenceIssue[] } {
  const issues: EvidenceIssue[] = [];
  const sources = new Map<string, Source>();
  sourceRows.forEach((r, i) => {
    const at = `${files.sources}: row ${i + 2}`;
    if (!r.id) {
      issues.push({ severity: "error", path: `${at}.id`, message: "is empty" });
      return;
    }
    if (sources.has(r.id)) {
      issues.push({ severity: "error", path: `${at}.id`, message: `duplicate source id \`${r.id}\`` });
      return;
    }
    if (!DATE.test(r.published ?? ""))
      issues.push({
        severity: "error",
        path: `${at}.published`,
        message: `\`${r.published ?? ""}\` is not a date`,
        suggestion: "write YYYY-MM-DD (or YYYY-MM when the day is unknown)",
      });
    sources.set(r.id, { id: r.id, title: r.title ?? "", publisher: r.publisher ?? "", url: r.url ?? "", published: r.published ?? "" });
  });
  const claims = new Map<string, Claim>();
  claimRows.forEach((r, i) => {
    const c = claimFromRow(r, `${files.claims}: row ${i + 2}`, sources, issues);
    if (c && claims.has(c.id)) issues.push({ severity: "error", path: `${files.claims}: row ${i + 2}.id`, message: `duplicate claim id \`${c.id}\`` });
    else if (c) claims.set(c.id, c);
  });
  return { registry: { sources, claims }, issues };
}

function claimFromRow(r: Record<string, string>, at: string, sources: Map<string, Source>, issues: EvidenceIssue[]): Claim | undefined {
  const bad = (col: string, message: string, suggestion?: string) => {
    issues.push({ severity: "error", path: `${at}.${col}`, message, ...(suggestion ? { suggestion } : {}) });
    return undefined;
  };
  if (!r.id) return bad("id", "is empty");
  const value = parseAmount(r.value ?? "");
  if (value === undefined) return bad("value", `\`${r.value ?? ""}\` is not a number`, 'write e.g. "650 billion" or "57"');
  const optional = (col: "high" | "from") => (r[col] ? parseAmount(r[col] as string) : undefined);
  const high = optional("high");
  const from = optional("from");
  if (r.high && high === undefined) return bad("high", `\`${r.high}\` is not a number`);
  if (r.from && from === undefined) return bad("from", `\`${r.from}\` is not a number`);
  if (!DATE.test(r.as_of ?? "")) return bad("as_of", `\`${r.as_of ?? ""}\` is not a date`, "write YYYY-MM-DD, YYYY-MM or YYYY");
  if (!r.source || !sources.has(r.source)) return bad("source", `unknown source \`${r.source ?? ""}\``, "add it to sources.csv");
  if (!r.unit) return bad("unit", "is empty", 'a currency code (JPY), "%", or the counted noun (jobs)');
  if (r.role && !(ROLES as readonly string[]).includes(r.role)) return bad("role", `unknown role \`${r.role}\``, `one of ${ROLES.join(", ")}, or empty`);
  if (r.basis && !BASIS.test(r.basis))
    return bad("basis", `unknown basis \`${r.basis}\``, 'e.g. "forecast", "actual", "forecast gross", "actual net", "consensus", or empty');
  const opt = (k: "subject" | "metric" | "qualifier" | "period" | "basis" | "quote" | "note" | "segment") => (r[k] ? { [k]: r[k] } : {});
  return {
    id: r.id,
    value,
    unit: r.unit,
    asOf: r.as_of as string,
    source: r.source,
    ...(high !== undefined ? { high } : {}),
    ...(from !== undefined ? { from } : {}),
    ...opt("subject"),
    ...opt("metric"),
    ...opt("qualifier"),
    ...opt("period"),
    ...(r.role ? { role: r.role as Role } : {}),
    ...opt("basis"),
    ...opt("segment"),
    ...opt("quote"),
    ...opt("note"),
  };
}
