// The store's records as the API sends them. No imports: the web app reads these types too (type-only), so
// that its client cannot drift from the server it talks to.

/** A scenario's files: POSIX paths under its root → text. */
export type Files = Record<string, string>;

export interface ScenarioInfo {
  id: string;
  title: string;
  head: number;
  createdAt: string;
  updatedAt: string;
}

export interface VersionInfo {
  scenarioId: string;
  number: number;
  entry: string;
  message: string;
  checksum: string;
  createdAt: string;
}

export interface Version extends VersionInfo {
  files: Files;
}

export type RunStatus = "queued" | "running" | "done" | "failed" | "cancelled" | "interrupted";

export interface RunInfo {
  id: string;
  scenarioId: string;
  version: number;
  kind: string;
  params: unknown;
  status: RunStatus;
  progress: number;
  result?: unknown;
  error?: string;
  createdAt: string;
  finishedAt?: string;
}

/** One file's change between two versions: a unified diff of its text. */
export interface FileDiff {
  path: string;
  status: "added" | "removed" | "changed";
  patch: string;
}
