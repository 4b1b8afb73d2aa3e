import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { averageUnitCost, learningExponent, learningFactors, multipliers } from "../../src/deals/types/joint-development.js";
import { analyseDeal, evaluate, type Results, Scenario, type ScenarioInput } from "../../src/index.js";
import { num } from "../fixtures.js";
import { evaluateWith, expectSameResults, issuesOf, type JointIn, twoMakers, withoutDeals } from "./joint-supply-helpers.js";

/*
 * Hand-worked numbers. Progress ratio 0.9: b = log2 0.9 = −0.152003, 1 + b = 0.847997,
 * and 2^b = 0.9. Reference volume 200 000; each maker builds 100 000 a year.
 * Average unit cost over a period building Q_s..Q_e (relative to the cost at Q_ref):
 *   f = ((Q_e/Q_ref)^(1+b) − (Q_s/Q_ref)^(1+b)) / ((1 + b) · (Q_e − Q_s)/Q_ref)
 *
 *   FY2025 together: 0 → 200 000:        f = 1 / 0.847997               = 1.179250
 *   FY2025 alone:    0 → 100 000:        f = 0.5^b / 0.847997 = 1.111111 / 0.847997 = 1.310277
 *   FY2026 together: 200 000 → 400 000:  f = (2^(1+b) − 1) / 0.847997 = 0.8 / 0.847997 = 0.943400
 *   FY2026 alone:    100 000 → 200 000:  f = (1 − 0.5^(1+b)) / (0.847997 · 0.5) = 0.444444 / 0.423998 = 1.048222
 *
 * Combined volume is twice each party's own, so at equal cumulative position
 * the part costs 2^b = 0.9 of what it costs alone: 1.179250 = 0.9 × 1.310277.
 * With the part 20% of variable cost, the multiplier is 1 − 0.2 + 0.2·f:
 *   FY2025 together 1.035850 (20 717.00 a vehicle), alone 1.062055 (21 241.11);
 *   FY2026 together 0.988680 (19 773.60),            alone 1.009644 (20 192.89).
 */
const B = Math.log2(0.9);

function joint(extra: Partial<JointIn> = {}): JointIn {
  return {
    id: "powertrain",
    type: "joint-development",
    name: "Shared e-powertrain",
    programs: { nissan: ["frontier"], honda: ["accord"] },
    split: { nissan: 0.5, honda: 0.5 },
    developmentCost: { FY2025: 1_000_000_000, FY2026: 500_000_000 },
    costShare: 0.2,
    progressRatio: 0.9,
    referenceVolume: 200_000,
    from: "FY2025",
    ...extra,
  };
}

const withJoint = (extra: Partial<JointIn> = {}, parts: Partial<ScenarioInput> = {}) => twoMakers({ deals: [joint(extra)], ...parts });
const unitCost = (r: Results, program: string, period: string) =>
  num(r.flows, { program, period }, "variableCost") / num(r.flows, { program, period }, "units");

describe("learning curve", () => {
  it("averages the unit cost over a period's own units (hand-worked above)", () => {
    expect(learningExponent(0.9)).toBeCloseTo(-0.152003, 6);
    expect(averageUnitCost(0, 200_000, 200_000, B)).toBeCloseTo(1.17925, 5);
    expect(averageUnitCost(0, 100_000, 200_000, B)).toBeCloseTo(1.310277, 5);
    expect(averageUnitCost(200_000, 200_000, 200_000, B)).toBeCloseTo(0.9434, 5);
    expect(averageUnitCost(100_000, 100_000, 200_000, B)).toBeCloseTo(1.048222, 5);
  });

  it("twice the volume costs 2^b = 0.9 as much at equal cumulative position, in every period", () => {
    const alone = learningFactors([100_000, 100_000, 100_000], 200_000, B);
    const together = learningFactors([200_000, 200_000, 200_000], 200_000, B);
    together.forEach((f, t) => {
      expect(f / (alone[t] as number)).toBeCloseTo(0.9, 12);
    });
  });

  it("is exact: splitting a period in two gives the same total cost, and it matches the sum over units", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.double({ min: 0.55, max: 1, noNaN: true }),
        (qs, q1, q2, ratio) => {
          const b = Math.log2(ratio);
          const whole = (q1 + q2) * averageUnitCost(qs, q1 + q2, 200_000, b);
          const split = q1 * averageUnitCost(qs, q1, 200_000, b) + q2 * averageUnitCost(qs + q1, q2, 200_000, b);
          expect(Math.abs(whole - split)).toBeLessThanOrEqual(1e-9 * whole);
        },
      ),
      { seed: 7, numRuns: 100 },
    );
    // Σ over units 1 001..2 000 of (n/1 000)^b ÷ 1 000, against the integral from 1 000 to 2 000: within 0.01%.
    let sum = 0;
    for (let n = 1_001; n <= 2_000; n++) sum += (n / 1_000) ** B;
    expect(Math.abs(averageUnitCost(1_000, 1_000, 1_000, B) / (sum / 1_000) - 1)).toBeLessThan(1e-4);
  });

  it("a period that builds nothing keeps the cost where the curve stands (and 1 before any volume)", () => {
    expect(learningFactors([0, 100_000, 0], 100_000, B)).toEqual([1, expect.closeTo(1 / (1 + B), 9), expect.closeTo(1, 12)]);
  });

  it("multiplies variable cost by 1 − s + s·f, exactly 1 when f = 1", () => {
    expect(multipliers([1.17925, 1], 0.2)).toEqual([expect.closeTo(1 - 0.2 + 0.2 * 1.17925, 12), 1]);
  });
});

describe("joint development, evaluated", () => {
  it("as agreed: the learning curve runs over combined volume", () => {
    const r = evaluateWith(withJoint());
    expect(unitCost(r, "frontier", "FY2025")).toBeCloseTo(20_716.998, 2);
    expect(unitCost(r, "accord", "FY2025")).toBeCloseTo(20_716.998, 2);
    expect(unitCost(r, "frontier", "FY2026")).toBeCloseTo(19_773.599, 2);
    // 100 000 × 20 716.998 = 2 071 699 834 (to the nearest 50)
    expect(num(r.companies, { company: "nissan", period: "FY2025" }, "variableCost")).toBeCloseTo(2_071_699_834, -2);
  });

  it("as its counterfactual: each develops alone, over its own volume", () => {
    const r = evaluateWith(withJoint(), ["powertrain"]);
    expect(unitCost(r, "frontier", "FY2025")).toBeCloseTo(21_241.109, 2);
    expect(unitCost(r, "accord", "FY2026")).toBeCloseTo(20_192.887, 2);
  });

  it("the learnt share of cost is 10% lower together than alone: (m − (1 − s)) ÷ s = f, and f_together = 0.9 f_alone", () => {
    const agreed = evaluateWith(withJoint());
    const alone = evaluateWith(withJoint(), ["powertrain"]);
    for (const period of ["FY2025", "FY2026", "FY2027"]) {
      const f = (r: Results) => (unitCost(r, "frontier", period) / 20_000 - 0.8) / 0.2;
      expect(f(agreed) / f(alone)).toBeCloseTo(0.9, 9);
    }
  });

  it("books the development cost split 50/50 as agreed, and in full for each party alone", () => {
    const agreed = evaluateWith(withJoint());
    const alone = evaluateWith(withJoint(), ["powertrain"]);
    for (const company of ["nissan", "honda"]) {
      expect(num(agreed.companies, { company, period: "FY2025" }, "dealCosts")).toBeCloseTo(500_000_000, 3);
      expect(num(agreed.companies, { company, period: "FY2026" }, "dealCosts")).toBeCloseTo(250_000_000, 3);
      expect(num(alone.companies, { company, period: "FY2025" }, "dealCosts")).toBeCloseTo(1_000_000_000, 3);
      expect(num(alone.companies, { company, period: "FY2026" }, "dealCosts")).toBeCloseTo(500_000_000, 3);
      expect(num(alone.companies, { company, period: "FY2027" }, "dealCosts")).toBe(0);
    }
    // 60/40: Nissan 600M, Honda 400M in FY2025.
    const split = evaluateWith(withJoint({ split: { nissan: 0.6, honda: 0.4 } }));
    expect(num(split.companies, { company: "nissan", period: "FY2025" }, "dealCosts")).toBeCloseTo(600_000_000, 3);
    expect(num(split.companies, { company: "honda", period: "FY2025" }, "dealCosts")).toBeCloseTo(400_000_000, 3);
  });

  it("converts development cost from the deal's currency at the period's rate", () => {
    // ¥150bn at 150 ¥/$ = $1bn; ¥75bn at 125 ¥/$ = $600M; half each.
    const fx = { base: "USD", rates: { JPY: { FY2025: 150, FY2026: 125, FY2027: 125 } } };
    const r = evaluateWith(withJoint({ currency: "JPY", developmentCost: { FY2025: 150e9, FY2026: 75e9 } }, { fx }));
    expect(num(r.companies, { company: "honda", period: "FY2025" }, "dealCosts")).toBeCloseTo(500_000_000, 3);
    expect(num(r.companies, { company: "honda", period: "FY2026" }, "dealCosts")).toBeCloseTo(300_000_000, 3);
  });

  it("before `from` the multiplier is 1, and volume counts from `from`", () => {
    const r = evaluateWith(withJoint({ from: "FY2026" }));
    expect(unitCost(r, "frontier", "FY2025")).toBeCloseTo(20_000, 6);
    // FY2026 is the first year of the part: as FY2025 above, 0 → 200 000 together.
    expect(unitCost(r, "frontier", "FY2026")).toBeCloseTo(20_716.998, 2);
  });

  it("two deals on one program compound their multipliers", () => {
    const second = joint({ id: "platform", costShare: 0.1, developmentCost: {} });
    const r = evaluateWith(twoMakers({ deals: [joint(), second] }));
    // 20 000 × 1.035850 × (1 + 0.1 × 0.179250) = 20 000 × 1.035850 × 1.017925
    expect(unitCost(r, "frontier", "FY2025")).toBeCloseTo(20_000 * (1 + 0.2 * 0.17925) * (1 + 0.1 * 0.17925), 0);
  });

  it("as its counterfactual equals each party developing alone (two single-party deals)", () => {
    const alone = twoMakers({
      deals: [
        joint({ id: "n", programs: { nissan: ["frontier"] }, split: { nissan: 1 } }),
        joint({ id: "h", programs: { honda: ["accord"] }, split: { honda: 1 } }),
      ],
    });
    expectSameResults(evaluateWith(withJoint(), ["powertrain"]), evaluateWith(alone));
  });

  it("property: progress ratio 1 and no development cost change nothing, as agreed or alone", () => {
    const arb = fc.record({
      costShare: fc.double({ min: 0, max: 1, noNaN: true }),
      referenceVolume: fc.integer({ min: 1, max: 5_000_000 }),
      from: fc.constantFrom("FY2025", "FY2026", "FY2027"),
      demand: fc.integer({ min: 0, max: 400_000 }),
      honda: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, ({ costShare, referenceVolume, from, demand, honda }) => {
        const base = twoMakers();
        const programs = (base.programs ?? []).map((p) => (p.id === "frontier" ? { ...p, markets: { us: { price: 30_000, demand } } } : p));
        const parties: Record<string, string[]> = honda ? { nissan: ["frontier"], honda: ["accord"] } : { nissan: ["frontier"] };
        const split: Record<string, number> = honda ? { nissan: 0.5, honda: 0.5 } : { nissan: 1 };
        const deal = joint({ costShare, referenceVolume, from, progressRatio: 1, developmentCost: {}, programs: parties, split });
        const input = { ...base, programs, deals: [deal] };
        const plain = evaluate(Scenario.parse(withoutDeals(input)));
        expectSameResults(evaluateWith(input), plain);
        expectSameResults(evaluateWith(input, ["powertrain"]), plain);
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it("leaves programs outside the deal alone", () => {
    const base = twoMakers();
    const sentra = { ...(base.programs?.[0] as NonNullable<ScenarioInput["programs"]>[number]), id: "sentra", name: "sentra" };
    const r = evaluateWith({ ...base, programs: [...(base.programs ?? []), sentra], deals: [joint()] });
    expect(unitCost(r, "sentra", "FY2025")).toBe(20_000);
  });
});

describe("joint development, validated", () => {
  const paths = (input: unknown, severity: "error" | "warning" = "error") => issuesOf(input, severity).map((i) => i.path);

  it("accepts the example", () => {
    expect(issuesOf(withJoint())).toEqual([]);
    expect(issuesOf(withJoint(), "warning")).toEqual([]);
  });

  it("refuses unknown parties, programs and periods, with a suggestion", () => {
    const bad = withJoint({
      programs: { nisan: ["frontier"], honda: ["acord"] },
      split: { nisan: 0.5, honda: 0.5 },
      from: "FY2030",
      developmentCost: { FY2024: 1 },
    });
    const issues = issuesOf(bad);
    expect(issues).toContainEqual(expect.objectContaining({ path: "deals[0].programs.nisan", suggestion: "did you mean `nissan`?" }));
    expect(issues).toContainEqual(expect.objectContaining({ path: "deals[0].programs.honda[0]", suggestion: "did you mean `accord`?" }));
    expect(paths(bad)).toEqual(expect.arrayContaining(["deals[0].from", "deals[0].developmentCost.FY2024"]));
    expect(paths(withJoint({ developmentCost: { FY2025: -1 } }))).toContain("deals[0].developmentCost.FY2025");
  });

  it("refuses a program listed under a party that does not sell it", () => {
    const issues = issuesOf(withJoint({ programs: { nissan: ["frontier", "accord"], honda: ["accord"] } }));
    expect(issues).toContainEqual(
      expect.objectContaining({ path: "deals[0].programs.nissan[1]", message: "accord is sold by honda, not nissan", suggestion: "move it to programs.honda" }),
    );
    expect(issues).toContainEqual(expect.objectContaining({ path: "deals[0].programs.honda[0]", message: "accord is listed twice" }));
  });

  it("refuses a split that does not name exactly the parties or does not sum to 1", () => {
    expect(issuesOf(withJoint({ split: { nissan: 1 } }))).toContainEqual(
      expect.objectContaining({
        path: "deals[0].split",
        message: "no share of the development cost for honda",
        suggestion: expect.stringContaining("split.honda"),
      }),
    );
    expect(paths(withJoint({ split: { nissan: 0.5, honda: 0.5, toyota: 0 } }))).toContain("deals[0].split.toyota");
    expect(issuesOf(withJoint({ split: { nissan: 0.5, honda: 0.4 } }))).toContainEqual(
      expect.objectContaining({ path: "deals[0].split", message: expect.stringContaining("sum to 0.9, not 1") }),
    );
  });

  it("refuses a progress ratio of 0.5 and warns on implausible curves and shares", () => {
    expect(paths(withJoint({ progressRatio: 0.5 }))).toContain("deals[0].progressRatio");
    expect(paths(withJoint({ progressRatio: 0.6 }), "warning")).toContain("deals[0].progressRatio");
    expect(paths(withJoint({ costShare: 0 }), "warning")).toContain("deals[0].costShare");
    expect(paths(withJoint({ costShare: 0.7 }), "warning")).toContain("deals[0].costShare");
  });

  it("needs a rate for the deal's currency in the periods of its spending", () => {
    const fx = { base: "USD", rates: { JPY: { FY2025: 150 } } };
    expect(issuesOf(withJoint({ currency: "JPY" }, { fx }))).toContainEqual(
      expect.objectContaining({ path: "deals[0].currency", suggestion: expect.stringContaining("fx.rates.JPY.FY2026") }),
    );
  });

  it("warns that a single party develops alone", () => {
    expect(paths(withJoint({ programs: { nissan: ["frontier"] }, split: { nissan: 1 } }), "warning")).toContain("deals[0].programs");
  });
});

describe("joint development against each developing alone and against neither developing", () => {
  it("without learning, a 50/50 split saves each half the development against going alone and costs each half against not developing", () => {
    // Development 1.0bn (FY2025) + 0.5bn (FY2026), no learning (ratio 1), no discounting: alone each would pay 1.5bn,
    // together each pays 0.75bn (+0.75bn against alone); had neither developed, each pays 0.75bn more (−0.75bn).
    const input = withJoint({ progressRatio: 1 }, { parameters: { discountRate: 0 } } as Partial<ScenarioInput>);
    const a = analyseDeal(Scenario.parse(input), "powertrain");
    const npv = (list: { company: string; npv: number }[] | undefined, c: string) => list?.find((v) => v.company === c)?.npv;
    for (const c of ["nissan", "honda"]) {
      expect(npv(a.values, c)).toBeCloseTo(0.75e9, 0);
      expect(npv(a.versusNeither, c)).toBeCloseTo(-0.75e9, 0);
    }
  });

  it("with learning, the difference between the two is what the party would have spent alone", () => {
    // Against alone the party also pays nothing and learns only on its own volume; against neither it spends nothing
    // and its costs are as stated. Either way the deal's side is the same, so NPV(alone) − NPV(neither) is the NPV of
    // going alone against not developing at all: the whole development cost less the own-volume learning gain.
    const a = analyseDeal(Scenario.parse(withJoint({}, { parameters: { discountRate: 0 } } as Partial<ScenarioInput>)), "powertrain");
    const alone = evaluate(
      Scenario.parse(withJoint({ split: { nissan: 1 }, programs: { nissan: ["frontier"] } }, { parameters: { discountRate: 0 } } as Partial<ScenarioInput>)),
    );
    const none = evaluate(Scenario.parse(withoutDeals(withJoint({}, { parameters: { discountRate: 0 } } as Partial<ScenarioInput>))));
    const profit = (r: Results) => ["FY2025", "FY2026", "FY2027"].reduce((s, p) => s + num(r.companies, { company: "nissan", period: p }, "profit"), 0);
    const v = (list: { company: string; npv: number }[] | undefined) => list?.find((x) => x.company === "nissan")?.npv as number;
    expect(v(a.values) - v(a.versusNeither)).toBeCloseTo(profit(none) - profit(alone), 0);
  });
});
