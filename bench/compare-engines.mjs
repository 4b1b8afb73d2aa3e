#!/usr/bin/env node
/**
 * Checks that two builds of @tieup/core give the same results: every cell of every results table,
 * numbers to 1e-9 relative, on generated scenarios and on the repository's scenarios.
 * For speed work ("same numbers, different work").
 *
 *   node bench/compare-engines.mjs /path/to/base/dist/index.js [/path/to/other/dist/index.js]
 *
 * The other build defaults to this checkout's packages/core/dist. Scenarios: 40 generated ones of
 * varied sizes, seeds, start years and offset caps, the 10k and 100k benchmark scenarios, and every
 * scenario under scenarios/ with each of its named overrides. Both builds read the scenario as
 * validated by the other build. Scenarios with an uncertainty block also compare the outputs of
 * 100 sweep draws (seed 1, the default outputs), where the models of a draw share their caches.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dimensionsFor, generateScenario } from "./generate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const [basePath, otherPath = join(here, "../packages/core/dist/index.js")] = process.argv.slice(2);
if (!basePath) throw new Error("usage: compare-engines.mjs BASE_DIST_INDEX_JS [OTHER_DIST_INDEX_JS]");
const base = await import(pathToFileURL(resolve(basePath)).href);
const other = await import(pathToFileURL(resolve(otherPath)).href);
const reader = {
  read: (p) => (existsSync(p) && statSync(p).isFile() ? readFileSync(p, "utf8") : undefined),
  resolve: (from, rel) => resolve(dirname(from), rel),
  // The default scenario extends the shipped libraries by name.
  library: (name) => join(here, "../library", `${name}.yaml`),
};

function* scenarios() {
  for (let seed = 1; seed <= 40; seed++) {
    const doc = generateScenario({
      plants: 6 + (seed % 5) * 3,
      programs: 4 + (seed % 7) * 5,
      markets: 1 + (seed % 20),
      periods: 1 + (seed % 6),
      seed,
      firstYear: 2022 + (seed % 5),
    });
    if (seed % 3 === 0) doc.parameters.offsetCap = "none";
    yield [`generated #${seed}`, doc];
  }
  for (const flows of [10_000, 100_000]) yield [`benchmark ${flows}`, generateScenario({ ...dimensionsFor(flows), seed: 1 })];
  const dir = join(here, "../scenarios");
  const files = readdirSync(dir, { recursive: true }).filter((f) => /\.ya?ml$/.test(f) && !String(f).startsWith("overrides"));
  for (const f of files) {
    const path = join(dir, String(f));
    const composed = other.composeScenario(path, reader);
    if (!composed.doc) continue;
    yield [String(f), composed.doc];
    for (const name of Object.keys(composed.doc.overrides ?? {})) yield [`${f} with ${name}`, other.composeScenario(path, reader, [name]).doc];
  }
}

const DRAWS = 100;
let problems = 0;
let cells = 0;
let drawCells = 0;
const compared = [];
let worst = 0;
const report = (...what) => {
  if (problems++ < 20) console.log(...what);
};
const added = new Set();
for (const [name, doc] of scenarios()) {
  const v = other.validateScenario(doc);
  if (!v.scenario) {
    console.log(`${name}: skipped, does not validate (${v.issues.find((i) => i.severity === "error")?.message})`);
    continue;
  }
  compared.push(name);
  const a = base.evaluate(structuredClone(v.scenario));
  const b = other.evaluate(v.scenario);
  for (const t of ["flows", "duties", "plants", "companies", "companyDuties"]) {
    const x = a[t];
    const y = b[t];
    // Same rows, and every base column still there; columns one build adds (derived ones) are listed once, not differences.
    const names = (r) => r.columns.map((c) => c.name);
    const missing = names(x).filter((c) => !names(y).includes(c));
    if (x.length !== y.length || missing.length > 0) {
      report(`${name}: ${t} differ in shape${missing.length ? ` (no ${missing.join(", ")})` : ""}`);
      continue;
    }
    for (const c of names(y).filter((n) => !names(x).includes(n))) added.add(`${t}.${c}`);
    for (const c of names(x)) {
      for (let i = 0; i < x.length; i++) {
        const u = x.data[c][i];
        const w = y.data[c]?.[i];
        cells++;
        if (typeof u === "number" && typeof w === "number") {
          const rel = u === w ? 0 : Math.abs(u - w) / Math.max(1e-300, Math.abs(u));
          worst = Math.max(worst, rel);
          if (rel > 1e-9) report(`${name}: ${t}.${c}[${i}] ${u} vs ${w}`);
        } else if (u !== w) report(`${name}: ${t}.${c}[${i}] ${u} vs ${w}`);
      }
    }
  }
  if (JSON.stringify(a.warnings) !== JSON.stringify(b.warnings)) report(`${name}: warnings differ`);
  if (v.scenario.uncertainty) compareDraws(name, v.scenario);
}

/**
 * A sweep's outputs, draw by draw: the models of a draw share their schedules and routes (its
 * counterfactuals, the price fit), which one evaluation per scenario above does not exercise.
 */
function compareDraws(name, scenario) {
  const setup = (core) => {
    const parties = core.dealParties(scenario);
    const metrics = core.defaultMetricNames(scenario, parties).map((n) => core.parseMetric(scenario, n, parties).metric);
    return { parties, metrics, rows: core.runDraws(scenario, core.drawPlan(scenario), metrics, 1, 0, DRAWS) };
  };
  const x = setup(base);
  const y = setup(other);
  if (JSON.stringify(x.parties) !== JSON.stringify(y.parties)) report(`${name}: deal parties differ`);
  if (x.rows.length !== y.rows.length) return report(`${name}: ${x.rows.length} vs ${y.rows.length} draw outputs`);
  for (let i = 0; i < x.rows.length; i++) {
    const u = x.rows[i];
    const w = y.rows[i];
    drawCells++;
    const rel = u === w || (Number.isNaN(u) && Number.isNaN(w)) ? 0 : Math.abs(u - w) / Math.max(1e-300, Math.abs(u));
    worst = Math.max(worst, rel);
    if (!(rel <= 1e-9)) report(`${name}: draw ${Math.floor(i / x.metrics.length)}, ${x.metrics[i % x.metrics.length].name}: ${u} vs ${w}`);
  }
}
console.log(`${compared.length} scenarios (${compared.filter((n) => !n.startsWith("generated")).join(", ")} and 40 generated)`);
if (added.size) console.log(`columns only in the other build (not compared): ${[...added].join(", ")}`);
console.log(
  `${cells.toLocaleString("en-US")} cells and ${drawCells.toLocaleString("en-US")} sweep outputs (${DRAWS} draws, seed 1, of each scenario with an uncertainty block) compared, ${problems} differences, largest relative difference ${worst}`,
);
process.exitCode = problems ? 1 : 0;
