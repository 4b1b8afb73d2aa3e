import { describe, expect, it } from "vitest";
import { findFigures } from "../src/index.js";

const one = (text: string) => {
  const f = findFigures(text);
  expect(f).toHaveLength(1);
  return f[0];
};

describe("money with currency and scale", () => {
  it.each([
    // 120 × 10^9 yen, written the four ways news writes it
    ["a ¥120 billion hit", 120e9, "JPY"],
    ["a 120 billion yen hit", 120e9, "JPY"],
    ["a ¥120billion hit", 120e9, "JPY"],
    ["a ¥0.12 trillion hit", 120e9, "JPY"],
    // 3.4 × 10^9 dollars from "$3.4B"; 2.1 × 10^9 from "USD 2.1 billion"
    ["raised $3.4B", 3.4e9, "USD"],
    ["raised USD 2.1 billion", 2.1e9, "USD"],
    // the code glued to the number: still 2.1 × 10^9 dollars, and 500 × 10^6 euros
    ["raised USD2.1 billion", 2.1e9, "USD"],
    ["a EUR500m charge", 500e6, "EUR"],
    // 1.38 × 10^9 Canadian dollars: the C$ prefix is not the US $
    ["a C$1.38B plant", 1.38e9, "CAD"],
    ["a €2 billion charge", 2e9, "EUR"],
    // 4.1 × 10^9 exactly: a binary product would give 4,099,999,999.9999995
    ["a €4.1 billion profit", 4.1e9, "EUR"],
    ["8.2 trillion won in revenue", 8.2e12, "KRW"],
    ["about 5 million US dollars", 5e6, "USD"],
    ["1.2 trillion yen", 1.2e12, "JPY"],
  ])("%s", (text, value, unit) => {
    expect(one(text)).toMatchObject({ kind: "money", value, unit });
  });

  it("keeps a paired value in a second currency as one figure", () => {
    // 90 × 10^9 yen, also 0.6 × 10^9 dollars
    const f = one("a charge of 90 billion yen ($0.6B USD) this year");
    expect(f).toMatchObject({ value: 90e9, unit: "JPY", alternates: [{ value: 0.6e9, unit: "USD" }] });
    expect("a charge of 90 billion yen ($0.6B USD) this year".slice(f?.start, f?.end)).toBe("90 billion yen ($0.6B USD)");
  });

  it("carries the scale of the upper end of a range to the lower", () => {
    // "250 to 300 billion yen": 250 × 10^9 to 300 × 10^9
    expect(one("a hit of 250 to 300 billion yen")).toMatchObject({ value: 250e9, high: 300e9, unit: "JPY" });
  });

  it("reads an exchange rate as yen per dollar, and unscaled yen beside it too", () => {
    const f = findFigures("It assumes 145 yen to the dollar, against 135 yen in May.");
    expect(f.map((x) => [x.kind, x.value, x.unit])).toEqual([
      ["rate", 145, "JPY/USD"],
      ["rate", 135, "JPY/USD"],
    ]);
  });
});

describe("percentages, ranges and changes", () => {
  it("reads a range of percentages", () => {
    expect(one("a break-even of 70%-80%")).toMatchObject({ kind: "percent", value: 70, high: 80, unit: "%" });
    expect(one("between 70 and 80 percent")).toMatchObject({ value: 70, high: 80 });
  });

  it("reads a change as its new value with the old one", () => {
    expect(one("the rate went from 27.5% to 15 percent")).toMatchObject({ value: 15, from: 27.5, unit: "%" });
    // the noun comes before the numbers
    expect(one("cut the number of plants from 17 to 10")).toMatchObject({ kind: "count", value: 10, from: 17, unit: "plants" });
  });

  it("reads percentage points apart from percent", () => {
    expect(one("margin fell 2.5 percentage points")).toMatchObject({ value: 2.5, unit: "pp" });
  });
});

describe("counts with their noun", () => {
  it.each([
    ["cut 20,000 jobs", 20000, "jobs"],
    ["cut 20,000jobs", 20000, "jobs"],
    ["close seven vehicle plants", 7, "plants"],
    ["1.42 million vehicles", 1.42e6, "vehicles"],
    ["hire twenty-five workers", 25, "jobs"],
    ["about 5,000 people", 5000, "jobs"],
  ])("%s", (text, value, unit) => {
    expect(one(text)).toMatchObject({ kind: "count", value, unit });
  });

  it("does not read years, dates, section numbers or a bare 'one' as figures", () => {
    expect(findFigures("In fiscal 2025, on November 13, under Section 232, one of the plants by 2027")).toEqual([]);
    expect(findFigures("the year to March 2026 to ¥3.2 trillion").map((f) => f.value)).toEqual([3.2e12]);
  });
});

describe("qualifiers", () => {
  it.each([
    ["up to ¥450 billion", "up to"],
    ["as much as ¥450 billion", "up to"],
    ["about ¥650 billion", "about"],
    ["roughly ¥300 billion", "about"],
    ["more than 3%", "more than"],
    ["below 50 per cent", "less than"],
    ["nearly 246,000 vehicles", "nearly"],
    ["at least 10%", "at least"],
  ])("%s", (text, qualifier) => {
    expect(one(text)?.qualifier).toBe(qualifier);
  });
});

describe("a code glued to a number is a currency, other letters are not", () => {
  it("reads USD2.1 but not FY2025, Q1 or A320", () => {
    expect(findFigures("FY2025 Q1 A320 output")).toEqual([]);
    expect(findFigures("a USD21 fee").map((f) => [f.value, f.unit])).toEqual([[21, "USD"]]);
  });
});
