#!/usr/bin/env node
/**
 * Monte Carlo benchmark: draws per second of `tieup sweep` on the default
 * scenario with distributions (scenarios/nissan-honda-us-uncertain.yaml), in
 * the main thread (the fast path the sweep uses and the full evaluation it is
 * checked against) and on 1 and 2 worker threads, the peak memory of each, the
 * time of 100,000 draws, and the fast and full paths' agreement.
 *
 *   node bench/sweep.bench.mjs                       # 400 draws, default outputs
 *   node bench/sweep.bench.mjs --draws 1000 --workers 1,2 --seed 7
 *   node bench/sweep.bench.mjs --big 100000          # also run 100,000 draws on 2 workers
 *
 * Each configuration runs in a fresh process (so peaks do not mix): it loads
 * and validates the scenario, then times the draws only. "inline" runs the
 * draws in the main thread with no worker (the baseline the pool is measured
 * against); "full" is inline on the full evaluation (every results table
 * built, each draw's runs evaluated rather than read off the open-price
 * line); "N workers" runs them through the CLI's pool. The fast
 * configurations must produce the same statistics (a digest is compared), and
 * the full path the same outputs to 1e-9 relative (draw by draw, on `--agree`
 * draws): nothing else here is a pass/fail threshold. Timings are wall-clock
 * on a machine that may be shared: the load average is printed before and
 * after, and CPU ms per draw (less sensitive to other processes) beside.
 * 100,000 draws are run for real only with --big (or when the measured rate
 * says they take under 60 s); otherwise the time is projected from the
 * 2-worker rate and labelled so.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { availableParallelism, loadavg } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const cli = (p) => pathToFileURL(resolve(root, "packages/cli/dist", p)).href;

function parseArgs(argv) {
  const args = { draws: 400, seed: 1, workers: [1, 2], child: undefined, agree: 40, big: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i] ?? "";
    if (a === "--draws") args.draws = Number(next());
    else if (a === "--seed") args.seed = Number(next());
    else if (a === "--workers") args.workers = next().split(",").map(Number);
    else if (a === "--child") args.child = next();
    else if (a === "--agree") args.agree = Number(next());
    else if (a === "--big") args.big = Number(next());
  }
  return args;
}

/** One configuration, in this (child) process: "inline", "full", "agree" or a number of workers. */
async function child(args) {
  const core = await import("@tieup/core");
  const { loadScenario } = await import(cli("scenario/load.js"));
  const { defaultUncertainPath } = await import(cli("commands/sweep.js"));
  const { runPool } = await import(cli("sweep/pool.js"));
  const { scenario } = loadScenario(defaultUncertainPath());
  const parties = core.dealParties(scenario);
  const metrics = core.defaultMetricNames(scenario, parties).map((n) => core.parseMetric(scenario, n, parties).metric);
  const plan = core.drawPlan(scenario);
  if (args.child === "agree") {
    // Draw by draw: the largest difference relative to max(1, |value|), over every output of every draw.
    const fast = core.runDraws(scenario, plan, metrics, args.seed, 0, args.agree, "fast");
    const full = core.runDraws(scenario, plan, metrics, args.seed, 0, args.agree, "full");
    let worst = 0;
    for (let i = 0; i < full.length; i++) worst = Math.max(worst, Math.abs(fast[i] - full[i]) / Math.max(1, Math.abs(fast[i]), Math.abs(full[i])));
    console.log(JSON.stringify({ draws: args.agree, values: full.length, worst }));
    return;
  }
  // The statistics stream: rows are folded in as they come and dropped (P² quantiles), so memory does not grow with the draws.
  const summary = new core.SweepSummary(metrics, args.draws);
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  if (args.child === "inline" || args.child === "full")
    for (let s = 0; s < args.draws; s += 500)
      summary.addRows(core.runDraws(scenario, plan, metrics, args.seed, s, Math.min(args.draws, s + 500), args.child === "full" ? "full" : "fast"));
  else await runPool({ scenario, metrics, seed: args.seed, draws: args.draws, workers: Number(args.child) }, (rows) => summary.addRows(rows));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const stats = summary.summaries().map((o) => o.summary);
  const digest = createHash("sha256").update(JSON.stringify(stats)).digest("hex").slice(0, 16);
  const winwin = summary.summaries().find((o) => o.metric.name === "deal.canton-pickup.winwin")?.summary.mean;
  // maxRSS covers the worker threads too: they share the process; their CPU too.
  console.log(
    JSON.stringify({
      seconds,
      rate: args.draws / seconds,
      cpuMsPerDraw: (cpu.user + cpu.system) / 1000 / args.draws,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      metrics: metrics.length,
      digest,
      winwin,
    }),
  );
}

function spawnChild(config, args, draws) {
  const r = spawnSync(
    process.execPath,
    [fileURLToPath(import.meta.url), "--child", config, "--draws", String(draws), "--seed", String(args.seed), "--agree", String(args.agree)],
    { encoding: "utf8", maxBuffer: 1 << 26 },
  );
  if (r.status !== 0) throw new Error(`child ${config} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

const load = () => loadavg()[0].toFixed(1);

function main(args) {
  const configs = ["inline", "full", ...args.workers.map(String)];
  console.log(
    `sweep benchmark: ${args.draws} draws of the default scenario with distributions, seed ${args.seed}; node ${process.version}, ${availableParallelism()} CPUs, load average ${load()}`,
  );
  const results = configs.map((c) => ({ config: c, ...spawnChild(c, args, args.draws) }));
  const base = results[0].rate;
  const one = results.find((r) => r.config === "1")?.rate;
  console.log("config      draws/s  ms/draw  CPU ms/draw  vs inline  vs 1 worker  peak RSS (MB)  digest");
  for (const r of results) {
    const name = r.config === "inline" || r.config === "full" ? r.config : `${r.config} worker${r.config === "1" ? "" : "s"}`;
    const vsOne = one && !["inline", "full"].includes(r.config) ? `${(r.rate / one).toFixed(2)}×` : "–";
    console.log(
      `${name.padEnd(10)}  ${r.rate.toFixed(1).padStart(7)}  ${(1000 / r.rate).toFixed(1).padStart(7)}  ${r.cpuMsPerDraw.toFixed(1).padStart(11)}  ${`${(r.rate / base).toFixed(2)}×`.padStart(9)}  ${vsOne.padStart(11)}  ${r.maxRssMb.toFixed(0).padStart(13)}  ${r.digest}`,
    );
  }
  const fast = results.filter((r) => r.config !== "full");
  const same = new Set(fast.map((r) => r.digest)).size === 1;
  console.log(
    `${results[0].metrics} outputs; P(canton-pickup win-win) = ${results[0].winwin}; identical statistics in every fast configuration: ${same ? "yes" : "NO"}`,
  );
  const agree = spawnChild("agree", args, args.draws);
  const agrees = agree.worst <= 1e-9;
  console.log(
    `fast vs full path, ${agree.draws} draws × ${results[0].metrics} outputs: largest difference ${agree.worst.toExponential(2)} of max(1, |value|): ${agrees ? "agree to 1e-9" : "DISAGREE"}`,
  );
  const two = results.find((r) => r.config === "2") ?? results[results.length - 1];
  const projected = 100_000 / two.rate;
  if (args.big > 0 || projected < 60) {
    const draws = args.big > 0 ? args.big : 100_000;
    const big = spawnChild("2", args, draws);
    console.log(
      `${draws.toLocaleString("en")} draws on 2 workers: ${big.seconds.toFixed(1)} s (${big.rate.toFixed(1)} draws/s), peak RSS ${big.maxRssMb.toFixed(0)} MB`,
    );
  } else {
    console.log(
      `100,000 draws on ${two.config} worker(s): ${projected.toFixed(0)} s projected from the measured rate (not run: over 60 s; --big 100000 runs it)`,
    );
  }
  console.log(`load average at the end: ${load()}`);
  if (!same || !agrees) process.exitCode = 1;
}

const args = parseArgs(process.argv.slice(2));
if (args.child) await child(args);
else main(args);
