import { describe, expect, it } from "vitest";
import { createTable, pushRow, sheetNames, shownColumns, shownCsv, shownSheet } from "../src/index.js";

/** Two parties in yen: a gain of ¥12.3456789bn, its EPS ¥3.14259 a share, a 9% rate, a parameter of 0.848333. */
function dealLike() {
  const t = createTable("deal", [
    { name: "company", role: "key" },
    { name: "currency", role: "value" },
    { name: "npv", role: "value", unit: "reporting" },
    { name: "perShare", role: "value", unit: "reporting" },
    { name: "tariffEps", role: "value", unit: "reporting" },
    { name: "rate", role: "value", unit: "fraction" },
    { name: "low", role: "value", unit: "parameter" },
  ]);
  pushRow(t, { company: "nissan", currency: "JPY", npv: 12_345_678_900, perShare: 3.14259, tariffEps: -54.4149, rate: 0.09, low: 0.8483333 });
  return t;
}

describe("tables as shown (CSV and XLSX of the web and the CLI)", () => {
  it("keeps earnings per share in yen a share, never in billions; names a parameter's unit", () => {
    expect(shownColumns(dealLike(), "USD").map((c) => c.header)).toEqual([
      "company",
      "currency",
      "npv (JPY bn)",
      "perShare (JPY/share)",
      "tariffEps (JPY/share)",
      "rate (%)",
      "low (parameter's unit)",
    ]);
    // ¥12,345,678,900 = 12.346 ¥bn to 3 decimals; 3.14259 → 3.14; −54.4149 → −54.41; 9% → 9; 0.8483333 → 0.848333.
    expect(shownCsv(dealLike(), "USD").split("\n")[1]).toBe("nissan,JPY,12.346,3.14,-54.41,9,0.848333");
  });

  it("rounds every number to --round's decimals when given", () => {
    expect(shownCsv(dealLike(), "USD", 1).split("\n")[1]).toBe("nissan,JPY,12.3,3.1,-54.4,9,0.8");
  });

  it("gives a sheet of bold headers and numbers at full precision with their display format", () => {
    const [header, row] = shownSheet(dealLike(), "USD");
    expect(header?.[2]).toEqual({ value: "npv (JPY bn)", bold: true });
    expect(row?.[2]).toEqual({ value: 12.3456789, format: "#,##0.000" });
    expect(row?.[3]).toEqual({ value: 3.14259, format: "#,##0.00" });
    expect(row?.[0]).toEqual({ value: "nissan" });
  });

  it("names sheets as spreadsheets take them: 31 characters, no : / ? * [ ] \\, unique regardless of case", () => {
    expect(sheetNames(["plants", "Plants", "a:b/c", "x".repeat(40)])).toEqual(["plants", "Plants 2", "a-b-c", "x".repeat(31)]);
  });
});
