import { locateIssue } from "../compose/locate.js";
import { type Citation, checkCitations, collectCitations } from "../compose/provenance.js";
import { composeScenario, type FileReader } from "../compose/resolve.js";
import { error, hasErrors, type Issue } from "../issues/issue.js";
import type { Scenario } from "../scenario/schema.js";
import { ENTITY_LISTS } from "../scenario/schema.js";
import { validateScenario } from "../validate/index.js";

/** A further check of a scenario's citations (the CLI's: claims the evidence registry has superseded). */
export type CitationCheck = (citations: readonly Citation[], files: readonly string[], reader: FileReader) => Issue[];

export interface LoadOptions {
  /** Named overrides to apply, in order (`--with`). */
  overrides?: readonly string[];
  /** Checks of the citations beyond "the cited row exists". */
  citationChecks?: readonly CitationCheck[];
  /** The most entities a list (plants, programs, …) may hold: beyond it the scenario is refused before it is validated. */
  maxEntities?: number;
}

/** Far above any real case (the 1M-flow benchmark has 2,500 programs), far below what exhausts memory. */
export const DEFAULT_MAX_ENTITIES = 50_000;

/** A loaded scenario: valid when `scenario` is set; `issues` hold every error and warning with its path (and file). */
export interface Loaded {
  entry: string;
  scenario?: Scenario;
  issues: Issue[];
  /** Every file read, the entry first. */
  files: string[];
  /** Named overrides the scenario offers: name → file. */
  overrides: Record<string, string>;
  citations: Citation[];
}

/**
 * The one way to read a scenario, whatever the files live in (Node's file
 * system, the browser's bundle, a database, memory): compose the entry with
 * its bases, tables and overrides; validate; check the citations. Never
 * throws on bad input: the issues say what is wrong and where.
 */
export function loadScenario(entry: string, reader: FileReader, options: LoadOptions = {}): Loaded {
  const composed = composeScenario(entry, reader, options.overrides ?? []);
  const base = { entry, files: composed.files, overrides: composed.overrides, citations: [] as Citation[] };
  if (!composed.doc || hasErrors(composed.issues)) return { ...base, issues: composed.issues };
  const tooMany = entityLimitIssues(composed.doc, options.maxEntities ?? DEFAULT_MAX_ENTITIES);
  if (tooMany.length > 0) return { ...base, issues: [...composed.issues, ...tooMany] };
  const checked = validateScenario(composed.doc);
  // An issue of the merged document names the base or override file that wrote it, at its own index there.
  const issues = [...composed.issues, ...checked.issues.map((i) => locateIssue(i, composed))];
  if (!checked.scenario) return { ...base, issues };
  const citations = collectCitations(composed.doc);
  const cited = [
    ...checkCitations(citations, composed.files, reader),
    ...(options.citationChecks ?? []).flatMap((check) => check(citations, composed.files, reader)),
  ];
  issues.push(...cited.map((i) => locateIssue(i, composed)));
  return { ...base, scenario: checked.scenario, issues, citations };
}

/** Entity lists longer than the limit, each an error at its path. */
function entityLimitIssues(doc: Record<string, unknown>, max: number): Issue[] {
  const issues: Issue[] = [];
  for (const list of ENTITY_LISTS) {
    const items = doc[list];
    if (Array.isArray(items) && items.length > max)
      issues.push(
        error(
          list,
          `${items.length.toLocaleString("en-US")} ${list}, more than the ${max.toLocaleString("en-US")} a scenario may have`,
          "split the scenario, or raise the limit with --max-entities",
        ),
      );
  }
  return issues;
}
