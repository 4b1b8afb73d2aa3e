import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fuzzScenario } from "../src/fuzz/fuzz.js";

const scenario = fileURLToPath(new URL("../../../scenarios/nissan-honda-us.yaml", import.meta.url));

/**
 * Mutants of the default scenario: every one is either refused as bad input
 * with a path-named error, or validates and evaluates. The seed is fixed so
 * that CI is reproducible (FUZZ_SEED=<seed> tries another, and the seed is
 * printed); `node scripts/fuzz.mjs --count 10000 --seed <s>` runs thousands.
 */
describe("fuzzing the default scenario", () => {
  const seed = Number(process.env.FUZZ_SEED ?? 20261206);
  const count = Number(process.env.FUZZ_COUNT ?? 200);

  it(`never crashes on ${count} mutants (seed ${seed})`, () => {
    console.log(`fuzz seed ${seed}, ${count} mutants (reproduce: FUZZ_SEED=${seed} npx vitest run packages/cli/test/fuzz.test.ts)`);
    const report = fuzzScenario(scenario, count, seed);
    const shown = report.crashes.slice(0, 3).map((c) => `#${c.index} ${c.mutations.join("; ")}\n${c.error.split("\n").slice(0, 4).join("\n")}`);
    expect(shown, `seed ${seed}`).toEqual([]);
    expect(report.evaluated + report.refused).toBe(count);
    // The mutants are not all trivially refused: some validate and evaluate.
    expect(report.evaluated).toBeGreaterThan(0);
    // They reach what the scenario takes from its libraries too (its tariff measures and companies), not only its own file.
    expect(report.sections.tariffs ?? 0).toBeGreaterThan(0);
    expect(report.sections.companies ?? 0).toBeGreaterThan(0);
  }, 300_000);
});
