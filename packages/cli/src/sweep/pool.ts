import { Worker } from "node:worker_threads";
import type { Metric, Scenario } from "@tieup/core";

export interface PoolJob {
  scenario: Scenario;
  metrics: Metric[];
  seed: number;
  draws: number;
  workers: number;
}

/**
 * The compiled worker. Resolved from the package root, not from this file,
 * so it is found both from dist/ (the tieup command) and from src/ (tests
 * importing the TypeScript sources; `npm test` builds first).
 */
const WORKER = new URL("../../dist/sweep/worker.js", import.meta.url);

/**
 * A draw allocates about 4 MB that is dead by the next one. With V8's
 * default young generation (16 MB semi-spaces) a worker collects every few
 * draws, and those collections were a fifth of its time; 96 MB (32 MB
 * semi-spaces) gave 12-17% more draws per second per worker at about 40 MB
 * more memory each (bench/sweep.bench.mjs, 2026-12-07).
 */
const SWEEP_LIMITS = { maxYoungGenerationSizeMb: 96 };

/** Draws per message: small enough to balance the load and report progress, large enough that messages cost nothing. */
export function sliceSize(draws: number, workers: number): number {
  return Math.max(1, Math.min(25, Math.ceil(draws / (workers * 8))));
}

/**
 * Runs the draws on `workers` worker threads and hands their rows to
 * `onRows` in draw order, whatever order the workers finish in: each draw's
 * numbers depend only on (seed, index), and the statistics see them in the
 * same order, so results do not depend on the number of workers. Returns
 * the number of draws delivered: all of them, or after `signal` aborts, the
 * first ones in order (the same numbers as a sweep of that many draws).
 */
export async function runPool(job: PoolJob, onRows: (rows: Float64Array, done: number) => void, signal?: AbortSignal): Promise<number> {
  const size = sliceSize(job.draws, job.workers);
  const slices: { start: number; end: number }[] = [];
  for (let s = 0; s < job.draws; s += size) slices.push({ start: s, end: Math.min(job.draws, s + size) });
  const count = Math.max(1, Math.min(job.workers, slices.length));
  const workers = Array.from(
    { length: count },
    () => new Worker(WORKER, { workerData: { scenario: job.scenario, metrics: job.metrics, seed: job.seed }, resourceLimits: SWEEP_LIMITS }),
  );
  const pending = new Map<number, Float64Array>();
  let next = 0;
  let flushed = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let finished = 0;
      // A cancel stops handing out slices: the draws already in order are kept, the rest are dropped.
      signal?.addEventListener("abort", () => resolve(), { once: true });
      const feed = (w: Worker) => {
        const slice = signal?.aborted ? undefined : slices[next++];
        if (slice) w.postMessage(slice);
        else if (++finished === count) resolve();
      };
      for (const w of workers) {
        w.on("message", (msg: { start: number; rows: Float64Array }) => {
          if (signal?.aborted) return;
          pending.set(msg.start, msg.rows);
          for (let rows = pending.get(flushed * size); rows; rows = pending.get(flushed * size)) {
            pending.delete(flushed * size);
            flushed++;
            onRows(rows, Math.min(job.draws, flushed * size));
          }
          feed(w);
        });
        w.on("error", reject);
        w.on("exit", (code) => {
          if (code !== 0) reject(new Error(`a sweep worker stopped with code ${code}`));
        });
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return Math.min(job.draws, flushed * size);
}
