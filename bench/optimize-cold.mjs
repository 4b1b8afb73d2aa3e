#!/usr/bin/env node
/**
 * One cold model build, as a CLI run pays it: in a fresh process, the
 * instance is built first (as `tieup optimize` evaluates the scenario first),
 * then the first formulate + CSC of the process is timed, JIT compilation
 * included. optimize.bench.mjs runs this once per repetition and size and
 * reports the median, since one fresh process on a loaded machine is noisy.
 *
 *   node bench/optimize-cold.mjs lp-10k      # prints {"cold": ms}
 */
import { companiesOf, formulate } from "@tieup/optimize";
import { buildInstance, MILP } from "./optimize-instances.mjs";

const name = process.argv[2] ?? "lp-1k";
const { inst, milp } = buildInstance(name);
const scope = { companies: companiesOf(inst), crossCompany: true };
const options = { objective: { kind: "alliance" }, ...(milp ? { footprint: MILP } : {}) };
const t0 = performance.now();
formulate(inst, scope, options).builder.csc();
console.log(JSON.stringify({ cold: performance.now() - t0 }));
