import type { Issue } from "@tieup/core";
import type { FileDiff, RunInfo, RunStatus, ScenarioInfo, Version, VersionInfo } from "@tieup/server/shapes";
import { authFetch } from "./auth.js";

// The API's records, from the server itself (type-only: nothing of the server is bundled), so the client cannot drift from it.
export type { FileDiff, RunInfo, RunStatus, ScenarioInfo, Version, VersionInfo } from "@tieup/server/shapes";

/** A refusal from the API: its status and the path-named issues it gave. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly issues: Issue[],
  ) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join("; ") || `the workspace answered ${status}`);
  }
}

export const isActive = (s: RunStatus) => s === "queued" || s === "running";

/**
 * The workspace API as the app uses it. Relative URLs, so the app works
 * wherever `tieup serve` mounts it; every change carries the If-Match of the
 * version it was based on, so a stale save is refused rather than applied.
 */
export class WorkspaceApi {
  constructor(private readonly fetcher: typeof fetch = authFetch) {}

  scenarios = () => this.call<ScenarioInfo[]>("GET", "api/scenarios");
  scenario = (id: string) => this.call<ScenarioInfo>("GET", `api/scenarios/${enc(id)}`);
  versions = (id: string) => this.call<VersionInfo[]>("GET", `api/scenarios/${enc(id)}/versions`);
  version = (id: string, n: number) => this.call<Version>("GET", `api/scenarios/${enc(id)}/versions/${n}`);
  diff = (id: string, from: number, to: number) =>
    this.call<{ files: FileDiff[] }>("GET", `api/scenarios/${enc(id)}/diff?from=${from}&to=${to}`).then((d) => d.files);
  runs = (id: string) => this.call<RunInfo[]>("GET", `api/scenarios/${enc(id)}/runs`);
  run = (runId: string) => this.call<RunInfo>("GET", `api/runs/${enc(runId)}`);
  cancel = (runId: string) => this.call<RunInfo>("POST", `api/runs/${enc(runId)}/cancel`);

  create(body: { id: string; title: string; entry: string; files: Record<string, string>; message: string }) {
    return this.call<VersionInfo>("POST", "api/scenarios", body);
  }

  /** Saves the changed files as the version after `base`; 412 when someone saved after `base`. */
  save(id: string, base: number, set: Record<string, string>, message: string) {
    return this.call<VersionInfo>("PATCH", `api/scenarios/${enc(id)}/files`, { set, message }, base);
  }

  startRun(id: string, kind: string, version: number, params: Record<string, unknown>) {
    return this.call<RunInfo>("POST", `api/scenarios/${enc(id)}/runs`, { kind, version, params });
  }

  private async call<T>(method: string, url: string, body?: unknown, base?: number): Promise<T> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (base !== undefined) headers["if-match"] = `"v${base}"`;
    const res = await this.fetcher(url, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const payload: unknown = await res.json().catch(() => undefined);
    if (!res.ok) throw new ApiError(res.status, issuesOf(payload, res.status));
    return payload as T;
  }
}

function issuesOf(payload: unknown, status: number): Issue[] {
  const list = (payload as { errors?: unknown } | undefined)?.errors;
  if (Array.isArray(list)) return list as Issue[];
  return [{ severity: "error", path: "(workspace)", message: `the workspace answered ${status}` }];
}

const enc = encodeURIComponent;
