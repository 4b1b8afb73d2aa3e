import { describe, expect, it } from "vitest";
import { COMPANIES, sheetHeader, sheetRows, tableOfRows } from "../src/index.js";

describe("spreadsheet headers", () => {
  it("name the unit in words: the base currency by its code, a reporting amount by the row's currency", () => {
    expect(sheetHeader({ name: "fixedCost", role: "value", unit: "base" }, "USD")).toBe("fixedCost (USD)");
    expect(sheetHeader({ name: "operatingProfit", role: "value", unit: "reporting" }, "USD")).toBe("operatingProfit (the row's currency)");
    expect(sheetHeader({ name: "fxRate", role: "value", unit: "reporting/base" }, "EUR")).toBe("fxRate (currency per EUR)");
    expect(sheetHeader({ name: "units", role: "value", unit: "units" }, "USD")).toBe("units (units)");
    expect(sheetHeader({ name: "company", role: "key" }, "USD")).toBe("company");
  });

  it("keep the cells as stored: full precision, null for a blank", () => {
    const t = tableOfRows(COMPANIES, []);
    expect(sheetRows(t, "USD")).toEqual({ header: t.columns.map((c) => sheetHeader(c, "USD")), rows: [] });
  });
});
