#!/usr/bin/env node
/**
 * Optimiser benchmark: tieup (columnar builder + HiGHS WebAssembly) against the
 * peers a user would pick instead, on the same instances in the same run:
 * Python PuLP with CBC, and SciPy's native HiGHS (linprog / milp).
 *
 *   npx tsc -b packages/cli && node bench/optimize.bench.mjs
 *   node bench/optimize.bench.mjs --sizes lp-1k,lp-10k --time-limit 120 --no-peer --cold-runs 11 --json bench/out/optimize.json
 *
 * For each size: a synthetic scenario (bench/generate.mjs) is priced by core's lane
 * economics; the instance is written to bench/out/ as JSON; tieup builds the
 * alliance model (allocation LP, or the footprint MILP) and solves it with HiGHS,
 * after one warm-up solve of the same model (the first solve of a process compiles
 * the WebAssembly); bench/peer_optimize.py builds the same model from the JSON
 * with PuLP and with SciPy and solves it with CBC and with HiGHS. Build = from the
 * instance in memory to a model ready to solve; solve = the solver call, wall clock.
 * Objectives must agree (relative 1e-6 for LPs; within the MIP gap for MILPs).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { companiesOf, formulate, optimizeInstance } from "@tieup/optimize";
import { buildInstance, instanceJson, MILP, SIZES } from "./optimize-instances.mjs";

const here = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const args = { sizes: Object.keys(SIZES), coldRuns: 7, timeLimit: 300, gap: 1e-4, peer: true, python: "/usr/bin/python3", json: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === "--sizes") args.sizes = next().split(",");
    else if (a === "--time-limit") args.timeLimit = Number(next());
    else if (a === "--cold-runs") args.coldRuns = Number(next());
    else if (a === "--gap") args.gap = Number(next());
    else if (a === "--no-peer") args.peer = false;
    else if (a === "--python") args.python = next();
    else if (a === "--json") args.json = next();
    else throw new Error(`unknown option ${a}`);
  }
  return args;
}

/** Median of a list of numbers. */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * tieup's figures. Build = formulate + CSC: the first call of a fresh process
 * ("cold", JIT not warmed up, as one CLI run; median over `--cold-runs` fresh
 * processes, see optimize-cold.mjs) and the median of 15 after a
 * warm-up of at least 10 builds and 200 ms ("warm", as a sweep or the web app
 * re-optimising variants). Solve = HiGHS WebAssembly from the arrays: median of
 * 5 after 3 warm-ups (V8 tiers WebAssembly up in the background, so the first
 * solves of a process run slower), or one run after one warm-up for the largest
 * LP and the MILP. A median resists bursts of other processes on a shared machine.
 */
async function tieup(name, inst, milp, args) {
  const scope = { companies: companiesOf(inst), crossCompany: true };
  const options = { objective: { kind: "alliance" }, timeLimit: args.timeLimit, gap: args.gap, ...(milp ? { footprint: MILP } : {}) };
  const build = () => {
    const t0 = performance.now();
    formulate(inst, scope, options).builder.csc();
    return performance.now() - t0;
  };
  const cold = coldBuild(name, args);
  build();
  const started = performance.now();
  for (let i = 0; i < 10 || performance.now() - started < 200; i++) build();
  const builds = Array.from({ length: 15 }, build);
  const first = await optimizeInstance(inst, scope, options);
  const small = first.size.vars <= 50_000 && !milp;
  for (let i = 0; i < (small ? 2 : 0); i++) await optimizeInstance(inst, scope, options);
  const runs = [];
  for (let i = 0; i < (small ? 5 : 1); i++) runs.push(await optimizeInstance(inst, scope, options));
  const r = runs[0];
  return { cold, build: median(builds), solve: median(runs.map((x) => x.solveMs)), objective: r.objective, status: r.status, size: r.size };
}

/** Median of the first build of a fresh process, over `args.coldRuns` processes. */
function coldBuild(name, args) {
  const runs = [];
  for (let i = 0; i < args.coldRuns; i++) {
    const out = spawnSync(process.execPath, [join(here, "optimize-cold.mjs"), name], { encoding: "utf8", maxBuffer: 1 << 20 });
    if (out.status !== 0) throw new Error(`optimize-cold.mjs ${name}: ${out.stderr.trim()}`);
    runs.push(JSON.parse(out.stdout).cold);
  }
  return median(runs);
}

function peer(file, args) {
  const out = spawnSync(args.python, [join(here, "peer_optimize.py"), file, "--time-limit", String(args.timeLimit), "--gap", String(args.gap)], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  if (out.status !== 0) return { error: (out.stderr || out.stdout || "").trim().split("\n").slice(-3).join(" ") };
  return JSON.parse(out.stdout);
}

const ms = (x) => (x === undefined || x === null ? "–" : x < 10 ? x.toFixed(2) : x < 1000 ? x.toFixed(1) : x.toFixed(0));
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(a / b < 10 ? 2 : 0)}×` : "–");
const agree = (a, b, tol) =>
  b === undefined || b === null || !Number.isFinite(b)
    ? "–"
    : Math.abs(a - b) <= tol * Math.max(1, Math.abs(a))
      ? "yes"
      : `NO (${((a - b) / Math.abs(a)).toExponential(1)})`;

async function main() {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(join(here, "out"), { recursive: true });
  const rows = [];
  for (const name of args.sizes) {
    const { inst, milp } = buildInstance(name);
    const file = join(here, "out", `optimize-${name}.json`);
    writeFileSync(file, instanceJson(inst, milp));
    const t = await tieup(name, inst, milp, args);
    const p = args.peer ? peer(file, args) : {};
    rows.push({ name, milp, tieup: t, peer: p });
    process.stderr.write(
      `${name}: ${t.size.vars} vars, tieup build ${ms(t.cold)} ms cold, ${ms(t.build)} ms warm, solve ${ms(t.solve)} ms${p.error ? `; peer failed: ${p.error}` : ""}\n`,
    );
  }
  print(rows, args);
  if (args.json) writeFileSync(args.json, `${JSON.stringify(rows, null, 2)}\n`);
}

function print(rows, args) {
  const head = [
    "size",
    "vars",
    "bin",
    "rows",
    "nnz",
    "build tieup cold",
    "warm",
    "PuLP",
    "SciPy",
    "PuLP/tieup cold",
    "PuLP/tieup warm",
    "solve HiGHS-wasm",
    "HiGHS native",
    "CBC",
    "wasm/native",
    "objective agrees (native, CBC)",
  ];
  const body = rows.map(({ name, milp, tieup: t, peer: p }) => {
    const tol = milp ? 2 * args.gap : 1e-6;
    return [
      name,
      t.size.vars,
      t.size.binaries,
      t.size.rows,
      t.size.nnz,
      ms(t.cold),
      ms(t.build),
      ms(p.pulp?.build),
      ms(p.scipy?.build),
      ratio(p.pulp?.build, t.cold),
      ratio(p.pulp?.build, t.build),
      ms(t.solve),
      ms(p.scipy?.solve),
      ms(p.pulp?.solve),
      ratio(t.solve, p.scipy?.solve),
      `${agree(t.objective, p.scipy?.objective, tol)}, ${agree(t.objective, p.pulp?.objective, tol)}`,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padStart(widths[i])).join(" | ")} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => "-".repeat(w + 1) + ":").join("|")}|`);
  for (const r of body) console.log(line(r));
  console.log(
    `\ntimes in ms (wall clock); tieup build cold: first call of a fresh process, median of ${args.coldRuns} processes, warm: median of 15 after warm-up; tieup solve: median of 5 after 3 warm-ups (1 run after 1 warm-up above 50k variables and for the MILP); peers: one run each; time limit ${args.timeLimit} s, MIP gap ${args.gap}; node ${process.version}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
