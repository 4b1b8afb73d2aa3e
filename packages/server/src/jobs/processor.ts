/**
 * A queue worker's thread: BullMQ runs this file's default export in a
 * worker thread of `tieup worker` for each job (compiled to
 * dist/jobs/processor.js), so the process that holds the job's lock in
 * Redis stays responsive while the draws compute.
 */
import { drawPlan, runDraws } from "@tieup/core";
import type { SandboxedJob } from "bullmq";
import { execute, ScenarioIssues } from "./kinds.js";
import { encodeRows, type Task, type TaskResult } from "./redis.js";

export default async function process(job: SandboxedJob<Task, TaskResult>): Promise<TaskResult> {
  const task = job.data;
  if (task.type === "draws") {
    const { scenario, metrics, seed, start, end } = task;
    return { type: "draws", rows: encodeRows(runDraws(scenario, drawPlan(scenario), metrics, seed, start, end)) };
  }
  try {
    const result = await execute(task.job, {
      progress: (done, total) => void job.updateProgress(done / total),
      cancelled: () => false,
      yieldNow: async () => {},
    });
    return { type: "run", result };
  } catch (e) {
    // A scenario's own issues are the run's answer, not a fault to retry: returned, not thrown.
    if (e instanceof ScenarioIssues) return { type: "failed", error: e.message, issues: e.issues };
    return { type: "failed", error: `the run failed: ${(e as Error).message}` };
  }
}
