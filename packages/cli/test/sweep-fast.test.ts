import {
  applyDraw,
  buildModel,
  dealParties,
  defaultMetricNames,
  drawPlan,
  evaluateCompanies,
  evaluateModel,
  measure,
  parseMetric,
  resolveOpenPrices,
  runDraws,
} from "@tieup/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultUncertainPath } from "../src/commands/sweep.js";
import { loadScenario } from "../src/scenario/load.js";

// The default uncertain scenario: seven deals (one with an open price, one hypothetical), so every branch of a draw is exercised.
const { scenario } = loadScenario(defaultUncertainPath());
const parties = dealParties(scenario);
const metrics = defaultMetricNames(scenario, parties).map((n) => {
  const r = parseMetric(scenario, n, parties);
  if (!("metric" in r)) throw new Error(r.error);
  return r.metric;
});
const plan = drawPlan(scenario);

/** The fast path's value agrees with the full path's to 1e-9 relative (of the larger magnitude, at least 1 unit). */
function expectAgree(fast: ArrayLike<number>, full: ArrayLike<number>) {
  expect(fast.length).toBe(full.length);
  for (let i = 0; i < full.length; i++) {
    const a = fast[i] as number;
    const b = full[i] as number;
    expect(Math.abs(a - b), `${metrics[i % metrics.length]?.name}: fast ${a}, full ${b}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));
  }
}

describe("the fast sweep path", () => {
  it("gives the full path's outputs for draws of the scenario's own distributions", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 1_000_000 }), (seed, index) => {
        expectAgree(runDraws(scenario, plan, metrics, seed, index, index + 1, "fast"), runDraws(scenario, plan, metrics, seed, index, index + 1, "full"));
      }),
      { numRuns: 8 },
    );
  }, 120_000);

  it("gives the full path's outputs for parameter values anywhere in a wide range, beyond the distributions' own", () => {
    // Tariff 0–60%, the yen ±40%, pickup demand 0.2–1.6 of plan: far tails move the open price, parties and win-win flags.
    const values = fc.tuple(
      fc.double({ min: 0, max: 0.6, noNaN: true }),
      fc.double({ min: 0.6, max: 1.4, noNaN: true }),
      fc.double({ min: 0.2, max: 1.6, noNaN: true }),
    );
    fc.assert(
      fc.property(values, (v) => {
        const s = applyDraw(scenario, plan, v);
        expectAgree(measure(s, metrics, "fast"), measure(s, metrics, "full"));
      }),
      { numRuns: 8 },
    );
  }, 120_000);

  it("reads a companies table equal to the full evaluation's, row for row", () => {
    const model = buildModel(scenario, { prices: resolveOpenPrices(scenario).prices });
    const full = evaluateModel(model);
    const lean = evaluateCompanies(model);
    expect(lean.companies).toEqual(full.companies);
    expect(lean.warnings).toEqual(full.warnings);
    expect(lean.periods).toEqual(full.periods);
  });
});
