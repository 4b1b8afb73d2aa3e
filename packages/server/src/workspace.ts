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

/** Stores a scenario's files as a new scenario unless one with this id exists; true when it was added. */
export async function seedScenario(store: Store, id: string, title: string, entry: string, files: Files): Promise<boolean> {
  if (await store.getScenario(id)) return false;
  await store.createScenario(id, title, { entry, files, message: "imported" });
  return true;
}
