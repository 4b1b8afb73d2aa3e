import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DUTIES } from "../src/evaluate/tables.js";
import { buildModel, evaluateCompanies, evaluateModel, type Results } from "../src/index.js";
import { lazyProperty, tableOfLazyColumns } from "../src/results/define.js";
import { scenarios } from "./arbitraries.js";
import { build } from "./fixtures.js";

// A model keeps what its first evaluation resolved (routes, schedules, plant shares, codes) for the
// next ones: evaluating it again, or after its companies alone, must give the same numbers, to the
// bit, as a model built afresh; and the results of an earlier evaluation must not change.
const gen = scenarios({
  horizon: { fiscalYears: { from: 2025, to: 2026, startMonth: 4 } },
  periods: ["FY2025", "FY2026"],
  offsets: true,
  profiles: true,
  jpy: true,
});
const text = (r: Results) => JSON.stringify(r);

describe("evaluating a model again", () => {
  it("gives the same results as a fresh model, and leaves earlier results as they were", () => {
    fc.assert(
      fc.property(gen, (input) => {
        const s = build(input);
        const model = buildModel(s);
        const first = evaluateModel(model);
        const firstText = text(first);
        const companies = JSON.stringify(evaluateCompanies(model).companies);
        const second = evaluateModel(model);
        expect(text(second)).toBe(firstText);
        expect(text(evaluateModel(buildModel(s)))).toBe(firstText);
        expect(JSON.stringify(first.companies)).toBe(companies);
        expect(text(first)).toBe(firstText);
      }),
      { numRuns: 60 },
    );
  });
});

describe("lazy result columns", () => {
  it("build each column once, on first read, in the declared order", () => {
    const built: string[] = [];
    const col =
      <T>(name: string, values: T[]) =>
      () => {
        built.push(name);
        return values;
      };
    const t = tableOfLazyColumns(
      DUTIES,
      {
        period: col("period", ["FY2025", "FY2026"]),
        program: col("program", ["a", "b"]),
        plant: col("plant", ["p", "q"]),
        market: col("market", ["us", "us"]),
        measure: col("measure", ["m", "m"]),
        kind: col("kind", ["parts", "offset"]),
        payer: col("payer", ["c", "c"]),
        amount: col("amount", [100, -40]),
      },
      2,
    );
    expect(built).toEqual([]);
    expect(t.data.amount).toEqual([100, -40]);
    expect(t.data.amount).toEqual([100, -40]);
    expect(built).toEqual(["amount"]);
    // JSON, spreading and structured cloning read every column, in the declared order.
    expect(Object.keys(JSON.parse(JSON.stringify(t.data)))).toEqual(DUTIES.columns.map((c) => c.name));
    expect(structuredClone(t.data).kind).toEqual(["parts", "offset"]);
    expect(built.sort()).toEqual(DUTIES.columns.map((c) => c.name).sort());
  });

  it("a write replaces the column", () => {
    const o: Record<string, number[]> = {};
    let calls = 0;
    lazyProperty(o, "x", () => {
      calls++;
      return [1];
    });
    o.x = [2];
    expect(o.x).toEqual([2]);
    expect(calls).toBe(0);
    expect(Object.getOwnPropertyDescriptor(o, "x")?.value).toEqual([2]);
  });
});
