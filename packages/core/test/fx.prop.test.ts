import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ScenarioInput } from "../src/index.js";
import { scenarios } from "./arbitraries.js";
import { run, where } from "./fixtures.js";

// Amounts are held in their own currency and converted to a company's reporting currency at the
// period's rate. No price or cost in the generated scenarios is in JPY, so scaling every JPY rate
// by k must scale the JPY reporters' amounts by k and leave every base-currency amount unchanged.
const periods = ["FY2025", "FY2026"];
const gen = scenarios({ horizon: { fiscalYears: { from: 2025, to: 2026, startMonth: 4 } }, periods, offsets: true, jpy: true });
const REPORTED = ["revenue", "variableCost", "logistics", "vehicleDuty", "partsDuty", "offset", "contribution", "fixedCost", "operatingProfit"];

const scaleJpy = (input: ScenarioInput, k: number): ScenarioInput => {
  const jpy = input.fx?.rates?.JPY ?? {};
  return { ...input, fx: { ...input.fx, rates: { ...input.fx?.rates, JPY: Object.fromEntries(Object.entries(jpy).map(([p, r]) => [p, (r as number) * k])) } } };
};
const close = (a: unknown, b: number, what: string) => expect(Math.abs((a as number) - b), what).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));

describe("FX conversion", () => {
  it("scaling every JPY rate by k scales JPY reporters' amounts by k and leaves base amounts unchanged", () => {
    let jpyRows = 0;
    fc.assert(
      fc.property(
        gen,
        fc.integer({ min: 2, max: 400 }).map((x) => x / 100),
        (input, k) => {
          const a = run(input);
          const b = run(scaleJpy(input, k));
          const rowsA = where(a.companies, {});
          const rowsB = where(b.companies, {});
          expect(rowsB.map((r) => [r.period, r.company, r.currency])).toEqual(rowsA.map((r) => [r.period, r.company, r.currency]));
          rowsA.forEach((ra, i) => {
            const rb = rowsB[i] as Record<string, unknown>;
            const factor = ra.currency === "JPY" ? k : 1;
            if (ra.currency === "JPY" && ra.revenue !== 0) jpyRows++;
            for (const c of REPORTED) close(rb[c], (ra[c] as number) * factor, `${c} of ${ra.company} in ${ra.period}`);
            close(rb.operatingProfitBase, ra.operatingProfitBase as number, "operatingProfitBase");
            close(rb.units, ra.units as number, "units");
          });
          // flows and duty lines are in the base currency: unchanged
          for (const c of ["units", "revenue", "vehicleDuty", "partsDuty", "offset", "contribution"]) {
            expect(b.flows.data[c]).toHaveLength(a.flows.length);
            (b.flows.data[c] ?? []).forEach((v, i) => {
              close(v, a.flows.data[c]?.[i] as number, `flows.${c}`);
            });
          }
          const dutiesA = where(a.companyDuties, {});
          expect(b.companyDuties.length).toBe(dutiesA.length);
          where(b.companyDuties, {}).forEach((d, i) => {
            const da = dutiesA[i] as Record<string, unknown>;
            close(d.amountBase, da.amountBase as number, "companyDuties.amountBase");
            close(d.amount, (da.amount as number) * (d.currency === "JPY" ? k : 1), "companyDuties.amount");
          });
        },
      ),
      { seed: 42, numRuns: 100 },
    );
    expect(jpyRows).toBeGreaterThan(20);
  });
});
