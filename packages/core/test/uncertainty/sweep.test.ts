import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseDeal, evaluate, resolveOpenPrices, rows } from "../../src/index.js";
import { dealParties, defaultMetricNames, type Metric, measure, parseMetric } from "../../src/sweep/metrics.js";
import { sensitivity } from "../../src/sweep/sensitivity.js";
import { runDraws, SweepSummary } from "../../src/sweep/sweep.js";
import { applyDraw, drawPlan, sampleDraw } from "../../src/uncertainty/plan.js";
import { dealValue } from "../../src/valuation/deal-value.js";
import { build, scenario } from "../fixtures.js";
import { contract } from "./helpers.js";

const metric = (s: Parameters<typeof parseMetric>[0], name: string): Metric => {
  const r = parseMetric(s, name, dealParties(s));
  if (!("metric" in r)) throw new Error(r.error);
  return r.metric;
};

/** One plant, one program: operating profit = 1,000 × (30,000 − 20,000) − fixed cost = 10M − F, linear in F. */
const linear = (distribution: unknown) =>
  build({ ...scenario(), uncertainty: { parameters: [{ id: "fixed", path: "plants[ohio].fixedCost", distribution }] } } as never);

function sweep(s: ReturnType<typeof build>, names: string[], draws: number, seed = 1) {
  const metrics = names.map((n) => metric(s, n));
  const summary = new SweepSummary(metrics, draws);
  summary.addRows(runDraws(s, drawPlan(s), metrics, seed, 0, draws));
  return summary.summaries();
}

describe("Monte Carlo sweep", () => {
  it("a parameter with zero spread gives the deterministic result exactly", () => {
    const s = linear({ type: "normal", mean: 4e6, sd: 0 });
    const fixed = build({ ...scenario(), plants: [{ ...scenario().plants[0], fixedCost: 4e6 }] } as never);
    const expected = Number(rows(evaluate(fixed).companies)[0]?.operatingProfit);
    expect(expected).toBe(6e6); // 10M − 4M
    const [out] = sweep(s, ["company.maker.FY2025.operatingProfit"], 50);
    expect(out?.summary).toMatchObject({ mean: expected, sd: 0, min: expected, max: expected, p5: expected, p95: expected });
  });

  it("a normal parameter through a linear output gives P5/P95 = μ ∓ 1.645σ within sampling error", () => {
    // F ~ N(4M, 1M) so OP = 10M − F ~ N(6M, 1M): P5 = 6M − 1.644854M = 4.355146M, P95 = 7.644854M.
    // Standard error of a 5% quantile: √(0.05 × 0.95 / n) / φ(1.645) × σ = 0.0345σ at n = 4000; allow 4 of them.
    // Standard error of the mean: σ/√n = 0.0158σ; allow 4.
    const n = 4000;
    const [out] = sweep(linear({ type: "normal", mean: 4e6, sd: 1e6 }), ["company.maker.FY2025.operatingProfit"], n, 42);
    const s = out?.summary;
    expect(Math.abs((s?.p5 ?? 0) - 4.355146e6)).toBeLessThan(4 * 0.0345e6);
    expect(Math.abs((s?.p95 ?? 0) - 7.644854e6)).toBeLessThan(4 * 0.0345e6);
    expect(Math.abs((s?.mean ?? 0) - 6e6)).toBeLessThan(4 * 0.0158e6);
    expect(Math.abs((s?.sd ?? 0) - 1e6)).toBeLessThan(0.05e6);
  });

  it("gives the same rows whatever the split of the draws", () => {
    const s = linear({ type: "triangular", min: 1e6, mode: 3e6, max: 8e6 });
    const plan = drawPlan(s);
    const m = [metric(s, "company.maker.FY2025.operatingProfit")];
    const whole = runDraws(s, plan, m, 9, 0, 30);
    const parts = [...runDraws(s, plan, m, 9, 0, 7), ...runDraws(s, plan, m, 9, 7, 19), ...runDraws(s, plan, m, 9, 19, 30)];
    expect([...whole]).toEqual(parts);
  });

  it("the probability a zone of agreement exists, and the lower probability of a win-win at the price signed in the base case", () => {
    // R ~ U(0, 190M): the zone exists iff R < 95M, so P(zone) = 0.5; standard error √(0.25/n) = 0.0158 at n = 1000.
    // As written R = 10M, so the base-case Nash price is (21,000 + 29,500) / 2 = 25,250: at it the host gains
    // 10,000 × 5,250 − R > 0 iff R < 52.5M and the client 42.5M always, so P(win-win) = 52.5 / 190 = 0.2763 (se 0.0141).
    const s = contract({ parameters: [{ id: "retooling", path: "deals[cm].retooling.amount", distribution: { type: "uniform", min: 0, max: 1.9e8 } }] });
    const [zone, winwin, joint] = sweep(s, ["deal.cm.zone", "deal.cm.winwin", "deal.cm.jointSurplus"], 1000, 5);
    expect(Math.abs((zone?.summary.mean ?? 0) - 0.5)).toBeLessThan(4 * 0.0158);
    expect(Math.abs((winwin?.summary.mean ?? 0) - 52.5 / 190)).toBeLessThan(4 * 0.0141);
    // Joint surplus 95M − R is U(−95M, 95M): mean 0, P5 = −95M + 0.05 × 190M = −85.5M (sampling error 4 × 0.0069 × 190M).
    expect(Math.abs((joint?.summary.p5 ?? 0) + 85.5e6)).toBeLessThan(4 * 0.0069 * 1.9e8);
    // Draw by draw: a zone when R < 95M (both gain at the draw's own Nash price); a win-win at 25,250 when R < 52.5M.
    const plan = drawPlan(s);
    const ms = ["deal.cm.npv.host", "deal.cm.npv.client", "deal.cm.zone", "deal.cm.winwin"].map((n) => metric(s, n));
    for (let i = 0; i < 20; i++) {
      const values = sampleDraw(plan, 5, i);
      const [host, client, z, ww] = measure(applyDraw(s, plan, values), ms);
      const r = values[0] as number;
      expect([z, ww]).toEqual([r < 9.5e7 ? 1 : 0, r < 5.25e7 ? 1 : 0]);
      if (z === 1) expect(Math.min(host as number, client as number)).toBeGreaterThan(0);
    }
  });

  it("names default outputs and refuses unknown ones with a suggestion", () => {
    const s = contract({ parameters: [{ id: "r", path: "deals[cm].retooling.amount", distribution: { type: "uniform", min: 0, max: 1 } }] });
    expect(defaultMetricNames(s, dealParties(s))).toEqual([
      "company.host.FY2025.companyOperatingProfit",
      "company.client.FY2025.companyOperatingProfit",
      "deal.cm.npv.host",
      "deal.cm.npv.client",
      "deal.cm.winwin",
      "deal.cm.zone",
    ]);
    expect(parseMetric(s, "company.hots.FY2025.operatingProfit", {})).toMatchObject({ suggestion: "did you mean `host`?" });
    expect(parseMetric(s, "company.host.FY2025.operatingProfits", {})).toMatchObject({ suggestion: "did you mean `operatingProfit`?" });
    expect(parseMetric(s, "deal.cm.winwinn", {})).toMatchObject({ error: expect.stringContaining("unknown deal output") });
    expect(parseMetric(s, "company.zzzzzzzz.FY2025.operatingProfit", {})).toMatchObject({ suggestion: "companies: host, client" });
  });
});

describe("one-at-a-time sensitivity", () => {
  it("swings each parameter from P5 to P95 and ranks by effect", () => {
    // Joint surplus = 95M − R; price weight does not move it. R ~ U(0, 20M): P5 = 1M, P95 = 19M → surplus 94M and 76M, swing 18M.
    const s = contract({
      parameters: [
        { id: "retooling", path: "deals[cm].retooling.amount", distribution: { type: "uniform", min: 0, max: 2e7 } },
        { id: "weight", path: "deals[cm].bargainingWeight", distribution: { type: "uniform", min: 0.3, max: 0.7 } },
      ],
    });
    const { base, swings } = sensitivity(s, drawPlan(s), metric(s, "deal.cm.jointSurplus"));
    expect(base).toBeCloseTo(85e6, 0);
    expect(swings[0]?.parameter).toBe("retooling");
    expect(swings[0]?.atLow).toBeCloseTo(94e6, 0);
    expect(swings[0]?.atHigh).toBeCloseTo(76e6, 0);
    expect(swings[0]?.swing).toBeCloseTo(18e6, 0);
    expect(swings[1]?.swing).toBeLessThan(1);
  });

  it("leaves every other parameter as written at each of its paths", () => {
    // "shared" sets two numbers written differently: fixed cost 50M and retooling R = 10M. Swinging the
    // weight (zero spread, 0.5 as written) must leave R at 10M, so both ends equal the base 95M − 10M = 85M
    // exactly; forcing R to the first path's 50M would give 95M − 50M = 45M.
    const s = contract({
      parameters: [
        { id: "shared", path: ["plants[canton].fixedCost", "deals[cm].retooling.amount"], distribution: { type: "uniform", min: 0, max: 2e7 } },
        { id: "weight", path: "deals[cm].bargainingWeight", distribution: { type: "normal", mean: 0.5, sd: 0 } },
      ],
    });
    const { base, swings } = sensitivity(s, drawPlan(s), metric(s, "deal.cm.jointSurplus"));
    expect(base).toBeCloseTo(85e6, 0);
    const weight = swings.find((w) => w.parameter === "weight");
    expect(weight?.atLow).toBe(base);
    expect(weight?.atHigh).toBe(base);
    // "shared" at P5 = 1M and P95 = 19M sets R to 1M and 19M: 94M and 76M.
    const shared = swings.find((w) => w.parameter === "shared");
    expect(shared?.atLow).toBeCloseTo(94e6, 0);
    expect(shared?.atHigh).toBeCloseTo(76e6, 0);
  });
});

describe("deal values in a draw", () => {
  it("equal analyseDeal's NPVs and joint surplus, with or without a zone of agreement", () => {
    for (const retooling of [1e7, 9.4e7, 1.2e8]) {
      const s = contract({ parameters: [{ id: "r", path: "deals[cm].retooling.amount", distribution: { type: "normal", mean: retooling, sd: 0 } }] });
      const at = applyDraw(s, drawPlan(s), [retooling]);
      const { prices } = resolveOpenPrices(at);
      const a = analyseDeal(at, "cm", prices);
      const v = dealValue(at, prices, evaluate(at), "cm");
      expect(v.parties.sort()).toEqual([...a.parties].sort());
      for (const p of a.values) expect(v.npv[p.company]).toBeCloseTo(p.npv, 6);
      expect(v.joint).toBeCloseTo(a.jointNpvBase, 6);
    }
  });
});

describe("draws as a pure function of (seed, index)", () => {
  it("any split of the draws gives the same rows, and applyDraw at the written values changes nothing", () => {
    const s = contract({
      parameters: [
        { id: "r", path: "deals[cm].retooling.amount", distribution: { type: "lognormal", median: 1e7, sigma: 0.5 } },
        { id: "w", path: "deals[cm].bargainingWeight", distribution: { type: "triangular", min: 0.2, mode: 0.5, max: 0.8 } },
      ],
      correlations: [{ between: ["r", "w"], rank: 0.7 }],
    });
    const plan = drawPlan(s);
    const m = [metric(s, "deal.cm.npv.host"), metric(s, "deal.cm.winwin")];
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 8 }), (seed, cut) => {
        const whole = runDraws(s, plan, m, seed, 0, 8);
        expect([...whole]).toEqual([...runDraws(s, plan, m, seed, 0, cut), ...runDraws(s, plan, m, seed, cut, 8)]);
      }),
      { numRuns: 15 },
    );
    const asWritten = applyDraw(s, plan, [1e7, 0.5]);
    expect(asWritten.deals).toEqual(s.deals);
  });
});
