import { type Issue, SweepSummary } from "@tieup/core";
import { type Job as BullJob, Queue, QueueEvents } from "bullmq";
import type { Redis } from "ioredis";
import type { Store } from "../store/store.js";
import { ScenarioIssues } from "./common.js";
import type { Jobs } from "./jobs.js";
import { type Job, type SweepParams, sweepMetrics, sweepResult } from "./kinds.js";
import { connect, decodeRows, probe, QUEUE, type Task, type TaskResult } from "./redis.js";

/** Draws per chunk by default: a few seconds of one thread on the default scenario, so progress, cancel and a lost worker cost little. */
export const DEFAULT_CHUNK = 200;

const REMOVED = Symbol("removed");

interface Tracked {
  runId: string;
  jobs: BullJob<Task, TaskResult>[];
  /** Resolves a chunk's wait once it has been taken off the queue (cancel, or another chunk failed). */
  removed: Map<number, () => void>;
  finished: Set<number>;
  cancel: boolean;
  /** Set once the final status is being written: a late "active" event must not write "running" over it. */
  finishing?: boolean;
  /** The write of "running", which the final write must follow. */
  running?: Promise<void>;
  settled?: Promise<void>;
}

/**
 * Runs on a BullMQ queue in Redis, consumed by `tieup worker` processes on
 * any machine. A sweep goes out as chunks of draws; their rows come back in
 * any order and are fed to the statistics in draw order, so the result is
 * the in-process runner's whatever the number of workers or the chunk size
 * (each draw depends only on the seed and its index). Status, progress and
 * results go to the store as with the thread runner.
 */
export class QueueJobs implements Jobs {
  private readonly runs = new Map<string, Tracked>();
  private closing = false;

  private constructor(
    private readonly store: Store,
    private readonly queue: Queue<Task, TaskResult>,
    private readonly events: QueueEvents,
    private readonly connections: Redis[],
    readonly chunk: number,
  ) {}

  /** Connects (failing at once, with the reason, when Redis cannot be reached) and clears what a previous server left waiting. */
  static async open(store: Store, url: string, chunk = DEFAULT_CHUNK, log: (line: string) => void = () => {}): Promise<QueueJobs> {
    await probe(url);
    const connections = [connect(url), connect(url)];
    const [a, b] = connections as [Redis, Redis];
    const queue = new Queue<Task, TaskResult>(QUEUE, { connection: a });
    const events = new QueueEvents(QUEUE, { connection: b });
    // Every chunk waits on its own completion event, and on the queue's closing.
    queue.setMaxListeners(0);
    events.setMaxListeners(0);
    let lastError = "";
    const onError = (e: Error) => {
      if (e.message !== lastError) log(`queue: ${e.message}`);
      lastError = e.message;
    };
    queue.on("error", onError);
    events.on("error", onError);
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
    // The runs a previous server left are marked interrupted at start (Store.markInterrupted): their waiting chunks have no reader.
    await queue.drain();
    const jobs = new QueueJobs(store, queue, events, connections, chunk);
    events.on("active", ({ jobId }) => jobs.started(jobId));
    return jobs;
  }

  submit(runId: string, job: Job): void {
    const t: Tracked = { runId, jobs: [], removed: new Map(), finished: new Set(), cancel: false };
    this.runs.set(runId, t);
    t.settled = (job.kind === "sweep" ? this.sweep(t, job) : this.single(t, job))
      .catch((e: unknown) => this.finish(t, { status: "failed", error: `the run failed: ${(e as Error).message}` }))
      .finally(() => {
        this.runs.delete(runId);
      });
  }

  async cancel(runId: string): Promise<boolean> {
    const t = this.runs.get(runId);
    if (!t) return false;
    t.cancel = true;
    await this.removeWaiting(t);
    return true;
  }

  async settled(runId: string): Promise<void> {
    await this.runs.get(runId)?.settled;
  }

  /** Takes this server's waiting jobs off the queue and disconnects; its unfinished runs are marked interrupted at the next start. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.runs.values()].map((t) => this.removeWaiting(t, false)));
    await this.events.close();
    await this.queue.close();
    for (const c of this.connections) c.disconnect();
  }

  private started(jobId: string): void {
    const t = this.runs.get(jobId.slice(0, jobId.lastIndexOf("-")));
    if (!t || t.running || t.finishing) return;
    t.running = this.store.updateRun(t.runId, { status: "running" }).catch(() => {});
  }

  private async finish(t: Tracked, patch: Parameters<Store["updateRun"]>[1]): Promise<void> {
    if (this.closing) return;
    t.finishing = true;
    await t.running;
    await this.store.updateRun(t.runId, patch);
  }

  private async add(t: Tracked, tasks: { id: string; data: Task }[]): Promise<void> {
    // Kept a while after they finish, so a server that reconnects can still read a result; failed ones a day, for a look.
    const opts = { removeOnComplete: { age: 3600 }, removeOnFail: { age: 86_400 }, attempts: 1 };
    t.jobs = await this.queue.addBulk(tasks.map((x) => ({ name: x.data.type, data: x.data, opts: { ...opts, jobId: x.id } })));
    if (t.cancel) await this.removeWaiting(t);
  }

  /** A job's result, or REMOVED once it has been taken off the queue; a job that failed (after its retries) rejects. */
  private wait(t: Tracked, i: number): Promise<TaskResult | typeof REMOVED> {
    const job = t.jobs[i] as BullJob<Task, TaskResult>;
    const removed = new Promise<typeof REMOVED>((done) => t.removed.set(i, () => done(REMOVED)));
    const finished = job.waitUntilFinished(this.events).then((r: TaskResult | string) => {
      t.finished.add(i);
      return typeof r === "string" ? (JSON.parse(r) as TaskResult) : r;
    });
    return Promise.race([finished, removed]);
  }

  /** Removes the jobs not yet taken by a worker; one being computed finishes (its lock stops the removal). */
  private async removeWaiting(t: Tracked, wake = true): Promise<void> {
    await Promise.all(
      t.jobs.map(async (job, i) => {
        if (t.finished.has(i)) return;
        try {
          await job.remove();
          if (wake) t.removed.get(i)?.();
        } catch {
          // Active on a worker: it completes its chunk, which is kept if it extends the draws done in order.
        }
      }),
    );
  }

  private async single(t: Tracked, job: Job): Promise<void> {
    await this.add(t, [{ id: `${t.runId}-run`, data: { type: "run", job } }]);
    const out = await this.wait(t, 0);
    if (out === REMOVED) return this.finish(t, { status: "cancelled" });
    if (out.type === "failed") return this.finish(t, { status: "failed", error: out.error, ...(out.issues ? { result: { issues: out.issues } } : {}) });
    if (out.type !== "run") throw new Error(`a run's job answered with ${out.type}`);
    // Like the thread runner: a run cancelled while it computed keeps its result, marked cancelled.
    return this.finish(t, { status: t.cancel ? "cancelled" : "done", progress: t.cancel ? undefined : 1, result: out.result });
  }

  private async sweep(t: Tracked, job: Job): Promise<void> {
    const p = job.params as SweepParams;
    let metrics: ReturnType<typeof sweepMetrics>;
    try {
      metrics = sweepMetrics(job.scenario, p);
    } catch (e) {
      if (!(e instanceof ScenarioIssues)) throw e;
      return this.finish(t, { status: "failed", error: e.message, result: { issues: e.issues satisfies Issue[] } });
    }
    const ranges: { start: number; end: number }[] = [];
    for (let s = 0; s < p.draws; s += this.chunk) ranges.push({ start: s, end: Math.min(p.draws, s + this.chunk) });
    const { scenario } = job;
    await this.add(
      t,
      ranges.map((r, i) => ({ id: `${t.runId}-c${i}`, data: { type: "draws", scenario, metrics, seed: p.seed, ...r } })),
    );
    const summary = new SweepSummary(metrics, p.draws, false);
    const pending = new Map<number, Float64Array>();
    let next = 0;
    let done = 0;
    let lastWrite = 0;
    let failure: string | undefined;
    await Promise.all(
      ranges.map(async (r, i) => {
        try {
          const out = await this.wait(t, i);
          if (out === REMOVED) return;
          if (out.type !== "draws") throw new Error(out.type === "failed" ? out.error : `answered with ${out.type}`);
          pending.set(i, decodeRows(out.rows));
          // The statistics take rows in draw order, whatever order the chunks arrive in.
          for (let rows = pending.get(next); rows; rows = pending.get(next)) {
            summary.addRows(rows);
            pending.delete(next++);
          }
          done += r.end - r.start;
          const now = Date.now();
          if (now - lastWrite > 200 && done < p.draws && !this.closing) {
            lastWrite = now;
            void (t.running ?? Promise.resolve()).then(() => this.store.updateRun(t.runId, { progress: done / p.draws }).catch(() => {}));
          }
        } catch (e) {
          failure ??= `draws ${r.start}–${r.end}: ${(e as Error).message}`;
          await this.removeWaiting(t);
        }
      }),
    );
    if (failure && !t.cancel) return this.finish(t, { status: "failed", error: `a chunk of the sweep failed (${failure})` });
    const drawn = next === 0 ? 0 : (ranges[next - 1] as { end: number }).end;
    const cancelled = t.cancel || drawn < p.draws;
    return this.finish(t, { status: cancelled ? "cancelled" : "done", progress: cancelled ? undefined : 1, result: sweepResult(scenario, p, summary, drawn) });
  }
}
