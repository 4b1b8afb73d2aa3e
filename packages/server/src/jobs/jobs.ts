import type { Job } from "./kinds.js";

/**
 * Where runs execute: worker threads in this process (JobRunner) or a Redis
 * queue consumed by `tieup worker` processes (QueueJobs). The API sees only
 * this; either way a run's status, progress and result go to the store.
 */
export interface Jobs {
  /** Queues a run already recorded in the store as "queued"; returns at once. */
  submit(runId: string, job: Job): void;
  /** Cancels a queued run at once, a running one as soon as it can (a sweep keeps the draws it has); false if the run is unknown here. */
  cancel(runId: string): Promise<boolean>;
  /** Resolves when the run has finished (for tests and for shutdown). */
  settled(runId: string): Promise<void>;
  /** Stops taking runs; those unfinished are marked interrupted by the next start. */
  close(): Promise<void>;
}
