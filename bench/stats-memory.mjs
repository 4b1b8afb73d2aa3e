#!/usr/bin/env node
/**
 * Memory of the sweep's statistics alone: a SweepSummary of 19 outputs (as
 * many as the default uncertain scenario's) fed N synthetic draws in chunks
 * of 25 rows, as the CLI's pool hands them over, in a fresh process per N.
 * Prints the peak RSS, the live heap after a GC, and the time per draw.
 *
 *   node bench/stats-memory.mjs                       # 10k, 100k, 1M draws
 *   node bench/stats-memory.mjs --draws 100000,1000000 --engine /path/to/core/dist/index.js
 */
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const OUTPUTS = 19;

function parseArgs(argv) {
  const args = { draws: [10_000, 100_000, 1_000_000], engine: resolve(here, "../packages/core/dist/index.js"), child: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--draws") args.draws = argv[++i].split(",").map(Number);
    else if (a === "--engine") args.engine = resolve(argv[++i]);
    else if (a === "--child") args.child = Number(argv[++i]);
    else throw new Error(`unknown option ${a}`);
  }
  return args;
}

/** A draw's outputs: yen profits around ¥300bn (some losses), NPVs, 0/1 win-wins; a cheap deterministic generator. */
function row(i, out) {
  let s = (i * 2654435761) >>> 0;
  for (let k = 0; k < OUTPUTS; k++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    const u = (s + 0.5) / 2 ** 32;
    out[k] = k % 5 === 4 ? (u < 0.8 ? 1 : 0) : (k + 1) * 1e11 * (u - 0.15);
  }
}

async function child(draws, engine) {
  const core = await import(pathToFileURL(engine).href);
  const metrics = Array.from({ length: OUTPUTS }, (_, k) => ({ name: `m${k}`, kind: "jointSurplus", deal: "d", unit: "USD" }));
  const summary = new core.SweepSummary(metrics, draws, false);
  const chunk = new Float64Array(25 * OUTPUTS);
  const one = new Float64Array(OUTPUTS);
  const t0 = performance.now();
  for (let start = 0; start < draws; start += 25) {
    const n = Math.min(25, draws - start);
    for (let r = 0; r < n; r++) {
      row(start + r, one);
      chunk.set(one, r * OUTPUTS);
    }
    summary.addRows(n === 25 ? chunk : chunk.subarray(0, n * OUTPUTS));
  }
  const s = summary.summaries();
  const ms = performance.now() - t0;
  globalThis.gc?.();
  const live = process.memoryUsage().heapUsed / 2 ** 20;
  const first = s[0].summary;
  console.log(
    JSON.stringify({
      draws,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
      liveHeapMB: live,
      usPerDraw: (1000 * ms) / draws,
      p5: first.p5,
      tails: first.tailsRelativeError ?? 0,
    }),
  );
}

const args = parseArgs(process.argv.slice(2));
if (args.child !== undefined) await child(args.child, args.engine);
else {
  const load = (await import("node:os")).loadavg().map((x) => x.toFixed(2));
  console.log(`statistics memory: ${OUTPUTS} outputs, engine ${args.engine}; load average ${load.join(", ")}`);
  console.log("draws       peak RSS MB  live heap MB  µs/draw  tails");
  for (const draws of args.draws) {
    const r = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), "--child", String(draws), "--engine", args.engine], {
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(r.stderr);
    const x = JSON.parse(r.stdout.trim().split("\n").pop());
    console.log(
      `${String(draws).padEnd(11)} ${x.peakRssMB.toFixed(1).padStart(11)}  ${x.liveHeapMB.toFixed(1).padStart(12)}  ${x.usPerDraw.toFixed(2).padStart(7)}  ${x.tails ? `sketch (±${x.tails * 100}%)` : "exact"}`,
    );
  }
  console.log(
    `load average after: ${(await import("node:os"))
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(", ")}`,
  );
}
