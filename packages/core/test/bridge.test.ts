import { describe, expect, it } from "vitest";
import { profitBridge, rows, runScenario } from "../src/index.js";
import { build, company, measure, plant, program, scenario } from "./fixtures.js";

describe("operating-profit bridge, hand-worked", () => {
  it("splits a year's change into volume, price, tariffs and exchange rates", () => {
    // A JPY-reporting maker builds in Japan and sells in the US. FY2025: 1,000 cars at 30,000, cost 20,000, no duty, ¥150.
    // FY2026: 1,100 cars at 31,000, a 10% duty on the customs value 0.9 × 30,000 = 2,700 (the list price's share: a price response does not change the declared value), ¥160.
    const s = build(
      scenario({
        horizon: { fiscalYears: { from: 2025, to: 2026, startMonth: 4 } },
        fx: { base: "USD", rates: { JPY: { FY2025: 150, FY2026: 160 } } },
        companies: [company("maker", { reportingCurrency: "JPY" })],
        plants: [plant("jp", "maker", "JP")],
        programs: [
          program("car", "maker", [{ from: "FY2025", shares: { jp: 1 } }], {
            markets: { us: { price: 30_000, demand: { FY2025: 1_000, FY2026: 1_100 } } },
          }),
        ],
        lanes: [{ from: "JP", to: "us", costPerUnit: 0 }],
        tariffs: [measure("duty", 0.1, { from: "2026-04-01" })],
        priceResponses: [{ id: "up", market: "us", from: "2026-04-01", priceChange: 1_000 / 30_000 }],
      }),
    );
    const run = runScenario(s);
    const step = Object.fromEntries(rows(profitBridge({ run, period: "FY2025" }, { run, period: "FY2026" })).map((r) => [r.step, Number(r.amount)]));
    // Start: 1,000 × 10,000 × 150 = ¥1.5bn. End: 1,100 × (31,000 − 20,000 − 2,700) × 160 = ¥1,460.8M.
    expect(step.start).toBeCloseTo(1.5e9, 0);
    expect(step.end).toBeCloseTo(1_100 * (31_000 - 20_000 - 2_700) * 160, 0);
    // At FY2025's ¥150: volume 100 × 10,000 × 150 = ¥150M; price 1,100 × 1,000 × 150 = ¥165M; duty −1,100 × 2,700 × 150 = −¥445.5M.
    expect(step.volume).toBeCloseTo(100 * 10_000 * 150, 0);
    expect(step.price).toBeCloseTo(1_100 * 1_000 * 150, 0);
    expect(step.vehicleTariffs).toBeCloseTo(-1_100 * 2_700 * 150, 0);
    // Exchange rates: the FY2026 dollar margin 1,100 × 8,300 translated at 160 instead of 150.
    expect(step.fx).toBeCloseTo(1_100 * 8_300 * 10, 0);
    expect(step.costs).toBeCloseTo(0, 3);
    expect(step.deals).toBeCloseTo(0, 3);
  });
});
