import { describe, expect, it } from "vitest";
import { buildModel, evaluateCompanies, rows } from "../../src/index.js";
import { createTable, pushRow } from "../../src/results/table.js";
import { priceLine } from "../../src/sweep/price-line.js";
import { settleOpenPrices } from "../../src/valuation/analysis.js";
import { contract } from "./helpers.js";

/** A one-row companies table with this profit. */
const table = (profit: number) => {
  const t = createTable("companies", [
    { name: "company", role: "key" },
    { name: "profit", role: "value" },
  ]);
  pushRow(t, { company: "host", profit });
  return { scenarioId: "x", base: "USD", periods: ["FY2025"], companies: t, warnings: [] };
};

describe("the open-price search's evaluations as a line in the price", () => {
  it("reads the table at a price off two evaluations: profit 100 at p = 0 and 300 at p = 10 give 200 at p = 5 and 500 at p = 20", () => {
    const line = priceLine({
      deal: "d",
      others: {},
      at: new Map([
        [0, table(100)],
        [10, table(300)],
        [5, table(200)],
      ]),
    });
    expect(line).toBeDefined();
    expect(rows(line?.(20).companies ?? table(0).companies)[0]?.profit).toBe(500);
  });

  it("is undefined when a third evaluation is off the line (a kink, e.g. a capped duty), or with only two", () => {
    expect(
      priceLine({
        deal: "d",
        others: {},
        at: new Map([
          [0, table(100)],
          [10, table(300)],
          [5, table(250)],
        ]),
      }),
    ).toBeUndefined();
    expect(
      priceLine({
        deal: "d",
        others: {},
        at: new Map([
          [0, table(100)],
          [10, table(300)],
        ]),
      }),
    ).toBeUndefined();
  });

  it("on the contract example, the line at the Nash price is the evaluation at it, to 1e-12 of the profits", () => {
    // H(p) = 10,000 (p − 20,000) − R and C(p) = 10,000 (29,500 − p): linear, so the search leaves a line.
    const s = contract(undefined);
    const settled = settleOpenPrices(s);
    const line = settled.evaluations && priceLine(settled.evaluations);
    expect(line).toBeDefined();
    const deal = settled.evaluations?.deal as string;
    const read = rows(line?.(settled.prices[deal] as number).companies ?? table(0).companies);
    const evaluated = rows(evaluateCompanies(buildModel(s, { prices: settled.prices })).companies);
    expect(read.length).toBe(evaluated.length);
    read.forEach((r, i) => {
      const e = evaluated[i] as Record<string, unknown>;
      expect(r.company).toBe(e.company);
      expect(Math.abs(Number(r.profit) - Number(e.profit))).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(Number(e.profit))) * 10);
    });
  });
});
