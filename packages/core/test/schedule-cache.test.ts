import { describe, expect, it } from "vitest";
import { ScheduleCache } from "../src/evaluate/duty.js";
import { buildModel, evaluateModel, rows } from "../src/index.js";
import { setAt } from "../src/uncertainty/paths.js";
import { build, market, measure, plant, program, scenario } from "./fixtures.js";

// Cars built in Japan, sold in the US: an ad valorem duty on 1,000 units, so proportional to the rate.
const imported = build(
  scenario({
    markets: [market("us", "US")],
    plants: [plant("kyushu", "maker", "JP")],
    programs: [program("car", "maker", { kyushu: 1 })],
    tariffs: [measure("us-cars", 0.15)],
  }),
);
const duty = (s: typeof imported) => Number(rows(evaluateModel(buildModel(s)).companies)[0]?.vehicleDuty);

describe("schedules shared by the models of one scenario", () => {
  it("every model of a scenario reads one cache; a sale window or another scenario gets its own", () => {
    const a = buildModel(imported);
    const b = buildModel(imported, { counterfactual: new Set(["none"]) });
    expect(ScheduleCache.of(a)).toBe(ScheduleCache.of(b));
    const windowed = buildModel(imported, { saleWindow: { from: "2025-04-01", to: "2025-06-30" } });
    expect(ScheduleCache.of(windowed)).not.toBe(ScheduleCache.of(a));
    expect(ScheduleCache.of(buildModel({ ...imported }))).not.toBe(ScheduleCache.of(a));
  });

  it("a draw that changes a tariff rate is charged at its own rate, not the cached one", () => {
    const at15 = duty(imported);
    expect(at15).toBeGreaterThan(0);
    const redrawn = setAt(imported, ["tariffs", 0, "rate"], 0.275);
    expect(duty(redrawn) / at15).toBeCloseTo(0.275 / 0.15, 12);
    expect(duty(imported)).toBe(at15);
  });
});
