import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const has = (cmd: string) => {
  try {
    execFileSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};
const CBC = has("cbc");
const GLPK = has("glpsol");
if (!CBC || !GLPK) console.warn("export-solvers: cbc or glpsol absent (apt-get install -y coinor-cbc glpk-utils); those checks are skipped");

const pickup = fileURLToPath(new URL("../../../scenarios/examples/contract-pickup.yaml", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "tieup-export-"));

/** tieup's objective for the case, and the exported model as LP and MPS. */
async function exported(name: string, args: string[]): Promise<{ objective: number; lp: string; mps: string }> {
  const lp = join(dir, `${name}.lp`);
  const mps = join(dir, `${name}.mps`);
  const r = await runCli("optimize", ...args, "--export", lp, "--format", "json");
  expect(r.code).toBe(0);
  expect((await runCli("optimize", ...args, "--export", mps, "--format", "json")).code).toBe(0);
  return { objective: (JSON.parse(r.stdout) as { optimum: number }).optimum, lp, mps };
}

/** The optimum another solver reports, with no flags beyond the file's format. */
function cbc(file: string): number {
  const out = execFileSync("cbc", [file, "solve"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  // A MIP ends with "Objective value:", an LP with "Optimal objective"; either is the objective as the file states it.
  const found = /Objective value:\s+(-?[\d.e+]+)/.exec(out) ?? /Optimal objective\s+(-?[\d.e+]+)/.exec(out);
  if (!found) throw new Error(`no objective in CBC's output:\n${out.slice(-800)}`);
  return Number(found[1]);
}

function glpsol(file: string): number {
  const out = execFileSync("glpsol", [file.endsWith(".lp") ? "--cpxlp" : "--freemps", file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  expect(out).toMatch(/(INTEGER )?OPTIMAL (LP )?SOLUTION FOUND/);
  // The last value the search printed, or the preprocessor's when it solved the model alone.
  const lines = [...out.matchAll(/(?:mip|obj|Objective value) =\s+(-?[\d.e+]+)/g)];
  return Number(lines.at(-1)?.[1]);
}

/**
 * The exported LP and MPS files read the same in CBC, GLPK and tieup:
 * the LP file maximises the profit, the MPS file minimises its negation.
 */
describe("exported models in other solvers", () => {
  it.skipIf(!CBC || !GLPK)(
    "the default allocation LP: CBC and GLPK find tieup's optimum",
    async () => {
      const m = await exported("default", []);
      for (const [got, sign] of [
        [cbc(m.lp), 1],
        [cbc(m.mps), -1],
        [glpsol(m.lp), 1],
        [glpsol(m.mps), -1],
      ] as const)
        expect(sign * got).toBeCloseTo(m.objective, -2);
    },
    120_000,
  );

  it.skipIf(!CBC || !GLPK)(
    "the contract example's footprint MILP: CBC and GLPK find tieup's optimum",
    async () => {
      const m = await exported("pickup-footprint", [pickup, "--footprint"]);
      expect(cbc(m.lp)).toBeCloseTo(m.objective, -2);
      expect(-cbc(m.mps)).toBeCloseTo(m.objective, -2);
      expect(glpsol(m.lp)).toBeCloseTo(m.objective, -2);
      expect(-glpsol(m.mps)).toBeCloseTo(m.objective, -2);
    },
    120_000,
  );

  it.skipIf(!CBC)(
    "the default footprint MILP: CBC finds tieup's optimum from both files",
    async () => {
      const m = await exported("default-footprint", ["--footprint"]);
      expect(cbc(m.lp) / m.objective).toBeCloseTo(1, 6);
      expect(-cbc(m.mps) / m.objective).toBeCloseTo(1, 6);
    },
    300_000,
  );
});
