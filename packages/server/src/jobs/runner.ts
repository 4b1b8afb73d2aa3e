import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Store } from "../store/store.js";
import type { Jobs } from "./jobs.js";
import type { Job } from "./kinds.js";

/** Resolved from the package root so that sources (tests) and dist (the command) both find the compiled worker. */
const WORKER = new URL("../../dist/jobs/worker.js", import.meta.url);

type Message =
  | { type: "progress"; done: number; total: number }
  | { type: "done"; result: unknown; cancelled: boolean }
  | { type: "failed"; error: string; issues?: unknown };

interface Entry {
  runId: string;
  job: Job;
  worker?: Worker;
  cancel?: boolean;
  settled: Promise<void>;
  settle: () => void;
}

/**
 * Runs jobs on worker threads, `concurrency` at a time, in the order they
 * were queued; each run's status, progress and result go to the store as
 * they happen, so a client polling the run sees them and they outlive the
 * request that started it.
 */
export class JobRunner implements Jobs {
  private readonly queue: Entry[] = [];
  private readonly active = new Map<string, Entry>();

  constructor(
    private readonly store: Store,
    readonly concurrency = Math.max(1, availableParallelism() - 1),
  ) {}

  /** Queues a run already recorded in the store as "queued"; resolves when it is queued, not when it ends. */
  submit(runId: string, job: Job): void {
    let settle = () => {};
    const settled = new Promise<void>((done) => {
      settle = done;
    });
    this.queue.push({ runId, job, settled, settle });
    this.pump();
  }

  /** Cancels a queued run at once, a running one at its next slice (a sweep keeps the draws it has). False if unknown here. */
  async cancel(runId: string): Promise<boolean> {
    const k = this.queue.findIndex((e) => e.runId === runId);
    if (k >= 0) {
      const [entry] = this.queue.splice(k, 1);
      await this.store.updateRun(runId, { status: "cancelled" });
      entry?.settle();
      return true;
    }
    const running = this.active.get(runId);
    if (!running) return false;
    running.cancel = true;
    running.worker?.postMessage("cancel");
    return true;
  }

  /** Resolves when the run has finished (for tests and for shutdown). */
  async settled(runId: string): Promise<void> {
    await (this.active.get(runId) ?? this.queue.find((e) => e.runId === runId))?.settled;
  }

  /** Stops every worker; their runs are marked interrupted by the next start (markInterrupted). */
  async close(): Promise<void> {
    this.queue.length = 0;
    await Promise.all([...this.active.values()].map((e) => e.worker?.terminate()));
  }

  private pump(): void {
    while (this.active.size < this.concurrency && this.queue.length > 0) {
      const entry = this.queue.shift() as Entry;
      this.active.set(entry.runId, entry);
      void this.start(entry);
    }
  }

  private async start(entry: Entry): Promise<void> {
    const { runId } = entry;
    let lastWrite = 0;
    try {
      await this.store.updateRun(runId, { status: "running" });
      const outcome = await new Promise<Message>((resolve, reject) => {
        // A sweep draw leaves about 4 MB of garbage: a larger young generation collects less often (as the CLI's sweep pool).
        const worker = new Worker(WORKER, { workerData: entry.job, resourceLimits: { maxYoungGenerationSizeMb: 96 } });
        entry.worker = worker;
        if (entry.cancel) worker.postMessage("cancel");
        worker.on("message", (msg: Message) => {
          if (msg.type !== "progress") return resolve(msg);
          // Progress to the store at most every 200 ms: a sweep slice can take a few milliseconds.
          const now = Date.now();
          if (now - lastWrite > 200 || msg.done === msg.total) {
            lastWrite = now;
            void this.store.updateRun(runId, { progress: msg.done / msg.total }).catch(() => {});
          }
        });
        worker.on("error", reject);
        worker.on("exit", (code) => reject(new Error(`the run's worker stopped with code ${code}`)));
      });
      if (outcome.type === "done")
        await this.store.updateRun(runId, {
          status: outcome.cancelled ? "cancelled" : "done",
          progress: outcome.cancelled ? undefined : 1,
          result: outcome.result,
        });
      else if (outcome.type === "failed")
        await this.store.updateRun(runId, { status: "failed", error: outcome.error, ...(outcome.issues ? { result: { issues: outcome.issues } } : {}) });
    } catch (e) {
      await this.store.updateRun(runId, { status: "failed", error: (e as Error).message }).catch(() => {});
    } finally {
      await entry.worker?.terminate();
      this.active.delete(runId);
      entry.settle();
      this.pump();
    }
  }
}
