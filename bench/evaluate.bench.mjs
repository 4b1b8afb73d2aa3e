#!/usr/bin/env node
/**
 * Evaluation benchmark: tieup against a plain-Python peer on the same synthetic scenarios.
 *
 *   npm run bench                                   # 10k, 100k and 1M flow-periods
 *   node bench/evaluate.bench.mjs --sizes 10000,100000 --runs 7
 *   node bench/evaluate.bench.mjs --no-peer --engine /path/to/other/core/dist/index.js
 *
 * Options: --sizes a,b,c  --runs N (timed evaluations, median reported; default 5)  --seed S
 *          --validate-runs N (timed validations after one warm-up, median reported; default 3)
 *          --peer-max N (largest size the peer runs; default 1000000)  --no-peer
 *          --python PATH (default: python3)  --cores all (do not pin to one CPU)
 *          --engine PATH (a built @tieup/core index.js to measure instead of this checkout's)
 *          --json FILE (also write the figures as JSON)
 *
 * For each size the parent writes the scenario (bench/generate.mjs) to bench/out/ and runs:
 *  - a "memory" child: one cold pass as the CLI does it (read, JSON.parse, Scenario.parse,
 *    buildModel, evaluateModel once), reporting its time, its peak RSS and the live heap
 *    afterwards (scenario, model and results);
 *  - a "timing" child: Scenario.parse and validateScenario (median of 3, --validate-runs, after a warm-up), then evaluateModel
 *    repeatedly: a warm-up (at least 2 runs and 2 s) and at least --runs runs and 1 s, back to
 *    back as a sweep would run them, reporting the median (no forced GC between runs: a major
 *    GC discards optimised code that refers to the previous run's objects, which a sweep
 *    pays only now and then);
 *  - the peer (bench/peer_evaluate.py), whose totals must agree with tieup's to 1e-6.
 * Every child is a fresh process, so peaks do not mix; children are pinned to CPU 0 with
 * taskset (when available) so that "one core" includes V8's garbage-collector threads.
 * Timings are wall-clock. Nothing here is a pass/fail threshold except the agreement check.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import v8 from "node:v8";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const TOTALS = ["units", "revenue", "variableCost", "logistics", "vehicleDuty", "partsDuty", "offset", "contribution"];

function parseArgs(argv) {
  const args = {
    sizes: [10_000, 100_000, 1_000_000],
    runs: 5,
    validateRuns: 3,
    seed: 1,
    peerMax: 1_000_000,
    peer: true,
    python: "python3",
    pin: true,
    engine: undefined,
    json: undefined,
    baseline: resolve(dirname(fileURLToPath(import.meta.url)), "baseline.json"),
    updateBaseline: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i] ?? "";
    if (a === "--sizes") args.sizes = next().split(",").map(Number);
    else if (a === "--runs") args.runs = Number(next());
    else if (a === "--validate-runs") args.validateRuns = Number(next());
    else if (a === "--seed") args.seed = Number(next());
    else if (a === "--peer-max") args.peerMax = Number(next());
    else if (a === "--no-peer") args.peer = false;
    else if (a === "--python") args.python = next();
    else if (a === "--cores") args.pin = next() !== "all";
    else if (a === "--engine") args.engine = resolve(next());
    else if (a === "--json") args.json = resolve(next());
    else if (a === "--baseline") args.baseline = resolve(next());
    else if (a === "--update-baseline") args.updateBaseline = true;
    else if (a === "--child") args.child = { mode: next(), file: next() };
    else throw new Error(`unknown option ${a} (see the header of bench/evaluate.bench.mjs)`);
  }
  return args;
}

/** CPU time of the whole process (main thread and V8's GC and compiler threads, all pinned to one CPU) since `c0`. */
const cpuMs = (c0) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};

/** Reads every column of every results table once (what a JSON or CSV export does). */
function readAll(results) {
  let n = 0;
  for (const t of [results.flows, results.duties, results.plants, results.companies, results.companyDuties])
    for (const c of t.columns) n += t.data[c.name].length;
  return n;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => performance.now() - t0;

async function engine(path) {
  return import(path ? pathToFileURL(path).href : "@tieup/core");
}

/** Totals that the peer also computes: flow sums (base currency) and operating profit by company (reporting currency). */
function totalsOf(results) {
  const out = {};
  for (const c of TOTALS) out[c] = results.flows.data[c].reduce((s, x) => s + x, 0);
  const { company, operatingProfit } = results.companies.data;
  for (let i = 0; i < results.companies.length; i++) {
    const key = `operatingProfit:${company[i]}`;
    out[key] = (out[key] ?? 0) + operatingProfit[i];
  }
  return out;
}

// ---------------------------------------------------------------- children

async function child({ mode, file }, args) {
  const core = await engine(args.engine);
  let t0 = performance.now();
  const text = readFileSync(file, "utf8");
  const readMs = ms(t0);
  t0 = performance.now();
  const doc = JSON.parse(text);
  const jsonMs = ms(t0);
  if (mode === "memory") {
    t0 = performance.now();
    const scenario = core.Scenario.parse(doc);
    const parseMs = ms(t0);
    t0 = performance.now();
    const model = core.buildModel(scenario);
    const buildMs = ms(t0);
    t0 = performance.now();
    const results = core.evaluateModel(model);
    const evalMs = ms(t0);
    const heapAtEnd = v8.getHeapStatistics();
    globalThis.gc?.();
    const live = process.memoryUsage();
    return {
      readMs,
      jsonMs,
      parseMs,
      buildMs,
      evalMs,
      flows: results.flows.length,
      dutyLines: results.duties.length,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
      heapCommittedMB: heapAtEnd.total_heap_size / 2 ** 20,
      liveHeapMB: live.heapUsed / 2 ** 20,
      keep: results.flows.length > 0,
    };
  }
  // Parse and validate: one warm-up each, then the median of 3.
  const parseRuns = [];
  let scenario = core.Scenario.parse(doc);
  for (let i = 0; i < 3; i++) {
    t0 = performance.now();
    scenario = core.Scenario.parse(doc);
    parseRuns.push(ms(t0));
  }
  const validateRuns = [];
  core.validateScenario?.(doc);
  for (let i = 0; core.validateScenario && i < args.validateRuns; i++) {
    t0 = performance.now();
    const v = core.validateScenario(doc);
    validateRuns.push(ms(t0));
    if (!v.scenario) throw new Error(`scenario does not validate: ${JSON.stringify(v.issues.slice(0, 3))}`);
  }
  t0 = performance.now();
  const model = core.buildModel(scenario);
  const buildMs = ms(t0);
  // Warm-up: at least 2 evaluations and 2 s, so that the hot code is optimised.
  let results = core.evaluateModel(model);
  const totals = totalsOf(results);
  let warmups = 1;
  for (const start = performance.now(); warmups < 2 || ms(start) < 2000; warmups++) results = core.evaluateModel(model);
  // Timed: at least --runs evaluations and 1 s, back to back as a sweep would run them.
  const evalRuns = [];
  const cpuRuns = [];
  for (const start = performance.now(); evalRuns.length < args.runs || ms(start) < 1000; ) {
    results = undefined;
    const c0 = process.cpuUsage();
    t0 = performance.now();
    results = core.evaluateModel(model);
    evalRuns.push(ms(t0));
    cpuRuns.push(cpuMs(c0));
  }
  // The same with every column of every table read once: the text columns of flows and duty lines are built on first read.
  const readRuns = [];
  for (let i = 0; i < 3; i++) {
    results = undefined;
    t0 = performance.now();
    results = core.evaluateModel(model);
    readAll(results);
    readRuns.push(ms(t0));
  }
  return {
    jsonMs,
    parseMs: median(parseRuns),
    validateMs: validateRuns.length ? median(validateRuns) : null,
    buildMs,
    warmups,
    evalMs: median(evalRuns),
    evalMinMs: Math.min(...evalRuns),
    evalCpuMs: median(cpuRuns),
    evalReadAllMs: median(readRuns),
    evalRuns: evalRuns.length,
    flows: results.flows.length,
    totals,
  };
}

function runChild(mode, file, args) {
  const nodeArgs = [
    "--expose-gc",
    fileURLToPath(import.meta.url),
    "--child",
    mode,
    file,
    "--runs",
    String(args.runs),
    "--validate-runs",
    String(args.validateRuns),
  ];
  if (args.engine) nodeArgs.push("--engine", args.engine);
  const [cmd, cmdArgs] = pinned(process.execPath, nodeArgs, args.pin);
  const r = spawnSync(cmd, cmdArgs, { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${mode} child failed for ${file}:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

function runPeer(file, args) {
  const [cmd, cmdArgs] = pinned(args.python, [join(here, "peer_evaluate.py"), file], args.pin);
  const r = spawnSync(cmd, cmdArgs, { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`peer failed for ${file}:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

let hasTaskset;
function pinned(cmd, cmdArgs, pin) {
  if (!pin) return [cmd, cmdArgs];
  if (hasTaskset === undefined) hasTaskset = spawnSync("taskset", ["-c", "0", "true"]).status === 0;
  return hasTaskset ? ["taskset", ["-c", "0", cmd, ...cmdArgs]] : [cmd, cmdArgs];
}

// ---------------------------------------------------------------- parent

function machine(args) {
  const python = spawnSync(args.python, ["--version"], { encoding: "utf8" });
  return {
    cpu: `${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    v8: process.versions.v8,
    python: (python.stdout || python.stderr || "not found").trim(),
    pinned: args.pin && spawnSync("taskset", ["-c", "0", "true"]).status === 0 ? "taskset -c 0 (one CPU)" : "not pinned",
  };
}

function checkBuild(args) {
  if (args.engine) return;
  const src = join(root, "packages/core/src");
  if (!existsSync(join(root, "packages/core/dist/index.js")))
    throw new Error("packages/core is not built: run `npm run build` (or `npx tsc -b packages/core`) first");
  const files = execFileSync("find", [src, "-name", "*.ts"], { encoding: "utf8" }).trim().split("\n");
  const stale = files.filter((f) => {
    const out = f.replace(src, join(root, "packages/core/dist")).replace(/\.ts$/, ".js");
    return !existsSync(out) || statSync(out).mtimeMs < statSync(f).mtimeMs;
  });
  if (stale.length) console.log(`warning: ${stale.length} files of packages/core/src are newer than their build; run \`npm run build\` to measure them\n`);
}

async function generate(size, seed) {
  const { generateScenario, dimensionsFor, countFlows } = await import("./generate.mjs");
  const dims = dimensionsFor(size);
  const doc = generateScenario({ ...dims, seed });
  const dir = join(here, "out");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `scenario-${size}-s${seed}.json`);
  writeFileSync(file, JSON.stringify(doc));
  return { size, file, dims, flowPeriods: countFlows(doc), jsonMB: statSync(file).size / 1e6, tariffs: doc.tariffs.length, lanes: doc.lanes.length };
}

function agreement(a, b) {
  let worst = 0;
  let worstKey = "";
  for (const k of Object.keys(a)) {
    const rel = Math.abs(a[k] - (b[k] ?? Number.NaN)) / Math.max(1, Math.abs(a[k]));
    if (!(rel <= worst)) {
      worst = rel;
      worstKey = k;
    }
  }
  return { worst, worstKey, ok: worst <= 1e-6, fields: Object.keys(a).length };
}

const fmt = (x, digits = 0) =>
  x === null || x === undefined ? "-" : x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const fmtRate = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : `${(x / 1e3).toFixed(0)} k`);

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(" | ")} |`;
  return [line(headers), `|${widths.map((w, i) => (i === 0 ? `${"-".repeat(w + 1)}-` : `${"-".repeat(w + 1)}:`)).join("|")}|`, ...rows.map(line)].join("\n");
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.child) {
    process.stdout.write(`${JSON.stringify(await child(args.child, args))}\n`);
    return;
  }
  checkBuild(args);
  const env = machine(args);
  if (args.peer && spawnSync(args.python, ["--version"]).status !== 0) {
    console.log(`peer skipped: ${args.python} not found (use --python PATH)`);
    args.peer = false;
  }
  console.log(
    `tieup evaluation benchmark — ${env.cpu}, ${env.memoryGiB} GiB, ${env.os}; Node ${env.node} (V8 ${env.v8}); ${env.python}; ${env.pinned}; load average ${os.loadavg()[0].toFixed(1)}\n`,
  );
  const results = [];
  for (const size of args.sizes) {
    const s = await generate(size, args.seed);
    process.stdout.write(`${fmt(s.flowPeriods)} flow-periods: `);
    const memory = runChild("memory", s.file, args);
    process.stdout.write("memory ");
    const timing = runChild("timing", s.file, args);
    process.stdout.write("timing ");
    let peer;
    if (args.peer && size <= args.peerMax) {
      peer = runPeer(s.file, args);
      peer.agreement = agreement(timing.totals, peer.totals);
      process.stdout.write("peer");
    }
    process.stdout.write("\n");
    results.push({ ...s, memory, timing, peer });
  }

  console.log(
    "\ntieup: eval = median of at least",
    args.runs,
    `warm evaluations (eval CPU: the process's CPU time in them, which a busy machine inflates less than wall time; eval + read all: median of 3 with every column of every table read once); cold eval, peak RSS and live heap: one pass in a fresh process; parse: median of 3 after a warm-up; validate: median of ${args.validateRuns} after one\n`,
  );
  console.log(
    table(
      [
        "flow-periods",
        "programs × plants × markets × periods",
        "JSON MB",
        "JSON.parse ms",
        "Scenario.parse ms",
        "validate ms",
        "build ms",
        "eval ms",
        "eval CPU ms",
        "eval + read all ms",
        "cold eval ms",
        "flow-periods/s",
        "peak RSS MB",
        "live heap MB",
      ],
      results.map((r) => [
        fmt(r.flowPeriods),
        `${r.dims.programs} × ${r.dims.plants} × ${r.dims.markets} × ${r.dims.periods}`,
        fmt(r.jsonMB, 1),
        fmt(r.timing.jsonMs),
        fmt(r.timing.parseMs),
        fmt(r.timing.validateMs),
        fmt(r.timing.buildMs, 1),
        fmt(r.timing.evalMs),
        fmt(r.timing.evalCpuMs),
        fmt(r.timing.evalReadAllMs),
        fmt(r.memory.evalMs),
        fmtRate(r.flowPeriods / (r.timing.evalMs / 1000)),
        fmt(r.memory.peakRssMB),
        fmt(r.memory.liveHeapMB),
      ]),
    ),
  );
  const withPeer = results.filter((r) => r.peer);
  if (withPeer.length) {
    console.log("\npeer: plain Python over rows (bench/peer_evaluate.py), same scenario file, one run each\n");
    console.log(
      table(
        [
          "flow-periods",
          "peer load ms",
          "peer eval ms",
          "tieup eval ms",
          "eval: peer ÷ tieup",
          "peer load+eval ms",
          "tieup end to end ms (JSON, validate, build, eval)",
          "end to end: peer ÷ tieup",
          "peer peak RSS MB",
          "totals agree (max rel. diff)",
        ],
        withPeer.map((r) => {
          const tieupEnd = endToEnd(r);
          const peerEnd = r.peer.loadMs + r.peer.evalMs;
          const a = r.peer.agreement;
          return [
            fmt(r.flowPeriods),
            fmt(r.peer.loadMs),
            fmt(r.peer.evalMs),
            fmt(r.timing.evalMs),
            `${(r.peer.evalMs / r.timing.evalMs).toFixed(1)}×`,
            fmt(peerEnd),
            fmt(tieupEnd),
            `${(peerEnd / tieupEnd).toFixed(1)}×`,
            fmt(r.peer.peakRssMB),
            `${a.ok ? "yes" : "NO"} (${a.worst.toExponential(1)}, ${a.fields} totals)`,
          ];
        }),
      ),
    );
    console.log("\neach phase of tieup against the peer's evaluation, same run (what the baseline check divides)\n");
    console.log(
      table(
        [
          "flow-periods",
          "validate ms",
          "build ms",
          "eval ms",
          "end to end ms",
          "peer eval ms",
          "validate ÷ peer",
          "build ÷ peer",
          "eval ÷ peer",
          "end to end ÷ peer",
        ],
        withPeer.map((r) => {
          const peer = r.peer.evalMs;
          const ratio = (x) => (x / peer).toFixed(3);
          return [
            fmt(r.flowPeriods),
            fmt(r.timing.validateMs),
            fmt(r.timing.buildMs, 1),
            fmt(r.timing.evalMs),
            fmt(endToEnd(r)),
            fmt(peer),
            ratio(r.timing.validateMs),
            ratio(r.timing.buildMs),
            ratio(r.timing.evalMs),
            ratio(endToEnd(r)),
          ];
        }),
      ),
    );
    regressions(withPeer, args);
    const bad = withPeer.filter((r) => !r.peer.agreement.ok);
    for (const r of bad)
      console.log(`\nDISAGREEMENT at ${fmt(r.flowPeriods)}: ${r.peer.agreement.worstKey} differs by ${r.peer.agreement.worst.toExponential(2)} (relative)`);
    if (bad.length) process.exitCode = 1;
  }
  const skipped = results.filter((r) => !r.peer).map((r) => fmt(r.flowPeriods));
  if (args.peer && skipped.length) console.log(`\npeer not run at ${skipped.join(", ")} flow-periods (--peer-max ${fmt(args.peerMax)})`);
  if (args.json) writeFileSync(args.json, JSON.stringify({ machine: env, args: { ...args, child: undefined }, results }, null, 2));
}

const round4 = (x) => Number(x.toPrecision(4));

/** What a user waits for: read the file, validate it (schema and model checks), build the model, evaluate it. */
function endToEnd(r) {
  return r.timing.jsonMs + (r.timing.validateMs ?? r.timing.parseMs) + r.timing.buildMs + r.timing.evalMs;
}

/**
 * Each phase's time as a multiple of the peer's evaluation in the same run,
 * against the stored baseline (bench/baseline.json): a ratio more than twice
 * its baseline is a regression and fails the run (exit code 1). Ratios, not
 * milliseconds, so a slower or busier machine does not fail it by itself.
 * `--update-baseline` stores this run's ratios.
 */
function regressions(withPeer, args) {
  const ratios = Object.fromEntries(
    withPeer.map((r) => {
      const peer = r.peer.evalMs;
      return [
        String(r.flowPeriods),
        { validate: round4(r.timing.validateMs / peer), eval: round4(r.timing.evalMs / peer), endToEnd: round4(endToEnd(r) / peer) },
      ];
    }),
  );
  if (args.updateBaseline) {
    writeFileSync(args.baseline, `${JSON.stringify({ note: "tieup's time per phase ÷ the peer's evaluation time, same run", ratios }, null, 2)}\n`);
    console.log(`\nbaseline written to ${args.baseline}`);
    return;
  }
  if (!existsSync(args.baseline)) return;
  const base = JSON.parse(readFileSync(args.baseline, "utf8")).ratios ?? {};
  const rows = [];
  let failed = false;
  for (const [size, now] of Object.entries(ratios)) {
    const was = base[size];
    if (!was) continue;
    // build (under a millisecond) is left out: at that size a 2× is noise, not a regression.
    for (const phase of ["validate", "eval", "endToEnd"]) {
      const worse = now[phase] / was[phase];
      const flag = worse > 2 ? "REGRESSION" : "ok";
      failed ||= worse > 2;
      rows.push([fmt(Number(size)), phase, was[phase].toFixed(3), now[phase].toFixed(3), `${worse.toFixed(2)}×`, flag]);
    }
  }
  if (rows.length === 0) return;
  console.log("\nagainst the baseline (tieup ÷ peer eval; a ratio above 2× its baseline fails)\n");
  console.log(table(["flow-periods", "phase", "baseline ratio", "this run", "change", ""], rows));
  if (failed) process.exitCode = 1;
}

await main();
