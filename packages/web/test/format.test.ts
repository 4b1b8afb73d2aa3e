import { money, moneyUnit, percent, perUnit, thousandUnits } from "@tieup/charts/format";
import { createTable, pushRow, tableCsv } from "@tieup/core";
import { describe, expect, it } from "vitest";
import { sheetData } from "../src/export/xlsx.js";

describe("numbers with units and currency", () => {
  it("writes yen in billions and other currencies in millions", () => {
    // 343,200,000,000 JPY / 1e9 = 343.2 → ¥343.2bn; −2,500,000 USD / 1e6 = −2.5 → −$2.5m
    expect(money(343_200_000_000, "JPY")).toBe("¥343.2bn");
    expect(money(-2_500_000, "USD")).toBe("−$2.5m");
    expect(money(1_234_567_000, "USD")).toBe("$1,234.6m");
    expect(money(null, "USD")).toBe("–");
    expect(moneyUnit("JPY")).toBe("¥bn");
    expect(moneyUnit("CAD")).toBe("C$m");
  });

  it("writes prices per unit, shares and volumes", () => {
    expect(perUnit(30734.33, "USD")).toBe("$30,734/unit");
    expect(percent(0.275)).toBe("27.5%");
    expect(percent(Number.NaN)).toBe("–");
    expect(thousandUnits(1_413_200)).toBe("1,413.2k units");
  });
});

describe("exports", () => {
  const t = createTable("companies", [
    { name: "company", role: "key" },
    { name: "note", role: "value" },
    { name: "profit", role: "value", unit: "money" },
  ]);
  pushRow(t, { company: "a", note: 'says "hi", twice', profit: 1.5 });
  pushRow(t, { company: "b", note: null, profit: -2 });

  it("writes CSV with RFC 4180 quoting and LF line ends: quotes doubled, fields with commas quoted, nulls empty", () => {
    expect(tableCsv(t)).toBe('company,note,profit\na,"says ""hi"", twice",1.5\nb,,-2\n');
  });

  it("keeps numbers as numbers in the spreadsheet, money in millions of the base currency named in the header", () => {
    const data = sheetData(t, "USD");
    expect(data[0]?.map((c) => (c as { value: string }).value)).toEqual(["company", "note", "profit (USD m)"]);
    expect(data[2]?.[1]).toBeNull();
    // −2 USD = −0.000002 USD m, kept at full precision and shown to 3 decimals.
    expect(data[2]?.[2]).toEqual({ value: -2e-6, type: Number, format: "#,##0.000" });
  });
});
