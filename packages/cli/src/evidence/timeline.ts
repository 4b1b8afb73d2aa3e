import type { Cell } from "@tieup/core";
import { suggestId } from "@tieup/core";
import { type Claim, formatClaim, metricById, type TimelineEntry, timeline } from "@tieup/evidence";
import { InputError } from "../io/errors.js";
import { emit } from "../io/output.js";
import { type Format, renderRows } from "./output.js";
import { defaultEvidenceDir, type LoadedRegistry, loadRegistry } from "./registry.js";

export interface TimelineCliOptions {
  period?: string;
  format: Format;
  out?: string;
  registry?: string;
}

const COLUMNS = ["subject", "metric", "period", "as of", "value", "status", "claim", "source"];

/** `tieup evidence timeline [subject] [metric]`: claims by as-of date, the latest superseding the earlier. */
export function timelineCommand(subject: string | undefined, metric: string | undefined, opts: TimelineCliOptions): void {
  const loaded = loadRegistry(opts.registry ?? defaultEvidenceDir());
  const all = [...loaded.registry.claims.values()];
  const subjectId = subject === undefined ? undefined : resolveSubject(subject, all, loaded);
  const ofSubject = all.filter((c) => subjectId === undefined || c.subject === subjectId);
  const metricId = metric === undefined ? undefined : resolveMetric(metric, ofSubject, subjectId);
  const chosen = ofSubject.filter((c) => (metricId === undefined || c.metric === metricId) && (opts.period === undefined || c.period === opts.period));
  if (chosen.length === 0)
    throw new InputError([
      {
        severity: "error",
        path: "--period",
        message: `no claim on ${subjectId ?? "any subject"} ${metricId ?? ""} for period ${opts.period}`,
        suggestion: `periods: ${[...new Set(ofSubject.map((c) => c.period ?? "(none)"))].join(", ")}`,
      },
    ]);
  const entries = timeline(chosen);
  const rows = entries.map((e) => row(e, loaded));
  const flat = opts.format === "json" || opts.format === "csv";
  emit(flat ? renderRows("timeline", COLUMNS, rows, opts.format) : grouped(entries, rows, opts.format), opts.out);
}

/** One block per figure (subject, metric, period), with what is current on top. */
function grouped(entries: TimelineEntry[], rows: Record<string, Cell>[], format: Format): string {
  const blocks: string[] = [];
  let i = 0;
  while (i < entries.length) {
    const first = entries[i] as TimelineEntry;
    let j = i;
    while (j < entries.length && sameFigure((entries[j] as TimelineEntry).claim, first.claim)) j++;
    const group = entries.slice(i, j);
    const current = group.filter((e) => e.status === "current").at(-1) ?? group.at(-1);
    const title = `${first.claim.subject ?? "?"} · ${first.claim.metric ?? "?"}${first.claim.period ? ` · ${first.claim.period}` : ""}`;
    const conflicts = group.filter((e) => e.status === "conflict").length;
    const head = format === "md" ? `### ${title}` : title;
    const summary = `${group.length} claim${group.length === 1 ? "" : "s"}; current: ${current ? `${formatClaim(current.claim)} as of ${current.claim.asOf}` : "–"}${conflicts ? `; ${conflicts} claims of the same date disagree` : ""}`;
    const cols = ["as of", "value", "status", "claim", "source"];
    blocks.push(`${head}\n${summary}\n\n${renderRows("timeline", cols, rows.slice(i, j), format)}`);
    i = j;
  }
  return blocks.join("\n");
}

const sameFigure = (a: Claim, b: Claim) => a.subject === b.subject && a.metric === b.metric && a.period === b.period;

function row(e: TimelineEntry, loaded: LoadedRegistry): Record<string, Cell> {
  const c = e.claim;
  const src = loaded.registry.sources.get(c.source);
  const disagree = e.conflictsWith ? `CONFLICT with ${e.conflictsWith.join(", ")}` : "";
  const status = e.status === "superseded" ? `superseded by ${e.supersededBy}${disagree ? `; ${disagree}` : ""}` : disagree || "current";
  return {
    subject: c.subject ?? "",
    metric: c.metric ?? "",
    period: c.period ?? "",
    "as of": c.asOf,
    value: formatClaim(c),
    status,
    claim: c.id,
    source: src ? `${src.publisher}, ${src.published}` : c.source,
  };
}

function resolveSubject(name: string, claims: Claim[], loaded: LoadedRegistry): string {
  const subjects = new Set(claims.map((c) => c.subject ?? "").filter(Boolean));
  const id = subjects.has(name) ? name : loaded.dictionary.lookup(name)?.id;
  if (id && subjects.has(id)) return id;
  throw new InputError([{ severity: "error", path: "subject", message: `no claim is about \`${name}\``, suggestion: suggestId(name, subjects, "subjects") }]);
}

function resolveMetric(name: string, claims: Claim[], subject: string | undefined): string {
  const metrics = new Set(claims.map((c) => c.metric ?? "").filter(Boolean));
  if (metrics.has(name)) return name;
  const byLabel = [...metrics].find((m) => metricById(m)?.label.toLowerCase() === name.toLowerCase());
  if (byLabel) return byLabel;
  throw new InputError([
    {
      severity: "error",
      path: "metric",
      message: `no claim on ${subject ?? "any subject"} has metric \`${name}\``,
      suggestion: suggestId(name, metrics, "metrics"),
    },
  ]);
}
