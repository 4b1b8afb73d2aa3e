import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

/**
 * Reports reviewed by hand (docs/golden.md says what was checked). A test
 * fails on any difference; regenerate with UPDATE_GOLDEN=1 only after
 * reviewing the change.
 */
const cases: [string, string[]][] = [
  ["deal-report.md", ["deal", "--format", "md"]],
  ["compare-tariff-high.md", ["compare", "--with", "tariff-high", "--format", "md"]],
  ["sweep-seed1.md", ["sweep", "--draws", "200", "--seed", "1", "--workers", "1", "--quiet", "--format", "md"]],
  ["optimize-alliance.md", ["optimize", "--format", "md"]],
];

/** What differs from run to run and is not a result: the optimiser's build and solve times. */
const steady = (text: string) => text.replace(/built in [\d.,]+ ms, solved in [\d.,]+ ms/g, "built in … ms, solved in … ms");

describe("golden reports", () => {
  for (const [file, args] of cases) {
    it(`tieup ${args.join(" ")}`, async () => {
      const golden = fileURLToPath(new URL(`./golden/${file}`, import.meta.url));
      const r = await runCli(...args);
      expect(r.code).toBe(0);
      const out = steady(r.stdout);
      if (process.env.UPDATE_GOLDEN === "1" || !existsSync(golden)) writeFileSync(golden, out);
      expect(out).toBe(readFileSync(golden, "utf8"));
    }, 120_000);
  }
});
