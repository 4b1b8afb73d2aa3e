import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scenarios } from "./arbitraries.js";
import { build, run, where } from "./fixtures.js";

// The US-assembly offset is not a subsidy: in each company and period, the credit of an offset
// measure never exceeds the company's parts duties under the measures that offset names, and all
// credits together never exceed the parts duties under the measures they name.
const gen = scenarios({ horizon: { fiscalYears: { from: 2025, to: 2026, startMonth: 4 } }, periods: ["FY2025", "FY2026"], offsets: true, jpy: true });

describe("offsets never exceed the parts duties they offset", () => {
  it("per company and period, for each offset measure and for all of them together", () => {
    let credited = 0;
    fc.assert(
      fc.property(gen, (input) => {
        const s = build(input);
        const r = run(input);
        const names = new Map(s.tariffs.filter((m) => m.kind === "offset").map((m) => [m.id, new Set(m.offsets)]));
        const duties = where(r.duties, {});
        const partsUnder = (company: unknown, period: unknown, named: Set<string>) =>
          duties
            .filter((d) => d.kind === "parts" && d.payer === company && d.period === period && named.has(d.measure as string))
            .reduce((a, d) => a + (d.amount as number), 0);
        for (const row of where(r.companies, {})) {
          const lines = duties.filter((d) => d.kind === "offset" && d.payer === row.company && d.period === row.period);
          const all = new Set<string>();
          let sum = 0;
          for (const [id, named] of names) {
            const credit = -lines.filter((d) => d.measure === id).reduce((a, d) => a + (d.amount as number), 0);
            if (credit <= 0) continue;
            credited++;
            sum += credit;
            for (const n of named) all.add(n);
            expect(credit, `${id} for ${row.company} in ${row.period}`).toBeLessThanOrEqual(partsUnder(row.company, row.period, named) * (1 + 1e-9) + 1e-6);
          }
          expect(sum).toBeLessThanOrEqual(partsUnder(row.company, row.period, all) * (1 + 1e-9) + 1e-6);
          // the company's offset in its own books is the same credit, converted
          const offsetBase = (row.offset as number) / (row.currency === "JPY" ? (s.fx.rates.JPY?.[row.period as string] ?? Number.NaN) : 1);
          expect(offsetBase).toBeCloseTo(sum, 3);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
    expect(credited).toBeGreaterThan(20);
  });
});
