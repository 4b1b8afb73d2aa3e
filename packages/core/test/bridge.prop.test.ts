import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { profitBridge, rows, runScenario, Scenario, type ScenarioInput } from "../src/index.js";
import { scenarios } from "./arbitraries.js";

const periods = ["FY2025", "FY2026"];
const gen = scenarios({ horizon: { fiscalYears: { from: 2025, to: 2026, startMonth: 4 } }, periods, offsets: true, profiles: true, jpy: true });

/** The generated scenario with exchange rates that move, costs in yen, a rest of company, a cost programme and a price response. */
function enrich(input: ScenarioInput, move: number): Scenario {
  const rates = input.fx?.rates ?? {};
  const jpy = rates.JPY as Record<string, number>;
  const cad = rates.CAD as Record<string, number>;
  return Scenario.parse({
    ...input,
    fx: { base: "USD", rates: { JPY: { ...jpy, FY2026: (jpy.FY2025 as number) * (1 + move) }, CAD: { ...cad, FY2026: (cad.FY2025 as number) * (1 - move) } } },
    parameters: { costCurrencies: { parts: { JP: "JPY" }, assembly: "plant" } },
    companies: (input.companies ?? []).map((c) => ({
      ...c,
      restOfCompany: { period: "FY2025", operatingProfit: 1e9, foreign: [{ currency: "CAD", amount: 2e8 }] },
    })),
    costPrograms: [{ id: "cuts", name: "cuts", company: "c0", kind: "fixed", currency: "JPY", savings: { FY2026: 5e9 } }],
    priceResponses: [{ id: "pt", market: "us", from: "2025-10-01", passThrough: 0.3, elasticity: -1.2 }],
  });
}

/** Whether some vehicle is built by another company than its seller (then the deals step holds its changes). */
const crossCompany = (run: ReturnType<typeof runScenario>) => rows(run.results.flows).some((f) => f.seller !== f.builder);

const check = (table: ReturnType<typeof profitBridge>, dealsFree: boolean) => {
  const all = rows(table);
  for (const company of new Set(all.map((r) => String(r.company)))) {
    const mine = all.filter((r) => r.company === company);
    const at = (step: string) => Number(mine.find((r) => r.step === step)?.amount);
    const factors = mine.filter((r) => r.step !== "start" && r.step !== "end").reduce((s, r) => s + Number(r.amount), 0);
    const scale = Math.max(1, Math.abs(at("start")), Math.abs(at("end")), ...mine.map((r) => Math.abs(Number(r.amount))));
    expect(Math.abs(at("start") + factors - at("end")) / scale).toBeLessThan(1e-9);
    // Without deals or cross-company flows nothing may be left for the deals step: the flow attribution is complete.
    if (dealsFree) expect(Math.abs(at("deals")) / scale).toBeLessThan(1e-9);
  }
};

describe("operating-profit bridge", () => {
  it("factors add up to the change exactly: year on year", () => {
    fc.assert(
      fc.property(gen, fc.integer({ min: -20, max: 20 }), (input, m) => {
        const run = runScenario(enrich(input, m / 100));
        check(profitBridge({ run, period: "FY2025" }, { run, period: "FY2026" }), !crossCompany(run));
      }),
      { seed: 7, numRuns: 80 },
    );
  });

  it("factors add up to the change exactly: one scenario against another (tariffs removed, rates moved)", () => {
    fc.assert(
      fc.property(gen, fc.integer({ min: -20, max: 20 }), (input, m) => {
        const a = runScenario(enrich(input, 0));
        const b = runScenario(enrich({ ...input, tariffs: [] }, m / 100));
        check(profitBridge({ run: a, period: "FY2026" }, { run: b, period: "FY2026" }), !crossCompany(a) && !crossCompany(b));
      }),
      { seed: 8, numRuns: 80 },
    );
  });
});
