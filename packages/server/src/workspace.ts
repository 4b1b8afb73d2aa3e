import type { OpenAPIHono } from "@hono/zod-openapi";
import { LOOPBACK_HOSTS } from "./api/access.js";
import { createApp } from "./api/app.js";
import type { Jobs } from "./jobs/jobs.js";
import { QueueJobs } from "./jobs/queue.js";
import { JobRunner } from "./jobs/runner.js";
import { type Files, Store } from "./store/store.js";

export interface WorkspaceOptions {
  /** A SQLite file or a postgres:// URL. */
  db: string;
  /** Bound beyond loopback: every request needs a token. */
  requireToken?: boolean;
  /** Host names to answer to besides the loopback names. */
  allowHosts?: readonly string[];
  /** Runs at a time on this machine's threads (default: CPUs − 1, at least 1); without `queue`. */
  concurrency?: number;
  /** A redis:// URL: runs go onto a BullMQ queue there, for `tieup worker` processes. */
  queue?: string;
  /** With `queue`: draws per chunk of a sweep (default 200). */
  chunk?: number;
  /** Where the queue reports trouble (Redis gone, reconnecting). */
  log?: (line: string) => void;
}

export interface Workspace {
  app: OpenAPIHono;
  store: Store;
  runner: Jobs;
  close(): Promise<void>;
}

/** Opens the store (migrating it), marks runs a previous server left unfinished, and builds the API over it. */
export async function openWorkspace(opts: WorkspaceOptions): Promise<Workspace> {
  const store = await Store.open(opts.db);
  await store.markInterrupted();
  let runner: Jobs;
  try {
    runner = opts.queue ? await QueueJobs.open(store, opts.queue, opts.chunk, opts.log) : new JobRunner(store, opts.concurrency);
  } catch (e) {
    await store.close();
    throw e;
  }
  const hosts = new Set([...LOOPBACK_HOSTS, ...(opts.allowHosts ?? []).map((h) => h.toLowerCase())]);
  const app = createApp({ store, runner, access: { hosts, requireToken: opts.requireToken === true } });
  return {
    app,
    store,
    runner,
    close: async () => {
      await runner.close();
      await store.close();
    },
  };
}

/**
 * Stores the scenario `tieup serve` was given: a new scenario when the id is
 * new; a new version when the file on disk changed since it was last
 * imported; nothing otherwise, so versions saved in the workspace since
 * stay the latest when the server restarts on the same file.
 */
export async function seedScenario(
  store: Store,
  id: string,
  title: string,
  entry: string,
  files: Files,
): Promise<{ head: number; written: "created" | "updated" | false }> {
  const info = await store.getScenario(id);
  if (!info) return { head: (await store.createScenario(id, title, { entry, files, message: IMPORTED })).number, written: "created" };
  const imported = (await store.listVersions(id)).filter((v) => v.message.startsWith(IMPORTED)).at(-1);
  const last = imported && (await store.getVersion(id, imported.number));
  if (last && last.entry === entry && sameFiles(last.files, files)) return { head: info.head, written: false };
  const message = `${IMPORTED}: the served file changed on disk${last ? ` since v${last.number}` : ""}`;
  return { head: (await store.saveVersion(id, info.head, { entry, files, message })).number, written: "updated" };
}

const IMPORTED = "imported";

function sameFiles(a: Files, b: Files): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}
