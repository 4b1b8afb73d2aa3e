import { hasErrors, type Issue, loadScenario, memoryReader, type Scenario } from "@tieup/core";
import { type Calibration, prepareCalibration } from "../jobs/calibrate.js";
import { type Job, RUN_PARAMS, type RunKind } from "../jobs/kinds.js";
import type { Store, Version } from "../store/store.js";

interface Validated {
  scenario?: Scenario;
  issues: Issue[];
  /** The overrides the scenario defines, by name. */
  overrides: Record<string, string>;
}

/**
 * Versions never change, so a version's composition and validation with a
 * given list of overrides is done once and kept (the default scenario takes
 * about 170 ms, on the thread that answers every request); the last 16 are
 * kept.
 */
const validations = new Map<string, Validated>();
const KEPT = 16;

export function validate(v: Version, withOverrides: readonly string[]): Validated {
  const key = JSON.stringify([v.checksum, withOverrides]);
  let hit = validations.get(key);
  if (hit) validations.delete(key);
  else {
    const loaded = loadScenario(v.entry, memoryReader(v.files), { overrides: withOverrides });
    hit = {
      ...(loaded.scenario && !hasErrors(loaded.issues) ? { scenario: loaded.scenario } : {}),
      issues: loaded.issues,
      overrides: loaded.overrides,
    };
  }
  // Re-inserted last: the Map's order is the order of use, its first key the least recently used.
  validations.set(key, hit);
  if (validations.size > KEPT) validations.delete(validations.keys().next().value as string);
  return hit;
}

/** A version's validation issues (none when it composes and validates cleanly). */
export function issuesOf(v: Version): Issue[] {
  return validate(v, []).issues;
}

type Prepared = { job: Job; version: number } | { status: 400 | 404 | 422; issues: Issue[] };

/**
 * The job of a run request, checked before it is queued: parameters against
 * the kind's schema, the versions exist, and the scenario (with its
 * overrides) validates; a bad request is a 4xx now, not a failed run later.
 * The worker gets the validated scenarios and does not compose them again.
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
  let against = version;
  if (params.against?.version !== undefined) {
    const v = await store.getVersion(id, params.against.version);
    if (!v)
      return {
        status: 404,
        issues: [{ severity: "error", path: "params.against.version", message: `no version ${params.against.version} of \`${id}\``, suggestion: "" }],
      };
    against = v;
  }
  const own = validate(version, params.with);
  if (!own.scenario) return { status: 422, issues: own.issues };
  const other = params.against ? validate(against, params.against.with) : undefined;
  if (other && !other.scenario) return { status: 422, issues: other.issues };
  let calibration: Calibration | undefined;
  if (kind === "calibrate") {
    const c = prepareCalibration(version.files, version.entry, own.scenario, own.overrides, params.targets as string | undefined, (names) =>
      validate(version, names),
    );
    if ("issues" in c) return { status: 422, issues: c.issues };
    calibration = c.calibration;
  }
  const job: Job = {
    kind: kind as RunKind,
    scenario: own.scenario,
    ...(other?.scenario ? { other: other.scenario } : {}),
    params,
    ...(calibration ? { calibration } : {}),
  };
  return { job, version: number };
}
