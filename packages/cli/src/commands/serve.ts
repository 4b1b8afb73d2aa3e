import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { getRequestListener } from "@hono/node-server";
import {
  DEFAULT_CHUNK,
  engineOf,
  isLoopback,
  openWorkspace,
  QueueUnavailable,
  redact,
  seedScenario,
  type Workspace,
  type WorkspaceOptions,
} from "@tieup/server";
import { type Command, InvalidArgumentError } from "commander";
import { InputError } from "../io/errors.js";
import { printIssues } from "../io/output.js";
import { scenarioPayload } from "../serve/payload.js";
import { type Served, startServer, webAppDir } from "../serve/server.js";

/** Where the workspace keeps its scenarios when --db is not given: a SQLite file under the current folder. */
export const DEFAULT_DB = ".tieup/workspace.sqlite";

export interface ServeOptions {
  port: number;
  allowHost?: string[];
  db?: string;
  host?: string;
  queue?: string;
  chunk?: number;
}

/** Adds the `serve` command(s) to the program. */
export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("open the web workspace with the scenario loaded, and the workspace API (stored scenarios, versions, runs) at /api and /openapi.json")
    .argument("[scenario]", "scenario file (default: the built-in scenario); stored in the workspace under its id if not there yet")
    .option("--port <n>", "port to listen on (0 picks a free one)", parsePort, 5174)
    .option("--db <path|url>", `the workspace's store: a SQLite file or postgres://… (default: ${DEFAULT_DB})`)
    .option("--host <address>", "address to bind (default 127.0.0.1); any other requires tokens (tieup token create)", "127.0.0.1")
    .option("--allow-host <name>", "also answer requests whose Host header is this name (repeatable); loopback names only by default", collectHosts, [])
    .option("--queue <redis-url>", "put runs on a BullMQ queue in this Redis, for `tieup worker` processes (default: this machine's threads)", redisUrl)
    .option("--chunk <draws>", `with --queue: draws per chunk of a sweep (default ${DEFAULT_CHUNK})`, chunkSize)
    .action((scenario: string | undefined, opts: ServeOptions) => serveCommand(scenario, opts));
}

function collectHosts(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** A redis:// or rediss:// URL, checked before anything opens. */
export function redisUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError("give a Redis URL, e.g. redis://127.0.0.1:6379");
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") throw new InvalidArgumentError("a queue is a redis:// or rediss:// URL");
  return value;
}

function chunkSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new InvalidArgumentError("draws per chunk: a whole number from 1 to 100,000");
  return n;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("a port is a whole number from 0 to 65535");
  return n;
}

/** Opens a workspace store, creating the folder of a SQLite file; a store that cannot be opened is bad input (exit 2). */
export async function openStoreFor(db: string | undefined, extra: Omit<WorkspaceOptions, "db"> = {}): Promise<Workspace> {
  const url = db ?? DEFAULT_DB;
  if (engineOf(url) === "sqlite") mkdirSync(dirname(url), { recursive: true });
  try {
    return await openWorkspace({ db: url, ...extra });
  } catch (e) {
    if (e instanceof QueueUnavailable)
      throw new InputError([
        {
          severity: "error",
          path: "--queue",
          message: e.message,
          suggestion: "start Redis (5 or later) there, or check the URL; without --queue runs use this machine's threads",
        },
      ]);
    throw new InputError([
      {
        severity: "error",
        path: "--db",
        message: `cannot open the store ${redact(url)}: ${(e as Error).message}`,
        suggestion: "give a writable SQLite file or a reachable postgres:// URL",
      },
    ]);
  }
}

/** Until Ctrl-C (or `until` settles, for tests): serves the app, the scenario and the API, then closes. */
export async function serveCommand(
  scenario: string | undefined,
  opts: ServeOptions,
  until: Promise<unknown> = interrupted(),
  root = webAppDir(),
): Promise<void> {
  const running = await startWorkspace(scenario, opts, root);
  const { served, stored } = running;
  const requireToken = !isLoopback(opts.host ?? "127.0.0.1");
  const store = redact(opts.db ?? DEFAULT_DB);
  const version = `${stored.id} v${stored.head}${stored.written === "updated" ? ", stored now: the file differed from the latest version" : stored.written === "created" ? ", stored now" : ""}`;
  process.stdout.write(
    `tieup workspace for ${version} at ${served.url} (store: ${store}; runs: ${opts.queue ? `queue ${redact(opts.queue)}` : "threads"}; API: ${served.url}api/docs${requireToken ? "; tokens required" : ""})\nPress Ctrl-C to stop.\n`,
  );
  await until;
  await running.close();
}

export interface RunningWorkspace {
  served: Served;
  ws: Workspace;
  /** The served scenario as stored: its id and latest version. */
  stored: { id: string; head: number; written: "created" | "updated" | false };
  close(): Promise<void>;
}

/**
 * Opens the store, stores the scenario (a new version when the file changed
 * since), and serves the app with the API beside it; the e2e tests start the
 * workspace through this too, so they drive what users run.
 */
export async function startWorkspace(scenario: string | undefined, opts: ServeOptions, root = webAppDir()): Promise<RunningWorkspace> {
  const { loaded, payload } = scenarioPayload(scenario);
  printIssues(loaded.issues.filter((i) => i.severity === "warning"));
  if (!existsSync(join(root, "index.html")))
    throw new InputError([
      { severity: "error", path: "(web app)", message: "the web app is not built", suggestion: "run `npm run build` at the repository root" },
    ]);
  const bind = opts.host ?? "127.0.0.1";
  const ws = await openStoreFor(opts.db, {
    requireToken: !isLoopback(bind),
    allowHosts: opts.allowHost ?? [],
    ...(opts.queue ? { queue: opts.queue, log: (line: string) => process.stderr.write(`${line}\n`) } : {}),
    ...(opts.chunk ? { chunk: opts.chunk } : {}),
  });
  try {
    const seeded = await seedScenario(ws.store, loaded.scenario.id, loaded.scenario.title ?? "", payload.entry, payload.files);
    const stored = { id: loaded.scenario.id, ...seeded };
    // The web app's scenario, behind the same checks as the rest of the API; `stored` lets the app open its latest version.
    ws.app.get("/api/scenario", (c) => c.json({ ...payload, stored: { id: stored.id } }, 200, { "cache-control": "no-store" }));
    const served = await startServer(root, payload, opts.port, opts.allowHost ?? [], getRequestListener(ws.app.fetch), bind);
    return {
      served,
      ws,
      stored,
      close: async () => {
        await served.close();
        await ws.close();
      },
    };
  } catch (e) {
    await ws.close();
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError([
      {
        severity: "error",
        path: "--port",
        message: `cannot listen on ${bind}:${opts.port} (${code ?? (e as Error).message})`,
        suggestion: "pick another port, e.g. --port 0",
      },
    ]);
  }
}

export function interrupted(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      done();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
