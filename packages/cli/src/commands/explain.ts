import { type Citation, didYouMean, formatPath } from "@tieup/core";
import { type Claim, formatClaim, type Source, supersession } from "@tieup/evidence";
import { CLAIM_PREFIX, registryNear } from "../evidence/warnings.js";
import { InputError } from "../io/errors.js";
import { emit, guardOut, printIssues } from "../io/output.js";
import { markdownTable, textTable } from "../report/format.js";
import { type Loaded, loadScenario } from "../scenario/load.js";

export interface ExplainOptions {
  with: string[];
  format: "table" | "json" | "csv" | "md" | "xlsx";
  out?: string;
}

/** `tieup run --explain <path>`: a parameter's value, the claim it cites, that claim's source and date, and whether it still stands. */
export function explainCommand(scenarioPath: string | undefined, path: string, opts: ExplainOptions): void {
  const loaded = loadScenario(scenarioPath, opts.with);
  guardOut(opts.out, loaded.files);
  printIssues(loaded.issues.filter((i) => i.severity === "warning"));
  const at = resolvePath(loaded.scenario, path);
  const canonical = formatPath(at);
  const citation = loaded.citations.find((c) => c.path === canonical);
  if (!citation) throw noCitation(path, canonical, loaded.citations);
  const value = valueAt(loaded.scenario, at);
  const fields: [string, string][] = [
    ["path", canonical],
    ["value", typeof value === "number" ? String(value) : JSON.stringify(value)],
    ...(citation.value !== undefined ? ([["as written", JSON.stringify(citation.value)]] as [string, string][]) : []),
    ["cites", citation.source],
    ...(citation.note ? ([["note", citation.note]] as [string, string][]) : []),
    ...claimFields(citation, loaded),
  ];
  emit(render(fields, opts.format), opts.out);
}

function claimFields(citation: Citation, loaded: Loaded): [string, string][] {
  if (!citation.source.startsWith(CLAIM_PREFIX)) return [["claim", "none: this citation is a data row or an assumption, not a dated claim"]];
  const id = citation.source.slice(CLAIM_PREFIX.length);
  const { loaded: reg } = registryNear(loaded.files);
  const claim = reg?.registry.claims.get(id);
  if (!reg || !claim) return [["claim", `${id} (not found in data/evidence/claims.csv near the scenario)`]];
  const source = reg.registry.sources.get(claim.source) as Source;
  const entry = supersession(id, reg.registry.claims.values());
  const later = entry?.supersededBy ? reg.registry.claims.get(entry.supersededBy) : undefined;
  return [
    ["claim", `${claim.id}: ${claim.subject ?? "?"} · ${claim.metric ?? "?"}${claim.period ? ` · ${claim.period}` : ""} = ${formatClaim(claim)}`],
    ["as of", claim.asOf],
    ["source", `${source.title} (${source.publisher}, ${source.published})`],
    ["url", source.url],
    ...(claim.quote ? ([["quote", claim.quote]] as [string, string][]) : []),
    ...(claim.note ? ([["claim note", claim.note]] as [string, string][]) : []),
    ["status", statusOf(entry?.status, later, entry?.conflictsWith)],
  ];
}

function statusOf(status: string | undefined, later: Claim | undefined, rivals: string[] | undefined): string {
  if (status === "superseded" && later) return `SUPERSEDED by ${later.id}: ${formatClaim(later)} as of ${later.asOf}`;
  if (status === "conflict") return `CONFLICT: claims of the same date disagree (${rivals?.join(", ")})`;
  return "current: no later claim on the same subject, metric and period";
}

function render(fields: [string, string][], format: ExplainOptions["format"]): string {
  if (format === "json") return `${JSON.stringify(Object.fromEntries(fields), null, 2)}\n`;
  if (format === "csv") return `${["field,value", ...fields.map(([k, v]) => `${k},${/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v}`)].join("\n")}\n`;
  if (format === "md") return `${markdownTable(["field", "value"], fields)}\n`;
  return `${textTable(["field", "value"], fields, ["l", "l"])}\n`;
}

/**
 * A scenario path in either of the CLI's spellings, by index
 * (`plants[3].capacity`) or by id (`plants.canton.capacity`), as the list
 * of keys and indices into the scenario.
 */
export function resolvePath(scenario: unknown, path: string): PropertyKey[] {
  const parts = path.match(/[^.[\]]+|\[\d+\]/g) ?? [];
  const out: PropertyKey[] = [];
  let node: unknown = scenario;
  for (const raw of parts) {
    const part = raw.replace(/^\[|\]$/g, "").replace(/^"|"$/g, "");
    if (Array.isArray(node)) {
      const i = /^\d+$/.test(part) ? Number(part) : node.findIndex((x) => (x as { id?: unknown } | null)?.id === part);
      if (i < 0 || i >= node.length)
        throw badPath(
          path,
          formatPath(out),
          node.map((x, k) => String((x as { id?: unknown } | null)?.id ?? k)),
          "ids",
        );
      out.push(i);
      node = node[i];
    } else if (node !== null && typeof node === "object" && part in node) {
      out.push(part);
      node = (node as Record<string, unknown>)[part];
    } else throw badPath(path, formatPath(out), node !== null && typeof node === "object" ? Object.keys(node) : [], "keys");
  }
  return out;
}

function valueAt(scenario: unknown, at: PropertyKey[]): unknown {
  return at.reduce<unknown>((n, k) => (n as Record<PropertyKey, unknown>)[k], scenario);
}

function badPath(path: string, upTo: string, known: string[], kind: string): InputError {
  const hint = known.length ? `${kind} under ${upTo}: ${known.slice(0, 12).join(", ")}${known.length > 12 ? ", …" : ""}` : `${upTo} has nothing under it`;
  return new InputError([{ severity: "error", path: "--explain", message: `\`${path}\` is not a path of the scenario`, suggestion: hint }]);
}

function noCitation(path: string, canonical: string, citations: readonly Citation[]): InputError {
  const under = citations.filter((c) => c.path.startsWith(canonical)).map((c) => c.path);
  const near = didYouMean(
    canonical,
    citations.map((c) => c.path),
  );
  const suggestion = under.length
    ? `cited values under it: ${under.slice(0, 8).join(", ")}`
    : near
      ? `did you mean \`${near}\`?`
      : "cite it with { value, source } in the scenario";
  return new InputError([{ severity: "error", path: "--explain", message: `\`${path}\` (${canonical}) cites no source`, suggestion }]);
}
