import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Scenario } from "../src/index.js";
import { scenarios } from "./arbitraries.js";
import { build, run, total, where } from "./fixtures.js";

const periods = ["FY2025", "FY2026"];
const gen = scenarios({ horizon: { fiscalYears: { from: 2025, to: 2026, startMonth: 4 } }, periods, offsets: true, profiles: true, jpy: true });

const demandOf = (s: Scenario, program: string, period: string) => {
  const p = s.programs.find((x) => x.id === program);
  return Object.values(p?.markets ?? {}).reduce((acc, m) => acc + (typeof m.demand === "number" ? m.demand : (m.demand[period] ?? 0)), 0);
};

describe("units are conserved (no pass-through)", () => {
  it("Σ flow units of a program in a period = Σ of its demand over markets", () => {
    fc.assert(
      fc.property(gen, (input) => {
        const s = build(input);
        const r = run(input);
        for (const period of periods) {
          for (const p of s.programs) {
            const d = demandOf(s, p.id, period);
            expect(total(r.flows, "units", { program: p.id, period })).toBeCloseTo(d, 6);
          }
        }
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it("Σ over plants of output = Σ flow units = Σ units sold by companies, per period", () => {
    fc.assert(
      fc.property(gen, (input) => {
        const r = run(input);
        for (const period of periods) {
          const flowUnits = total(r.flows, "units", { period });
          expect(total(r.plants, "output", { period })).toBeCloseTo(flowUnits, 6);
          expect(total(r.companies, "units", { period })).toBeCloseTo(flowUnits, 6);
          // and each plant's output is the Σ of its flows
          for (const row of where(r.plants, { period })) {
            expect(row.output as number).toBeCloseTo(total(r.flows, "units", { period, plant: row.plant ?? null }), 6);
          }
        }
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});
