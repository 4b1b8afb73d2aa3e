/**
 * A sweep worker: receives the validated scenario, the metrics and the seed
 * once, then slices of draw indices; answers each slice with its rows of
 * metric values. Compiled to dist/sweep/worker.js, which the pool starts.
 */
import { parentPort, workerData } from "node:worker_threads";
import { drawPlan, type Metric, runDraws, type Scenario } from "@tieup/core";

interface Init {
  scenario: Scenario;
  metrics: Metric[];
  seed: number;
}

const { scenario, metrics, seed } = workerData as Init;
const plan = drawPlan(scenario);

parentPort?.on("message", (slice: { start: number; end: number }) => {
  const rows = runDraws(scenario, plan, metrics, seed, slice.start, slice.end);
  parentPort?.postMessage({ start: slice.start, rows }, [rows.buffer as ArrayBuffer]);
});
