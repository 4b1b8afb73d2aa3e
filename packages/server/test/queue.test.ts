import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultUncertainPath } from "../../cli/src/commands/sweep.js";
import { scenarioPayload } from "../../cli/src/serve/payload.js";
import { openWorkspace, type Workspace } from "../src/index.js";
import { ENGINES } from "./engines.js";

/**
 * The queue against a real Redis: TIEUP_TEST_REDIS names one (.ci/run starts
 * Debian's redis-server on loopback and sets it; TIEUP_REQUIRE_REDIS=1 makes
 * its absence a failure, not a skip). The workers are the built command
 * (`tieup worker`) in their own processes, as on other machines.
 */
const given = process.env.TIEUP_TEST_REDIS;
if (!given && process.env.TIEUP_REQUIRE_REDIS === "1") throw new Error("TIEUP_REQUIRE_REDIS=1 but TIEUP_TEST_REDIS is not set");

const CLI = fileURLToPath(new URL("../../cli/bin/tieup.js", import.meta.url));
const { payload } = scenarioPayload(defaultUncertainPath());
const base = scenarioPayload(undefined).payload;
type Run = { id: string; status: string; progress: number; result: Record<string, unknown> };

/** A database of its own on the Redis given, emptied first: the tests never meet another user's queue. */
function testUrl(base: string): string {
  const url = new URL(base);
  url.pathname = "/9";
  return url.toString();
}

function startWorker(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [CLI, "worker", "--queue", url, "--concurrency", "1"], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((ok, fail) => {
    let err = "";
    child.stderr?.on("data", (d: Buffer) => {
      err += d.toString();
    });
    child.stdout?.on("data", (d: Buffer) => {
      if (d.toString().includes("tieup worker on")) ok(child);
    });
    child.once("exit", (code) => fail(new Error(`tieup worker exited with ${code}: ${err}`)));
  });
}

describe.skipIf(!given)("runs on a Redis queue with two `tieup worker` processes", () => {
  const url = testUrl(given ?? "redis://127.0.0.1:6379");
  const workers: ChildProcess[] = [];
  let queued: Workspace;
  let local: Workspace;
  const drops: (() => Promise<void>)[] = [];

  const call = async (ws: Workspace, method: string, path: string, body?: unknown) => {
    const res = await ws.app.request(path, {
      method,
      headers: { host: "127.0.0.1", ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return (await res.json()) as Run;
  };
  const run = async (ws: Workspace, kind: string, params: unknown, id = "nh"): Promise<Run> => {
    const started = await call(ws, "POST", `/api/scenarios/${id}/runs`, { kind, params });
    await ws.runner.settled(started.id);
    return call(ws, "GET", `/api/runs/${started.id}`);
  };
  /** The queue's jobs of a run in the given states, read straight from Redis. */
  const jobsOf = async (runId: string, states: ("waiting" | "active" | "completed")[]) => {
    const connection = new Redis(url, { maxRetriesPerRequest: null });
    const queue = new Queue("tieup-runs", { connection });
    try {
      return (await queue.getJobs(states)).filter((j) => j.id?.startsWith(runId));
    } finally {
      await queue.close();
      connection.disconnect();
    }
  };
  const progressed = async (ws: Workspace, id: string) => {
    for (let k = 0; k < 600; k++) {
      if ((await call(ws, "GET", `/api/runs/${id}`)).progress > 0) return;
      await new Promise((ok) => setTimeout(ok, 50));
    }
    throw new Error("the run made no progress in 30 s");
  };

  beforeAll(async () => {
    const redis = new Redis(url);
    await redis.flushdb();
    redis.disconnect();
    workers.push(await startWorker(url), await startWorker(url));
    const [a, b] = [await ENGINES[0]?.fresh(), await ENGINES[0]?.fresh()];
    if (!a || !b) throw new Error("no store");
    drops.push(a.drop, b.drop);
    // Chunks of 30: the last one short (200 = 6 × 30 + 20), and not the in-process runner's slices of 25.
    queued = await openWorkspace({ db: a.url, queue: url, chunk: 30 });
    local = await openWorkspace({ db: b.url, concurrency: 1 });
    for (const ws of [queued, local]) {
      await call(ws, "POST", "/api/scenarios", { id: "nh", entry: payload.entry, files: payload.files });
      await call(ws, "POST", "/api/scenarios", { id: "base", entry: base.entry, files: base.files });
    }
  }, 60_000);

  afterAll(async () => {
    for (const w of workers) w.kill("SIGTERM");
    await queued?.close();
    await local?.close();
    for (const drop of drops) await drop();
  });

  it("gives the in-process runner's sweep exactly, with the same seed, whatever the chunks and workers", async () => {
    const [q, l] = await Promise.all([run(queued, "sweep", { draws: 200, seed: 11 }), run(local, "sweep", { draws: 200, seed: 11 })]);
    expect(q.status).toBe("done");
    expect(q.progress).toBe(1);
    expect(l.status).toBe("done");
    expect(q.result).toEqual(l.result);
    expect((q.result as { draws: number }).draws).toBe(200);
    // Both workers took chunks: the sweep was spread, not computed by one.
    const by = new Set((await jobsOf(q.id, ["completed"])).map((j) => j.processedBy));
    expect(by.size).toBe(2);
  }, 120_000);

  it("runs a whole run on a worker's thread too: the optimiser (HiGHS) and the calibration give the in-process answers", async () => {
    const [q, l] = await Promise.all([run(queued, "optimise", {}), run(local, "optimise", {})]);
    expect(q.status).toBe("done");
    expect(q.result).toEqual(l.result);
    const [qc, lc] = await Promise.all([run(queued, "calibrate", {}, "base"), run(local, "calibrate", {}, "base")]);
    expect(qc.status).toBe("done");
    expect(qc.result).toEqual(lc.result);
    expect((qc.result as { count: number }).count).toBeGreaterThan(10);
  }, 120_000);

  it("cancels a sweep: the chunks not started are dropped, the draws done in order are kept and equal a sweep of that many", async () => {
    const started = await call(queued, "POST", "/api/scenarios/nh/runs", { kind: "sweep", params: { draws: 3000, seed: 5 } });
    await progressed(queued, started.id);
    await call(queued, "POST", `/api/runs/${started.id}/cancel`);
    await queued.runner.settled(started.id);
    const q = await call(queued, "GET", `/api/runs/${started.id}`);
    expect(q.status).toBe("cancelled");
    const r = q.result as { draws: number; interrupted: boolean; requested: number; outputs: unknown; tables: unknown };
    expect(r.interrupted).toBe(true);
    expect(r.requested).toBe(3000);
    expect(r.draws % 30).toBe(0);
    expect(r.draws).toBeGreaterThan(0);
    expect(r.draws).toBeLessThan(3000);
    const l = await run(local, "sweep", { draws: r.draws, seed: 5 });
    expect(r.outputs).toEqual(l.result.outputs);
    expect(r.tables).toEqual(l.result.tables);
    // Nothing of it is left for the workers.
    expect(await jobsOf(started.id, ["waiting", "active"])).toEqual([]);
  }, 120_000);

  it("after a restart, marks the sweep a stopped server left interrupted and leaves none of its chunks on the queue", async () => {
    const db = await ENGINES[0]?.fresh();
    if (!db) throw new Error("no store");
    drops.push(db.drop);
    const first = await openWorkspace({ db: db.url, queue: url, chunk: 30 });
    await call(first, "POST", "/api/scenarios", { id: "nh", entry: payload.entry, files: payload.files });
    const started = await call(first, "POST", "/api/scenarios/nh/runs", { kind: "sweep", params: { draws: 3000, seed: 2 } });
    await progressed(first, started.id);
    await first.close();
    const again = await openWorkspace({ db: db.url, queue: url, chunk: 30 });
    try {
      expect((await call(again, "GET", `/api/runs/${started.id}`)).status).toBe("interrupted");
      expect(await jobsOf(started.id, ["waiting"])).toEqual([]);
    } finally {
      await again.close();
    }
  }, 120_000);

  it("finishes a sweep whose worker is killed mid-chunk: the chunk's lock lapses and another worker computes it", async () => {
    const started = await call(queued, "POST", "/api/scenarios/nh/runs", { kind: "sweep", params: { draws: 240, seed: 3 } });
    await progressed(queued, started.id);
    workers[0]?.kill("SIGKILL");
    await queued.runner.settled(started.id);
    const q = await call(queued, "GET", `/api/runs/${started.id}`);
    expect(q.status).toBe("done");
    const l = await run(local, "sweep", { draws: 240, seed: 3 });
    expect(q.result).toEqual(l.result);
  }, 180_000);
});
