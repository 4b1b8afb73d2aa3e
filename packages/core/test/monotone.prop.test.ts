import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scenarios } from "./arbitraries.js";
import { run, total } from "./fixtures.js";

const gen = scenarios({ horizon: { fiscalYears: { from: 2025, to: 2026, startMonth: 4 } }, periods: ["FY2025", "FY2026"], offsets: true });

const dutyOf = (input: Parameters<typeof run>[0]) => {
  const r = run(input);
  return total(r.flows, "vehicleDuty") + total(r.flows, "partsDuty");
};

describe("duty is monotone in every rate", () => {
  it("raising any one measure's rate never lowers total duty (vehicle + parts, before offsets)", () => {
    let raisedSomething = 0;
    fc.assert(
      fc.property(gen, fc.nat(), fc.integer({ min: 1, max: 500 }), (input, pick, step) => {
        const tariffs = input.tariffs ?? [];
        const duties = tariffs.filter((m) => m.kind !== "offset");
        fc.pre(duties.length > 0);
        const target = duties[pick % duties.length];
        const raised = { ...input, tariffs: tariffs.map((m) => (m === target ? { ...m, rate: Math.min(1, (m.rate as number) + step / 1000) } : m)) };
        const before = dutyOf(input);
        const after = dutyOf(raised);
        if (after > before + 1e-6) raisedSomething++;
        expect(after).toBeGreaterThanOrEqual(before - 1e-9 * Math.max(1, before));
      }),
      { seed: 42, numRuns: 200 },
    );
    // the generator must produce cases where the raise matters, or the property says nothing
    expect(raisedSomething).toBeGreaterThan(20);
  });
});
