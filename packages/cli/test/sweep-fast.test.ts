import {
  analysisEvaluators,
  applyDraw,
  buildModel,
  type CompanyResults,
  dealParties,
  dealValue,
  defaultMetricNames,
  drawPlan,
  type Evaluator,
  evaluateCompanies,
  evaluateModel,
  type Metric,
  measure,
  measureStraight,
  memoEvaluator,
  parseMetric,
  resolveOpenPrices,
  sampleDraw,
  stateKey,
} from "@tieup/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultUncertainPath } from "../src/commands/sweep.js";
import { loadScenario } from "../src/scenario/load.js";

// The default scenario with distributions: seven deals, one open price (canton-pickup), one hypothetical (toyota-backs-nissan), one programme.
const { scenario } = loadScenario(defaultUncertainPath());
const plan = drawPlan(scenario);
const parties = dealParties(scenario);
const metrics: Metric[] = defaultMetricNames(scenario, parties).map((n) => {
  const r = parseMetric(scenario, n, parties);
  if (!("metric" in r)) throw new Error(r.error);
  return r.metric;
});

// The straightforward way (core's measureStraight): every valuation step runs a full evaluateModel of its own, nothing shared.
const reference = measureStraight;

describe("the sweep's fast measure", () => {
  it("gives the straightforward evaluation's outputs bit for bit, for any seed and draw", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 1e6 }), (seed, index) => {
        const s = applyDraw(scenario, plan, sampleDraw(plan, seed, index));
        expect(measure(s, metrics)).toEqual(reference(s, metrics));
      }),
      { numRuns: 12 },
    );
  });

  it("and for parameter values outside the distributions (another tariff rate, yen, pickup demand)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.double({ min: 0.2, max: 1.6, noNaN: true }),
        (rate, yen, demand) => {
          const s = applyDraw(scenario, plan, [rate, yen, demand]);
          expect(measure(s, metrics)).toEqual(reference(s, metrics));
        },
      ),
      { numRuns: 8 },
    );
  });

  it("models sharing one memo (schedules, routes, codes) in any order give what each gives alone", () => {
    // Each model of a draw reuses what the draw's earlier models resolved: the order must not matter.
    const ids = scenario.deals.map((d) => d.id);
    const state = fc.record({
      counterfactual: fc.subarray(ids),
      absent: fc.subarray(ids, { maxLength: 2 }),
      whatIf: fc.subarray(ids, { maxLength: 2 }),
      price: fc.double({ min: 0, max: 60_000, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(state, { minLength: 2, maxLength: 5 }), fc.integer({ min: 0, max: 1e6 }), (states, index) => {
        const s = applyDraw(scenario, plan, sampleDraw(plan, 7, index));
        const memo = memoEvaluator(s);
        for (const st of states) {
          const o = {
            prices: { "canton-pickup": st.price },
            counterfactual: new Set(st.counterfactual),
            absent: new Set(st.absent),
            whatIf: new Set(st.whatIf),
          };
          expect(memo(o)).toEqual(evaluateCompanies(buildModel(s, o)));
        }
      }),
      { numRuns: 15 },
    );
  });

  it("two draws evaluated in turn give what each gives alone (each draw's cache restarts the kept flows of the other)", () => {
    const a = applyDraw(scenario, plan, sampleDraw(plan, 3, 1));
    const b = applyDraw(scenario, plan, sampleDraw(plan, 3, 2));
    const [memoA, memoB] = [memoEvaluator(a), memoEvaluator(b)];
    const { prices } = resolveOpenPrices(scenario);
    const states = [{ prices }, { prices, counterfactual: new Set(["civac-closure"]) }, { prices, counterfactual: new Set(["canton-pickup"]) }];
    for (const o of states) {
      expect(memoA(o)).toEqual(evaluateCompanies(buildModel(a, o)));
      expect(memoB(o)).toEqual(evaluateCompanies(buildModel(b, o)));
    }
  });

  it("a deal analysis's full evaluations through one cache give every table of each evaluated alone", () => {
    const { prices } = resolveOpenPrices(scenario);
    const { full } = analysisEvaluators(scenario);
    const states = [
      { prices, whatIf: new Set(["canton-pickup"]) },
      { prices, counterfactual: new Set(["canton-pickup"]) },
      { prices, counterfactual: new Set(["civac-closure"]), alternative: new Map([["civac-closure", "idle"]]) },
      { prices, absent: new Set(["us-powertrain"]) },
      { prices: { "canton-pickup": 1234.5 } },
    ];
    for (const o of states) expect(JSON.stringify(full(o))).toBe(JSON.stringify(evaluateModel(buildModel(scenario, o))));
  });

  it("evaluateCompanies gives evaluateModel's companies table exactly, with deals as agreed, replaced, left out or hypothetical", () => {
    const { prices } = resolveOpenPrices(scenario);
    const variants = [
      { prices },
      { prices, counterfactual: new Set(["canton-pickup"]) },
      { prices, counterfactual: new Set(["renissan", "civac-closure", "compas-closure"]) },
      { prices, absent: new Set(["us-powertrain"]) },
      { prices, whatIf: new Set(["toyota-backs-nissan"]) },
      { prices, counterfactual: new Set(["civac-closure"]), alternative: new Map([["civac-closure", "idle"]]) },
    ];
    for (const o of variants) {
      const model = buildModel(scenario, o);
      const full = evaluateModel(model);
      const lean: CompanyResults = evaluateCompanies(model);
      expect(lean).toEqual({ scenarioId: full.scenarioId, base: full.base, periods: full.periods, companies: full.companies });
    }
  });
});

describe("memoEvaluator", () => {
  const { prices } = resolveOpenPrices(scenario);
  const key = (o: Parameters<typeof stateKey>[1]) => stateKey(scenario, o);

  it("keys each deal by its state in the scenario's order: as agreed at its price, counterfactual (with its alternative), or absent", () => {
    // canton-pickup, us-powertrain, renault-nissan, toyota-backs-nissan (hypothetical: counterfactual unless named), civac, compas, renissan.
    expect(key({ prices: { "canton-pickup": 30000 } })).toBe("a:30000|a:|a:|c|a:|a:|a:|");
    expect(key({ prices: { "canton-pickup": 0.1 + 0.2 }, whatIf: new Set(["toyota-backs-nissan"]) })).toBe("a:0.30000000000000004|a:|a:|a:|a:|a:|a:|");
    expect(key({ prices: { "canton-pickup": -0 }, absent: new Set(["us-powertrain"]) })).toBe("a:-0|-|a:|c|a:|a:|a:|");
    expect(key({ counterfactual: new Set(["civac-closure"]), alternative: new Map([["civac-closure", "idle"]]) })).toBe("a:|a:|a:|c|cidle|a:|a:|");
  });

  it("runs a model once however it is asked for, and a different one again", () => {
    const evaluate = memoEvaluator(scenario);
    const run = evaluate({ prices });
    // A hypothetical deal's counterfactual is the scenario's own run; a counterfactual deal's price is not read.
    expect(evaluate({ prices, counterfactual: new Set(["toyota-backs-nissan"]) })).toBe(run);
    const off = evaluate({ prices, counterfactual: new Set(["canton-pickup"]) });
    expect(evaluate({ prices: {}, counterfactual: new Set(["canton-pickup"]) })).toBe(off);
    expect(evaluate.runs()).toBe(2);
    const other = evaluate({ prices: { "canton-pickup": (prices["canton-pickup"] as number) + 1 } });
    expect(other).not.toBe(run);
    expect(evaluate.runs()).toBe(3);
    expect(off).toEqual(evaluateCompanies(buildModel(scenario, { counterfactual: new Set(["canton-pickup"]) })));
  });

  it("a draw of the default scenario runs 18 evaluations where the straightforward way runs 22", () => {
    const s = applyDraw(scenario, plan, sampleDraw(plan, 1, 3));
    let asked = 0;
    const memo = memoEvaluator(s);
    const counting: Evaluator = (o) => {
      asked++;
      return memo(o);
    };
    // The draw's steps as measure() takes them: the price fit, the draw's run, each deal's value, and the same at the base case's price.
    const { prices: p } = resolveOpenPrices(s, counting);
    const own = counting({ prices: p });
    const agreed = { ...p, ...(metrics.find((m) => m.kind === "winwin") as { agreed: Record<string, number> }).agreed };
    expect(agreed["canton-pickup"]).not.toBe(p["canton-pickup"]);
    const atAgreed = counting({ prices: agreed });
    for (const d of s.deals) {
      dealValue(s, p, own, d.id, counting);
      dealValue(s, agreed, atAgreed, d.id, counting);
    }
    // 4 for the fit (counterfactual, prices 0, ref, ref/2) + 2 runs + 7 × 2 counterfactuals + 2 hypothetical runs with the deal.
    expect(asked).toBe(22);
    // Shared: canton-pickup's counterfactual (the fit's, at both prices) and toyota's counterfactual (each run itself).
    expect(memo.runs()).toBe(18);
  });
});
