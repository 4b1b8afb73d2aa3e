#!/usr/bin/env node
// One sweep of the default uncertain scenario through the workspace API: on the server's own worker thread,
// then on the Redis queue with 1 and 2 `tieup worker` processes (one thread each). Prints wall time, draws/s
// and whether every mode gave the same result (it must: the same seed). Needs `npm run build` and a Redis:
//   node bench/queue.bench.mjs --queue redis://127.0.0.1:63790 [--draws 20000] [--chunk 200]
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { defaultUncertainPath } from "../packages/cli/dist/commands/sweep.js";
import { scenarioPayload } from "../packages/cli/dist/serve/payload.js";
import { openWorkspace } from "../packages/server/dist/index.js";

const { values } = parseArgs({
  options: {
    queue: { type: "string", default: process.env.TIEUP_TEST_REDIS },
    draws: { type: "string", default: "20000" },
    chunk: { type: "string", default: "200" },
    seed: { type: "string", default: "1" },
  },
});
if (!values.queue) throw new Error("give --queue redis://… (or set TIEUP_TEST_REDIS)");
const draws = Number(values.draws);
const here = import.meta.dirname;
const { payload } = scenarioPayload(defaultUncertainPath());
const dir = mkdtempSync(join(tmpdir(), "tieup-queue-bench-"));

function worker(url) {
  const child = spawn(process.execPath, [join(here, "../packages/cli/bin/tieup.js"), "worker", "--queue", url, "--concurrency", "1"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((ok, fail) => {
    child.stdout.on("data", (b) => String(b).includes("tieup worker on") && ok(child));
    child.on("exit", (code) => fail(new Error(`worker exited ${code}`)));
  });
}

async function sweep(name, options) {
  const ws = await openWorkspace({ db: join(dir, `${name}.sqlite`), ...options });
  const call = async (method, path, body) =>
    (
      await ws.app.request(path, {
        method,
        headers: { host: "127.0.0.1", "content-type": "application/json" },
        ...(body ? { body: JSON.stringify(body) } : {}),
      })
    ).json();
  await call("POST", "/api/scenarios", { id: "nh", entry: payload.entry, files: payload.files });
  const started = performance.now();
  const run = await call("POST", "/api/scenarios/nh/runs", { kind: "sweep", params: { draws, seed: Number(values.seed) } });
  await ws.runner.settled(run.id);
  const seconds = (performance.now() - started) / 1000;
  const done = await call("GET", `/api/runs/${run.id}`);
  await ws.close();
  if (done.status !== "done") throw new Error(`${name}: ${done.status} ${done.error ?? ""}`);
  return { name, seconds, result: done.result };
}

const rows = [];
console.log(
  `load average before: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
rows.push(await sweep("threads (1 worker thread)", { concurrency: 1 }));
const workers = [];
try {
  for (const n of [1, 2]) {
    while (workers.length < n) workers.push(await worker(values.queue));
    rows.push(await sweep(`queue, ${n} tieup worker${n > 1 ? "s" : ""}`, { queue: values.queue, chunk: Number(values.chunk) }));
  }
} finally {
  for (const w of workers) w.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `${draws} draws, seed ${values.seed}, chunks of ${values.chunk}; load average after: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
console.log("| mode | wall time | draws/s | same result as threads |\n|---|---|---|---|");
for (const r of rows)
  console.log(`| ${r.name} | ${r.seconds.toFixed(1)} s | ${(draws / r.seconds).toFixed(1)} | ${isDeepStrictEqual(r.result, rows[0].result) ? "yes" : "NO"} |`);
