import type { OpenAPIHono } from "@hono/zod-openapi";
import { LOOPBACK_HOSTS } from "./api/access.js";
import { createApp } from "./api/app.js";
import { JobRunner } from "./jobs/runner.js";
import { type Files, Store } from "./store/store.js";

export interface WorkspaceOptions {
  /** A SQLite file or a postgres:// URL. */
  db: string;
  /** Bound beyond loopback: every request needs a token. */
  requireToken?: boolean;
  /** Host names to answer to besides the loopback names. */
  allowHosts?: readonly string[];
  /** Runs at a time (default: CPUs − 1, at least 1). */
  concurrency?: number;
}

export interface Workspace {
  app: OpenAPIHono;
  store: Store;
  runner: JobRunner;
  close(): Promise<void>;
}

/** Opens the store (migrating it), marks runs a previous server left unfinished, and builds the API over it. */
export async function openWorkspace(opts: WorkspaceOptions): Promise<Workspace> {
  const store = await Store.open(opts.db);
  await store.markInterrupted();
  const runner = new JobRunner(store, opts.concurrency);
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
