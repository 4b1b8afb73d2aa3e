import type { Issue, Metric, Scenario } from "@tieup/core";
import { Redis } from "ioredis";
import { redact } from "../store/open.js";
import type { Job } from "./kinds.js";

/** The BullMQ queue every server and worker of a deployment share. */
export const QUEUE = "tieup-runs";

/**
 * A queue job: a whole run, or one chunk of a sweep's draws. Each carries
 * everything its worker needs (the validated scenario as JSON), so a worker
 * needs no database and may run on any machine that reaches Redis.
 */
export type Task = { type: "run"; job: Job } | { type: "draws"; scenario: Scenario; metrics: Metric[]; seed: number; start: number; end: number };

export type TaskResult = { type: "run"; result: unknown } | { type: "failed"; error: string; issues?: Issue[] } | { type: "draws"; rows: string };

/** Redis cannot be reached or cannot serve as the queue: bad input at start, not a crash. */
export class QueueUnavailable extends Error {}

/** A connection as BullMQ needs it (commands wait while Redis reconnects instead of failing). */
export function connect(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
}

/**
 * Fails fast, with the reason, when Redis cannot be reached: BullMQ's own
 * connections retry forever, which at start would look like a hang.
 */
export async function probe(url: string, timeoutMs = 3000): Promise<void> {
  let reason: string | undefined;
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on("error", (e: Error) => {
    reason ??= e.message;
  });
  try {
    await client.connect();
    const info = await client.info("server");
    const version = /redis_version:(\d+)\.(\d+)/.exec(info);
    if (version && Number(version[1]) < 5) throw new QueueUnavailable(`Redis ${version[1]}.${version[2]} is too old for BullMQ (5.0 or later)`);
  } catch (e) {
    if (e instanceof QueueUnavailable) throw e;
    throw new QueueUnavailable(`cannot reach the queue ${redact(url)}: ${reason ?? (e as Error).message}`);
  } finally {
    client.disconnect();
  }
}

/** A sweep chunk's rows, exactly: the bytes of the Float64Array, not decimal text (NaN and ±Infinity survive too). */
export function encodeRows(rows: Float64Array): string {
  return Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength).toString("base64");
}

export function decodeRows(text: string): Float64Array {
  const bytes = Buffer.from(text, "base64");
  // Copied into an aligned buffer: a Buffer from the pool may start at any offset.
  const out = new Float64Array(bytes.length / 8);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}
