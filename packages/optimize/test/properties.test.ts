import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cooperation, type Instance, optimizeInstance, valueAllocation } from "../src/index.js";
import { type LaneSpec, type PlantSpec, tinyInstance } from "./helpers.js";

/**
 * Small random instances: two companies with one to three plants each, a few
 * programs per company sold in one or two markets over one or two periods,
 * lanes from each program to a random subset of plants (own and the
 * partner's), some with offsets; and a feasible own sourcing on own plants.
 */
const arbInstance = fc
  .record({
    plants: fc.array(
      fc.record({ owner: fc.constantFrom("a", "b"), capacity: fc.integer({ min: 0, max: 200 }), fixedCost: fc.integer({ min: 0, max: 5000 }) }),
      { minLength: 2, maxLength: 5 },
    ),
    programs: fc.array(fc.record({ seller: fc.constantFrom("a", "b"), demand: fc.integer({ min: 0, max: 150 }) }), { minLength: 1, maxLength: 4 }),
    periods: fc.integer({ min: 1, max: 2 }),
    markets: fc.integer({ min: 1, max: 2 }),
    seed: fc.array(fc.integer({ min: -40, max: 120 }), { minLength: 200, maxLength: 200 }),
  })
  .map(({ plants, programs, periods, markets, seed }) => {
    let k = 0;
    const next = () => seed[k++ % seed.length] as number;
    const plantSpecs: PlantSpec[] = plants.map((p, i) => ({ id: `k${i}`, ...p }));
    const lanes: LaneSpec[] = [];
    const ids = Array.from({ length: periods }, (_, t) => `P${t + 1}`);
    programs.forEach((prog, j) => {
      for (const plant of plantSpecs) {
        if (next() < 0 && plant.owner !== prog.seller) continue; // not every plant can build every program
        for (let t = 0; t < periods; t++)
          for (let m = 0; m < markets; m++) {
            const offset = next() > 100 ? { offset: 5, parts: 3 } : {};
            lanes.push({
              program: `p${j}`,
              plant: plant.id,
              seller: prog.seller,
              market: `m${m}`,
              period: t,
              demand: prog.demand,
              margin: next() * 10,
              builderCost: Math.abs(next()),
              transfer: Math.abs(next()) * 5,
              ...offset,
            });
          }
      }
    });
    return tinyInstance(lanes, plantSpecs, ids);
  });

/** A feasible own sourcing: each lane on an own plant takes what demand and capacity leave, in lane order. */
function ownSourcing(inst: Instance): Float64Array {
  const L = inst.lanes;
  const left = new Map<string, number>(inst.plants.flatMap((p) => p.capacity.map((c, t) => [`${p.id}:${t}`, c] as const)));
  const sold = new Map<string, number>();
  const units = new Float64Array(L.length);
  for (let l = 0; l < L.length; l++) {
    if (L.seller[l] !== L.builder[l]) continue;
    const cap = `${L.plant[l]}:${L.period[l]}`;
    const dem = `${L.program[l]}:${L.market[l]}:${L.period[l]}`;
    const u = Math.min(left.get(cap) ?? 0, (L.demand[l] as number) - (sold.get(dem) ?? 0));
    const taken = Math.max(0, u);
    units[l] = taken;
    left.set(cap, (left.get(cap) ?? 0) - taken);
    sold.set(dem, (sold.get(dem) ?? 0) + taken);
  }
  return units;
}

const tol = (x: number) => 1e-6 * Math.max(1, Math.abs(x));
const both = { companies: ["a", "b"], crossCompany: true };

describe("optimiser invariants on random small instances", () => {
  it("the alliance optimum is never worse than the own sourcing", async () => {
    await fc.assert(
      fc.asyncProperty(arbInstance, async (inst) => {
        const own = await valueAllocation(inst, both, ownSourcing(inst));
        const opt = await optimizeInstance(inst, both, { objective: { kind: "alliance" } });
        expect(opt.status).toBe("optimal");
        expect(opt.objective).toBeGreaterThanOrEqual(own.objective - tol(own.objective));
      }),
      { seed: 42, numRuns: 40 },
    );
  });

  it("each stand-alone optimum is never worse than the company's own sourcing", async () => {
    await fc.assert(
      fc.asyncProperty(arbInstance, async (inst) => {
        const own = await valueAllocation(inst, both, ownSourcing(inst));
        for (const c of ["a", "b"]) {
          const sa = await optimizeInstance(inst, { companies: [c], crossCompany: false }, { objective: { kind: "company", company: c } });
          const base = own.profit.get(c) ?? 0;
          expect(sa.objective).toBeGreaterThanOrEqual(base - tol(base));
        }
      }),
      { seed: 42, numRuns: 30 },
    );
  });

  it("the alliance optimum is at least the sum of stand-alone optima, and the fair alliance keeps every company at its floor", async () => {
    await fc.assert(
      fc.asyncProperty(arbInstance, async (inst) => {
        const plain = await cooperation(inst, "alliance", {});
        expect(plain.value).toBeGreaterThanOrEqual(-tol(plain.standAloneTotal));
        const fair = await cooperation(inst, "alliance-fair", {});
        expect(fair.alliance.status).toBe("optimal");
        for (const [c, sa] of fair.standAlone) expect(fair.alliance.profit.get(c) ?? 0).toBeGreaterThanOrEqual(sa.objective - 1e-3 - tol(sa.objective));
        expect(fair.alliance.objective).toBeLessThanOrEqual(plain.alliance.objective + tol(plain.alliance.objective));
      }),
      { seed: 42, numRuns: 30 },
    );
  });

  it("a uniform discount factor λ scales every optimum by λ, footprint included (the decisions do not move)", async () => {
    await fc.assert(
      fc.asyncProperty(arbInstance, fc.double({ min: 0.2, max: 1, noNaN: true }), async (inst, lambda) => {
        const discount = new Map(["a", "b"].map((c) => [c, inst.periods.map(() => lambda)]));
        const footprint = { retoolCost: 500, minUtilisation: 0.1, closureYears: 1 };
        for (const fp of [undefined, footprint]) {
          const plain = await optimizeInstance(inst, both, { objective: { kind: "alliance" }, footprint: fp });
          const weighted = await optimizeInstance(inst, both, { objective: { kind: "alliance" }, footprint: fp, discount });
          // A MIP is proved to HiGHS' relative gap (1e-4), so the two optima agree within it.
          expect(Math.abs(weighted.objective - lambda * plain.objective)).toBeLessThanOrEqual(2e-4 * Math.max(1, Math.abs(plain.objective)));
        }
      }),
      { seed: 7, numRuns: 25 },
    );
  });

  it("with a footprint and a utilisation floor, cooperation is still never worth less than nothing", async () => {
    // Each company's stand-alone footprint (its idle plants closed, as the floor demands) is feasible for the alliance.
    await fc.assert(
      fc.asyncProperty(arbInstance, async (inst) => {
        const footprint = { retoolCost: 500, minUtilisation: 0.2, closureYears: 1 };
        const c = await cooperation(inst, "alliance", { footprint });
        expect(c.value).toBeGreaterThanOrEqual(-2e-4 * Math.max(1, Math.abs(c.standAloneTotal)));
      }),
      { seed: 11, numRuns: 25 },
    );
  });
});
