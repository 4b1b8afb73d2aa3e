#!/usr/bin/env node
// Long fuzz runs of a scenario: node scripts/fuzz.mjs [--count 10000] [--seed 1] [--no-evaluate] [scenario]
// Needs a build (npm ci or npx tsc -b packages/cli). Prints the crash count and the first crashes with
// the mutations that caused them; exits 1 when any mutant crashed.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { fuzzScenario } from "@tieup/cli";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { count: { type: "string", default: "10000" }, seed: { type: "string", default: "1" }, "no-evaluate": { type: "boolean", default: false } },
});
const entry = resolve(positionals[0] ?? "scenarios/nissan-honda-us.yaml");
const count = Number(values.count);
const seed = Number(values.seed);
const started = Date.now();
const report = fuzzScenario(entry, count, seed, !values["no-evaluate"]);
const seconds = (Date.now() - started) / 1000;
console.log(
  `${count} mutants of ${entry}, seed ${seed}: ${report.crashes.length} crashes, ${report.refused} refused as bad input, ${report.evaluated} evaluated (${seconds.toFixed(0)} s)`,
);
for (const c of report.crashes.slice(0, 10)) console.log(`\n#${c.index}: ${c.mutations.join("; ")}\n${c.error.split("\n").slice(0, 6).join("\n")}`);
process.exit(report.crashes.length > 0 ? 1 : 0);
