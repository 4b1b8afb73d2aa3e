import { describe, expect, it } from "vitest";
import { cooperation, optimizeInstance } from "../src/index.js";
import { tinyInstance } from "./helpers.js";

const one = { companies: ["a"], crossCompany: false };

describe("allocation LP: hand-computed optima", () => {
  // Plant A earns 100 a unit and can build 60; plant B earns 80 and can build 100; demand is 120.
  // Fill A first: x_A = 60, x_B = 60, profit 60·100 + 60·80 = 10 800.
  // One more unit of capacity at A moves a unit from B to A: +100 − 80 = 20; B has spare capacity: 0.
  const inst = tinyInstance(
    [
      { program: "car", plant: "A", demand: 120, margin: 100 },
      { program: "car", plant: "B", demand: 120, margin: 80 },
    ],
    [
      { id: "A", capacity: 60 },
      { id: "B", capacity: 100 },
    ],
  );

  it("fills the better plant first", async () => {
    const r = await optimizeInstance(inst, one, { objective: { kind: "alliance" } });
    expect(r.status).toBe("optimal");
    expect(r.objective).toBeCloseTo(10_800, 6);
    expect(r.flows.map((f) => [inst.lanes.plant[f.lane], f.units])).toEqual([
      ["A", 60],
      ["B", 60],
    ]);
  });

  it("prices capacity by its shadow price, in domain labels", async () => {
    const r = await optimizeInstance(inst, one, { objective: { kind: "alliance" } });
    expect(r.plants.find((p) => p.plant === "A")?.shadowPrice).toBeCloseTo(20, 9);
    expect(r.plants.find((p) => p.plant === "B")?.shadowPrice).toBeCloseTo(0, 9);
  });

  it("treats demand as a ceiling: a loss-making lane is not used", async () => {
    // margin −5 at C: selling there loses money, so nothing is built.
    const loss = tinyInstance([{ program: "car", plant: "C", demand: 50, margin: -5 }], [{ id: "C", capacity: 100, fixedCost: 30 }]);
    const r = await optimizeInstance(loss, one, { objective: { kind: "alliance" } });
    expect(r.flows).toEqual([]);
    expect(r.objective).toBeCloseTo(-30, 9); // the fixed cost is sunk in a fixed footprint
  });

  it("caps the US-assembly offset at the parts duties it offsets", async () => {
    // 10 units, margin 50, offset credit 8 a unit, parts duties 3 a unit: credit min(80, 30) = 30; profit 500 + 30.
    const o = tinyInstance([{ program: "car", plant: "A", demand: 10, margin: 50, offset: 8, parts: 3 }], [{ id: "A", capacity: 100 }]);
    const r = await optimizeInstance(o, one, { objective: { kind: "alliance" } });
    expect(r.objective).toBeCloseTo(530, 9);
  });

  it("carries unused offset credit to the builder's next period that earns credit", async () => {
    // P1: 10 units earn 8 a unit (80) against parts duties of 3 a unit (30): 50 left over.
    // P2: 10 units earn 1 a unit (10) against parts duties of 6 a unit (60): uses 10 + 50 carried = 60.
    // Without carry-forward: 30 + 10 = 40; with it: 30 + 60 = 90. Margins 50 × 20 units = 1 000.
    const lanes = [
      { program: "car", plant: "A", demand: 10, margin: 50, offset: 8, parts: 3, period: 0 },
      { program: "car", plant: "A", demand: 10, margin: 50, offset: 1, parts: 6, period: 1 },
    ];
    const lost = tinyInstance(lanes, [{ id: "A", capacity: 100 }], ["P1", "P2"]);
    expect((await optimizeInstance(lost, one, { objective: { kind: "alliance" } })).objective).toBeCloseTo(1040, 9);
    const carried = { ...lost, poolCarries: [true] };
    expect((await optimizeInstance(carried, one, { objective: { kind: "alliance" } })).objective).toBeCloseTo(1090, 9);
  });
});

describe("footprint MILP: hand-computed optima", () => {
  const footprint = { retoolCost: 1000, minUtilisation: 0, closureCost: () => 0 };

  it("closes a plant whose contribution does not cover its fixed cost", async () => {
    // 40 units × 100 = 4 000 < fixed cost 5 000: closing (cost 0) saves 1 000; profit 0.
    const inst = tinyInstance([{ program: "car", plant: "A", demand: 40, margin: 100 }], [{ id: "A", capacity: 100, fixedCost: 5000 }]);
    const r = await optimizeInstance(inst, one, { objective: { kind: "alliance" }, footprint });
    expect(r.objective).toBeCloseTo(0, 6);
    expect(r.plants[0]?.open).toBe(0);
  });

  it("keeps it when closing costs more than the loss", async () => {
    // keep: 4 000 − 5 000 = −1 000; close: −closure 1 500. Keep.
    const inst = tinyInstance([{ program: "car", plant: "A", demand: 40, margin: 100 }], [{ id: "A", capacity: 100, fixedCost: 5000 }]);
    const r = await optimizeInstance(inst, one, { objective: { kind: "alliance" }, footprint: { ...footprint, closureCost: () => 1500 } });
    expect(r.objective).toBeCloseTo(-1000, 6);
    expect(r.plants[0]?.open).toBe(1);
  });

  it("keeps history as it was: before the first decision the plant stays open at its actual volume", async () => {
    // P1 and P2 each: 40 units × 100 = 4 000 against a fixed cost of 5 000, so the free optimum closes A at
    // once (profit −closure = 0). From P2 on only: P1 ran open with its 40 units (4 000 − 5 000 = −1 000), then A closes.
    const inst = tinyInstance(
      [
        { program: "car", plant: "A", demand: 40, margin: 100, period: 0 },
        { program: "car", plant: "A", demand: 40, margin: 100, period: 1 },
      ],
      [{ id: "A", capacity: 100, fixedCost: 5000 }],
      ["P1", "P2"],
    );
    const free = await optimizeInstance(inst, one, { objective: { kind: "alliance" }, footprint });
    expect(free.plants.map((p) => p.open)).toEqual([0, 0]);
    const frozen = Float64Array.from([40, 40]);
    const r = await optimizeInstance(inst, one, { objective: { kind: "alliance" }, footprint: { ...footprint, firstDecision: 1, frozen } });
    expect(r.plants.map((p) => p.open)).toEqual([1, 0]);
    expect(r.objective).toBeCloseTo(-1000, 6);
  });

  it("never reopens a plant, and closes it when the money runs out", async () => {
    // Period 1: 40 × 100 − 1 000 fixed = +3 000 (keep). Period 2: no demand, −1 000 if kept: close at the start of P2.
    const inst = tinyInstance(
      [{ program: "car", plant: "A", demand: 40, margin: 100, period: 0 }],
      [{ id: "A", capacity: 100, fixedCost: 1000 }],
      ["P1", "P2"],
    );
    const r = await optimizeInstance(inst, one, { objective: { kind: "alliance" }, footprint });
    expect(r.plants.map((p) => p.open)).toEqual([1, 0]);
    expect(r.objective).toBeCloseTo(3000, 6);
  });

  it("adds a platform when the extra margin repays the retooling", async () => {
    // B lacks the platform: 100 units × (90 − 70) = 2 000 more than at A, retooling 1 000: retool, profit 9 000 − 1 000 = 8 000.
    const inst = tinyInstance(
      [
        { program: "car", plant: "A", demand: 100, margin: 70 },
        { program: "car", plant: "B", demand: 100, margin: 90, native: false },
      ],
      [
        { id: "A", capacity: 100 },
        { id: "B", capacity: 100, platforms: [] },
      ],
    );
    const r = await optimizeInstance(inst, one, { objective: { kind: "alliance" }, footprint });
    expect(r.retooled).toEqual([{ plant: "B", platform: "p" }]);
    expect(r.objective).toBeCloseTo(8000, 6);
  });

  it("respects a minimum utilisation of a kept plant", async () => {
    // A earns 10 a unit, B 50; demand 100, capacity 100 each; A must run ≥ 30% if kept and closing costs 10 000.
    // Keep A at 30 units: 30·10 + 70·50 = 3 800 (vs closing: 100·50 − 10 000).
    const inst = tinyInstance(
      [
        { program: "car", plant: "A", demand: 100, margin: 10 },
        { program: "car", plant: "B", demand: 100, margin: 50 },
      ],
      [
        { id: "A", capacity: 100 },
        { id: "B", capacity: 100 },
      ],
    );
    const r = await optimizeInstance(inst, one, {
      objective: { kind: "alliance" },
      footprint: { retoolCost: 0, minUtilisation: 0.3, closureCost: () => 10_000 },
    });
    expect(r.objective).toBeCloseTo(3800, 6);
  });
});

describe("footprint MILP: discounting, closure costs and platform ownership", () => {
  // One plant over P1, P2: 100 units × 8 = 800 a period against a fixed cost of 1 000; closing costs 350.
  const inst = tinyInstance(
    [
      { program: "car", plant: "A", demand: 100, margin: 8, period: 0 },
      { program: "car", plant: "A", demand: 100, margin: 8, period: 1 },
    ],
    [{ id: "A", capacity: 100, fixedCost: 1000 }],
    ["P1", "P2"],
  );
  const footprint = { retoolCost: 0, minUtilisation: 0, closureCost: () => 350 };

  it("undiscounted, closes at once: −350 beats keeping (−200 − 200) and closing later (−200 − 350)", async () => {
    const r = await optimizeInstance(inst, one, { objective: { kind: "alliance" }, footprint });
    expect(r.plants.map((p) => p.open)).toEqual([0, 0]);
    expect(r.objective).toBeCloseTo(-350, 6);
  });

  it("discounted (factors 1, 0.5), keeps the plant: −200 − 0.5 · 200 = −300 beats −350 now and −200 − 0.5 · 350 = −375", async () => {
    const discount = new Map([["a", [1, 0.5]]]);
    const r = await optimizeInstance(inst, one, { objective: { kind: "alliance" }, footprint, discount });
    expect(r.plants.map((p) => p.open)).toEqual([1, 1]);
    expect(r.objective).toBeCloseTo(-300, 6);
    expect(r.profit.get("a")).toBeCloseTo(-300, 6);
  });

  it("charges a closure at its period's factor: closing from P2 costs 0.5 · 350", async () => {
    // P2 has no demand: keep both −200 − 0.5 · 1 000 = −700; close at P2 −200 − 175 = −375; close at once −350.
    const lanes = [{ program: "car", plant: "A", demand: 100, margin: 8, period: 0 }];
    const early = tinyInstance(lanes, [{ id: "A", capacity: 100, fixedCost: 1000 }], ["P1", "P2"]);
    const discount = new Map([["a", [1, 0.5]]]);
    const frozen = Float64Array.from([100]);
    const r = await optimizeInstance(early, one, { objective: { kind: "alliance" }, footprint: { ...footprint, firstDecision: 1, frozen }, discount });
    expect(r.plants.map((p) => p.open)).toEqual([1, 0]);
    expect(r.objective).toBeCloseTo(-375, 6);
  });

  it("takes a plant's stated closure cost before --closure-years, and years of fixed cost otherwise", async () => {
    const stated = tinyInstance(
      inst.lanes.program.map((program, i) => ({ program, plant: "A", demand: 100, margin: 8, period: i })),
      [{ id: "A", capacity: 100, fixedCost: 1000, closureCost: 450 }],
      ["P1", "P2"],
    );
    const o = { retoolCost: 0, minUtilisation: 0, closureYears: 0.1 };
    // Stated 450 > −400 of keeping: keep. Without it, 0.1 years × 1 000 = 100: close at once.
    expect((await optimizeInstance(stated, one, { objective: { kind: "alliance" }, footprint: o })).objective).toBeCloseTo(-400, 6);
    expect((await optimizeInstance(inst, one, { objective: { kind: "alliance" }, footprint: o })).objective).toBeCloseTo(-100, 6);
  });

  it("with platforms `own`, a plant adds only platforms its owner's other plants list", async () => {
    // a sells the car (platform p, a's plant A, margin 70 and 50 units of capacity); b's plant B lacks p, margin 90.
    const two = tinyInstance(
      [
        { program: "car", plant: "A", seller: "a", demand: 100, margin: 70 },
        { program: "car", plant: "B", seller: "a", builder: "b", demand: 100, margin: 90, native: false },
      ],
      [
        { id: "A", owner: "a", capacity: 50 },
        { id: "B", owner: "b", capacity: 100, platforms: [] },
      ],
    );
    const both = { companies: ["a", "b"], crossCompany: true };
    const o = { retoolCost: 1000, minUtilisation: 0, closureCost: () => 0 };
    // any: all 100 at B, 9 000 − 1 000 = 8 000; own: B may not add a's platform, 50 at A = 3 500.
    const any = await optimizeInstance(two, both, { objective: { kind: "alliance" }, footprint: o });
    expect(any.objective).toBeCloseTo(8000, 6);
    const own = await optimizeInstance(two, both, { objective: { kind: "alliance" }, footprint: { ...o, platforms: "own" } });
    expect(own.objective).toBeCloseTo(3500, 4);
    expect(own.retooled).toEqual([]);
  });
});

describe("footprint MILP: a stand-alone solve never borrows another maker's platform", () => {
  it("b's plant cannot take up a's platform alone, even with platforms `any`; in the alliance it may", async () => {
    // b sells a van on platform p, which only a's plant A lists; b's plant B lacks it. Margin 50 on 100 units, retooling 1 000.
    const inst = tinyInstance(
      [
        { program: "van", plant: "B", seller: "b", demand: 100, margin: 50, native: false },
        { program: "van", plant: "A", seller: "b", builder: "a", demand: 100, margin: 0 },
      ],
      [
        { id: "A", owner: "a", capacity: 0 },
        { id: "B", owner: "b", capacity: 100, platforms: [] },
      ],
    );
    const o = { retoolCost: 1000, minUtilisation: 0, closureCost: () => 0, platforms: "any" as const };
    const alone = await optimizeInstance(inst, { companies: ["b"], crossCompany: false }, { objective: { kind: "company", company: "b" }, footprint: o });
    expect(alone.objective).toBeCloseTo(0, 4);
    expect(alone.retooled).toEqual([]);
    const both = await optimizeInstance(inst, { companies: ["a", "b"], crossCompany: true }, { objective: { kind: "alliance" }, footprint: o });
    expect(both.objective).toBeCloseTo(100 * 50 - 1000, 4);
    expect(both.retooled).toEqual([{ plant: "B", platform: "p" }]);
  });
});

describe("value of cooperation: hand-computed", () => {
  // Company a sells 100 units of "truck" but its plant A can build 50 (margin 60 there).
  // Company b's plant B has 80 idle units and can build the truck: unit contribution there 50
  // (seller margin 50 + builder cost 0); transfer 30 a unit.
  // Stand-alone: a earns 50·60 = 3 000; b earns 0. Alliance: + 50 units at B × 50 = 2 500. Value 2 500.
  const inst = tinyInstance(
    [
      { program: "truck", plant: "A", seller: "a", demand: 100, margin: 60 },
      { program: "truck", plant: "B", seller: "a", builder: "b", demand: 100, margin: 50, transfer: 30 },
    ],
    [
      { id: "A", owner: "a", capacity: 50 },
      { id: "B", owner: "b", capacity: 80 },
    ],
  );

  it("is the alliance optimum less the sum of stand-alone optima", async () => {
    const c = await cooperation(inst, "alliance", {});
    expect(c.standAlone.get("a")?.objective).toBeCloseTo(3000, 6);
    expect(c.standAlone.get("b")?.objective).toBeCloseTo(0, 6);
    expect(c.alliance.objective).toBeCloseTo(5500, 6);
    expect(c.value).toBeCloseTo(2500, 6);
    expect(c.moves).toEqual([{ program: "truck", market: "us", plant: "B", units: 50 }]);
  });

  it("splits the alliance profit by the transfer price", async () => {
    // a: 50·60 + 50·(50 − 30) = 4 000; b: 50·30 = 1 500.
    const c = await cooperation(inst, "alliance-fair", {});
    expect(c.alliance.profit.get("a")).toBeCloseTo(4000, 6);
    expect(c.alliance.profit.get("b")).toBeCloseTo(1500, 6);
  });
});

describe("infeasibility in domain terms", () => {
  it("names the demand that cannot be met with the capacity there is", async () => {
    // Demand 150 must be met; capacity is 120. Elastic: 30 units short on demand (30 × 1)
    // beats 30 over capacity (30 × 1.001): of two equal explanations the demand is named.
    const inst = tinyInstance([{ program: "car", plant: "A", demand: 150, margin: 10 }], [{ id: "A", capacity: 120 }]);
    const r = await optimizeInstance(inst, one, { objective: { kind: "alliance" }, demand: "meet" });
    expect(r.status).toBe("infeasible");
    expect(r.violations).toEqual([{ row: "demand(car,us,P1)", family: "demand", amount: 30, direction: "short", related: ["capacity(A,P1)"] }]);
  });

  it("names a minimum utilisation that the demand cannot fill, not the demand", async () => {
    // Demand 60 must be met at plant A (capacity 100) kept only at 95% or more. Open: 35 short of the floor;
    // closed: 60 short of demand. A vehicle weighs the same on either row, so the floor is named.
    const inst = tinyInstance([{ program: "car", plant: "A", demand: 60, margin: 10 }], [{ id: "A", capacity: 100, fixedCost: 10 }]);
    const footprint = { retoolCost: 0, minUtilisation: 0.95, closureCost: () => 0 };
    const r = await optimizeInstance(inst, one, { objective: { kind: "alliance" }, demand: "meet", footprint });
    expect(r.status).toBe("infeasible");
    expect(r.violations.map((v) => [v.family, v.row, Math.round(v.amount)])).toEqual([["minUtilisation", "minUtilisation(A,P1)", 35]]);
  });
});
