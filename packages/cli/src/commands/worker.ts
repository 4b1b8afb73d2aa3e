import { availableParallelism } from "node:os";
import { QueueUnavailable, redact, startQueueWorker } from "@tieup/server";
import { type Command, InvalidArgumentError } from "commander";
import { InputError } from "../io/errors.js";
import { interrupted, redisUrl } from "./serve.js";

interface WorkerOptions {
  queue: string;
  concurrency?: number;
}

/** Adds the `worker` command: a process that computes the runs and sweep chunks a `tieup serve --queue` puts on Redis. */
export function registerWorker(program: Command): void {
  program
    .command("worker")
    .description("compute the runs of a workspace started with `tieup serve --queue`: sweep chunks and whole runs from Redis, on any machine")
    .requiredOption("--queue <redis-url>", "the Redis the workspace queues on, e.g. redis://queue.internal:6379", redisUrl)
    .option("--concurrency <n>", "jobs at a time, each on its own thread (default: the number of CPUs)", threads)
    .action((opts: WorkerOptions) => workerCommand(opts));
}

function threads(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new InvalidArgumentError("a whole number from 1 to 256");
  return n;
}

/** Until Ctrl-C or SIGTERM (or `until` settles, for tests): takes jobs; then finishes the ones in hand and stops. */
export async function workerCommand(opts: WorkerOptions, until: Promise<unknown> = interrupted()): Promise<void> {
  const concurrency = opts.concurrency ?? availableParallelism();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  let worker: Awaited<ReturnType<typeof startQueueWorker>>;
  try {
    worker = await startQueueWorker(opts.queue, concurrency, log);
  } catch (e) {
    if (!(e instanceof QueueUnavailable)) throw e;
    throw new InputError([{ severity: "error", path: "--queue", message: e.message, suggestion: "start Redis (5 or later) there, or check the URL" }]);
  }
  process.stdout.write(`tieup worker on ${redact(opts.queue)}, ${concurrency} at a time. Press Ctrl-C to stop.\n`);
  await until;
  await worker.close();
}
