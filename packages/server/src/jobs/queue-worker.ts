import { hostname } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "bullmq";
import { connect, probe, QUEUE } from "./redis.js";

/** Resolved from the package root so that sources (tests) and dist (the command) both find the compiled processor. */
const PROCESSOR = fileURLToPath(new URL("../../dist/jobs/processor.js", import.meta.url));

/**
 * How long a job's lock lasts without renewal, and how often workers look
 * for jobs whose lock lapsed: a worker that dies mid-chunk has its chunk
 * back on the queue within about 15 s, for another worker. The lock is
 * renewed by the process, not the thread computing, so a long chunk does
 * not lose it.
 */
const LOCK_MS = 10_000;
const STALLED_CHECK_MS = 5_000;

export interface QueueWorker {
  close(): Promise<void>;
}

/** Consumes runs and sweep chunks from the queue at `url`, `concurrency` at a time, each on its own thread. */
export async function startQueueWorker(url: string, concurrency: number, log: (line: string) => void = () => {}): Promise<QueueWorker> {
  await probe(url);
  const connection = connect(url);
  const worker = new Worker(QUEUE, PROCESSOR, {
    connection,
    // Recorded on each job as processedBy: which machine and process computed it.
    name: `${hostname()}:${process.pid}`,
    concurrency,
    useWorkerThreads: true,
    lockDuration: LOCK_MS,
    stalledInterval: STALLED_CHECK_MS,
    // A chunk whose worker died is retried; one that keeps killing its workers fails the run.
    maxStalledCount: 2,
  });
  let lastError = "";
  worker.on("error", (e) => {
    if (e.message !== lastError) log(`queue: ${e.message}`);
    lastError = e.message;
  });
  worker.on("failed", (job, e) => log(`job ${job?.id ?? "?"} failed: ${e.message}`));
  await worker.waitUntilReady();
  return {
    close: async () => {
      await worker.close();
      connection.disconnect();
    },
  };
}
