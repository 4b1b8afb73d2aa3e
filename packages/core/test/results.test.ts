import { describe, expect, it } from "vitest";
import { type Cell, createTable, diffTables, groupSum, pushRow, rows, type Table } from "../src/index.js";
import { measure, plant, program, run, scenario } from "./fixtures.js";

const table = (list: Record<string, Cell>[]): Table => {
  const t = createTable("t", [
    { name: "period", role: "key" },
    { name: "plant", role: "key" },
    { name: "units", role: "value" },
    { name: "cost", role: "value" },
  ]);
  for (const r of list) pushRow(t, r);
  return t;
};

describe("groupSum", () => {
  it("sums value columns by the given keys, nulls counting as absent", () => {
    const t = table([
      { period: "FY2025", plant: "a", units: 10, cost: 1 },
      { period: "FY2025", plant: "b", units: 5, cost: null },
      { period: "FY2026", plant: "a", units: 7, cost: 2 },
      { period: "FY2025", plant: "a", units: 1, cost: 3 },
    ]);
    const byPeriod = rows(groupSum(t, ["period"], ["units", "cost"]));
    // FY2025: units 10 + 5 + 1 = 16, cost 1 + 3 = 4; FY2026: 7, 2
    expect(byPeriod).toEqual([
      { period: "FY2025", units: 16, cost: 4 },
      { period: "FY2026", units: 7, cost: 2 },
    ]);
    const byPlant = rows(groupSum(t, ["plant"], ["units"]));
    expect(byPlant).toEqual([
      { plant: "a", units: 18 },
      { plant: "b", units: 5 },
    ]);
  });
});

describe("diffTables", () => {
  const base = table([
    { period: "FY2025", plant: "a", units: 10, cost: 100 },
    { period: "FY2025", plant: "b", units: 20, cost: 200 },
    { period: "FY2025", plant: "c", units: 30, cost: 300 },
  ]);

  it("matches rows by key, not by position", () => {
    // same keys, other order, new values: a 11 (+1), b 25 (+5), c 27 (−3)
    const other = table([
      { period: "FY2025", plant: "c", units: 27, cost: 300 },
      { period: "FY2025", plant: "a", units: 11, cost: 100 },
      { period: "FY2025", plant: "b", units: 25, cost: 210 },
    ]);
    const d = rows(diffTables(base, other));
    const of = (p: string) => d.find((r) => r.plant === p);
    expect(d).toHaveLength(3);
    expect(of("a")).toMatchObject({ presence: "both", units_base: 10, units: 11, units_delta: 1, cost_delta: 0 });
    expect(of("b")).toMatchObject({ presence: "both", units_base: 20, units: 25, units_delta: 5, cost_delta: 10 });
    expect(of("c")).toMatchObject({ presence: "both", units_base: 30, units: 27, units_delta: -3, cost_delta: 0 });
  });

  it("reports rows on one side only, counting the missing side as 0", () => {
    const other = table([
      { period: "FY2025", plant: "b", units: 20, cost: 200 },
      { period: "FY2025", plant: "d", units: 4, cost: 40 },
      { period: "FY2025", plant: "a", units: 10, cost: 100 },
    ]);
    const d = rows(diffTables(base, other));
    const of = (p: string) => d.find((r) => r.plant === p);
    expect(d).toHaveLength(4);
    expect(of("c")).toMatchObject({ presence: "base-only", units_base: 30, units: null, units_delta: -30 });
    expect(of("d")).toMatchObject({ presence: "other-only", units_base: null, units: 4, units_delta: 4 });
    expect(of("a")).toMatchObject({ presence: "both", units_delta: 0 });
  });

  it("diffs the company tables of two evaluations: the tariff scenario against the base", () => {
    const parts = { plants: [plant("ohio", "maker", "US"), plant("kyushu", "maker", "JP")], programs: [program("car", "maker", { ohio: 0.5, kyushu: 0.5 })] };
    const noTariff = run(scenario(parts));
    const tariff = run(scenario({ ...parts, tariffs: [measure("s232", 0.25)] }));
    const d = rows(diffTables(noTariff.companies, tariff.companies));
    // kyushu's 500 units pay 0.25 × 27 000 = 6 750 each: Δ vehicle duty 3 375 000, Δ profit −3 375 000
    expect(d).toHaveLength(1);
    expect(d[0]?.vehicleDuty_delta).toBeCloseTo(3_375_000, 3);
    expect(d[0]?.operatingProfit_delta).toBeCloseTo(-3_375_000, 3);
  });

  it("keeps the amounts of rows the base lacks, even when the base table is empty", () => {
    // no tariffs in the base: its companyDuties table has no rows; with s232 the maker pays
    // 500 × 0.25 × 27 000 = 3 375 000 under s232, an other-only row with amount_delta 3 375 000
    const parts = { plants: [plant("ohio", "maker", "US"), plant("kyushu", "maker", "JP")], programs: [program("car", "maker", { ohio: 0.5, kyushu: 0.5 })] };
    const noTariff = run(scenario(parts));
    const tariff = run(scenario({ ...parts, tariffs: [measure("s232", 0.25)] }));
    expect(noTariff.companyDuties.length).toBe(0);
    const d = rows(diffTables(noTariff.companyDuties, tariff.companyDuties));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ measure: "s232", presence: "other-only" });
    expect(d[0]?.amount_delta).toBeCloseTo(3_375_000, 3);
  });
});
