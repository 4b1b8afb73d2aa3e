import { describe, expect, it } from "vitest";
import { measure, num, plant, program, run, scenario } from "./fixtures.js";

describe("duty at entry: a sale pays the rates in force on the day the vehicle entered", () => {
  it("shifts a measure's dates by the entry-to-sale lag (hand-worked)", () => {
    // FY2025 = 2025-04-01..2026-03-31 (365 days); 10% from 2025-05-01 on customs value 0.9 × 30,000 = 27,000.
    // No lag: 335 days of sales pay it; a 30-day lag: sales from 2025-05-31, 305 days.
    const duty = (lag: number) =>
      num(
        run(
          scenario({
            plants: [plant("jp", "maker", "JP")],
            programs: [program("car", "maker", { jp: 1 }, { entryLagDays: lag })],
            lanes: [{ from: "JP", to: "us", costPerUnit: 0 }],
            tariffs: [measure("duty", 0.1, { from: "2025-05-01" })],
          }),
        ).flows,
        { program: "car" },
        "vehicleDuty",
      );
    expect(duty(0)).toBeCloseTo((1_000 * 2_700 * 335) / 365, 4);
    expect(duty(30)).toBeCloseTo((1_000 * 2_700 * 305) / 365, 4);
  });
});
