import type { Issue } from "@tieup/core";
import { type Job, RUN_PARAMS, type RunKind, ScenarioIssues, type Source, scenarioOf } from "../jobs/kinds.js";
import type { Store, Version } from "../store/store.js";

/** A version's validation issues (none when it composes and validates cleanly). */
export function issuesOf(v: Version): Issue[] {
  try {
    return scenarioOf(v, []).issues;
  } catch (e) {
    if (e instanceof ScenarioIssues) return e.issues;
    throw e;
  }
}

type Prepared = { job: Job; version: number } | { status: 400 | 404 | 422; issues: Issue[] };

/**
 * The job of a run request, checked before it is queued: parameters against
 * the kind's schema, the versions exist, and the scenario (with its
 * overrides) validates; a bad request is a 4xx now, not a failed run later.
 */
export async function jobFor(store: Store, id: string, number: number, kind: string, raw: unknown): Promise<Prepared> {
  const parsed = RUN_PARAMS[kind as RunKind].safeParse(raw);
  if (!parsed.success)
    return {
      status: 400,
      issues: parsed.error.issues.map((i) => ({
        severity: "error",
        path: ["params", ...i.path.map(String)].join("."),
        message: i.message,
        suggestion: `parameters of ${kind}: ${Object.keys(RUN_PARAMS[kind as RunKind].shape).join(", ")}`,
      })),
    };
  const params = parsed.data as Record<string, unknown> & { with: string[]; against?: { version?: number; with: string[] } };
  const version = await store.getVersion(id, number);
  if (!version) return { status: 404, issues: [{ severity: "error", path: "version", message: `no version ${number} of \`${id}\``, suggestion: "" }] };
  const source: Source = { entry: version.entry, files: version.files };
  let other: Source | undefined;
  if (params.against?.version !== undefined) {
    const v = await store.getVersion(id, params.against.version);
    if (!v)
      return {
        status: 404,
        issues: [{ severity: "error", path: "params.against.version", message: `no version ${params.against.version} of \`${id}\``, suggestion: "" }],
      };
    other = { entry: v.entry, files: v.files };
  }
  try {
    scenarioOf(source, params.with);
    if (params.against) scenarioOf(other ?? source, params.against.with);
  } catch (e) {
    if (e instanceof ScenarioIssues) return { status: 422, issues: e.issues };
    throw e;
  }
  return { job: { kind: kind as RunKind, source, ...(other ? { other } : {}), params }, version: number };
}
