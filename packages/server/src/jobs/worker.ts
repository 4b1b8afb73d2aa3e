/**
 * A run's thread: receives one job, answers with progress messages and then
 * its result or its failure. Compiled to dist/jobs/worker.js, which the
 * runner starts; a "cancel" message stops a sweep after its current slice.
 */
import { setImmediate } from "node:timers/promises";
import { parentPort, workerData } from "node:worker_threads";
import { execute, type Job, ScenarioIssues } from "./kinds.js";

let cancelled = false;
parentPort?.on("message", (msg: string) => {
  if (msg === "cancel") cancelled = true;
});

const job = workerData as Job;
execute(job, {
  progress: (done, total) => parentPort?.postMessage({ type: "progress", done, total }),
  cancelled: () => cancelled,
  yieldNow: () => setImmediate(),
}).then(
  (result) => parentPort?.postMessage({ type: "done", result, cancelled }),
  (e: unknown) =>
    parentPort?.postMessage({
      type: "failed",
      error: e instanceof ScenarioIssues ? e.message : `the run failed: ${(e as Error).message}`,
      ...(e instanceof ScenarioIssues ? { issues: e.issues } : {}),
    }),
);
