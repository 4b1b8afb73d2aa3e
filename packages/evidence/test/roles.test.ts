import { describe, expect, it } from "vitest";
import { extract, periodEnd } from "../src/index.js";
import { dictionary } from "./corpus.js";

const dict = dictionary();
const run = (text: string, published = "2025-08-07") => extract(text, { source: "a", name: "a.txt", dictionary: dict, published }).claims;
const row = (text: string, published?: string) => run(text, published).map((c) => [c.value, c.high, c.metric, c.role, c.basis]);

describe("what each figure is: role", () => {
  it("reads 'fell by ¥64 billion to ¥211 billion' as a change and the level it reached, not a range or two levels", () => {
    expect(row("Operating profit fell by ¥64 billion to ¥211 billion in the April-June quarter.")).toEqual([
      [-64e9, undefined, "operating-profit-change", "change", "actual"],
      [211e9, undefined, "operating-profit", "level", "actual"],
    ]);
  });

  it("gives the level after 'rose 1.7% to' the changed metric, even when a metric is named after it", () => {
    const claims = run(
      "In India, Maruti Suzuki said its April-June net profit rose 1.7% to 37.1 billion rupees, and it plans capital spending of ₹80 billion this fiscal year.",
    );
    expect(claims.map((c) => [c.subject, c.metric, c.value, c.unit, c.period])).toEqual([
      ["maruti-suzuki", "net-profit-change", 1.7, "%", "Q1 FY2025"],
      ["maruti-suzuki", "net-profit", 37.1e9, "INR", "Q1 FY2025"],
      ["maruti-suzuki", "capex", 80e9, "INR", "FY2025"],
    ]);
  });

  it("reads 'lowered its forecast to ¥1.1 trillion from ¥1.4 trillion as tariffs bite' as revised and previous operating profit", () => {
    expect(row("Toyota lowered its operating profit forecast for the year to next March to ¥1.1 trillion from ¥1.4 trillion as tariffs bite.")).toEqual([
      [1.1e12, undefined, "operating-profit", "revised", "forecast"],
      [1.4e12, undefined, "operating-profit", "previous", "forecast"],
    ]);
  });

  it("reads 'the stronger yen cut operating profit by ¥310 billion' as an FX impact, not a change of profit", () => {
    expect(row("The stronger yen cut operating profit by ¥310 billion this fiscal year.")[0]?.slice(0, 4)).toEqual([310e9, undefined, "fx-impact", "level"]);
  });

  it("reads a revised range and the range it replaced: 'to $6.5 billion to $7.5 billion from $7 billion to $8.5 billion'", () => {
    expect(row("Ford lowered its adjusted EBIT forecast to $6.5 billion to $7.5 billion from $7 billion to $8.5 billion.")).toEqual([
      [6.5e9, 7.5e9, "adjusted-operating-profit", "revised", "forecast"],
      [7e9, 8.5e9, "adjusted-operating-profit", "previous", "forecast"],
    ]);
  });

  it("takes 'it' for the company the sentence named, not the one named in the sentence before", () => {
    const claims = run(
      "GM's net income was $1.9 billion. Ford Motor said it now expects a net tariff hit of about $2 billion, up from $1.5 billion previously.",
    );
    expect(claims.map((c) => [c.subject, c.role, c.basis])).toEqual([
      ["gm", "level", "actual"],
      ["ford", "revised", "forecast net"],
      ["ford", "previous", "forecast net"],
    ]);
  });
});

describe("rules read from the development set", () => {
  it("takes 'the company' for the company the figures were about, not a company named in an aside", () => {
    const claims = run(
      "Denso, Toyota's biggest supplier, said it expects tariffs to cost it ¥70 billion. The company kept its revenue forecast at ¥7.2 trillion.",
    );
    expect(claims.map((c) => c.subject)).toEqual(["denso", "denso"]);
  });

  it("reads ', up 7%' after a level as a change of the level's metric, not of a metric named after it", () => {
    const claims = run("Denso kept its operating profit forecast at ¥515 billion, up 7% from fiscal 2024, on revenue of ¥7.2 trillion.");
    expect(claims.map((c) => [c.value, c.metric])).toEqual([
      [515e9, "operating-profit"],
      [7, "operating-profit-change"],
      [7.2e12, "revenue"],
    ]);
  });

  it("reads 'shares closed up 1.8%' as a share-price change, not plant closures", () => {
    expect(run("Mazda's shares closed up 1.8% in Tokyo.").map((c) => [c.value, c.metric])).toEqual([[1.8, "share-price-change"]]);
  });

  it("reads a previous percentage range after a comma: '5% to 7%, from 6% to 8% previously'", () => {
    const claims = run("BMW lowered its forecast for the automotive operating margin to 5% to 7%, from 6% to 8% previously.");
    expect(claims.map((c) => [c.value, c.high, c.from, c.role])).toEqual([
      [5, 7, undefined, "revised"],
      [6, 8, undefined, "previous"],
    ]);
  });

  it("makes revised only the value a previous one was revised from, not an earlier figure in its unit", () => {
    const claims = run(
      "Mitsubishi Motors said its US tariff bill would reach about ¥40 billion this fiscal year, and it cut its operating profit forecast to ¥100 billion from ¥170 billion.",
    );
    expect(claims.map((c) => [c.value, c.role])).toEqual([
      [40e9, "level"],
      [100e9, "revised"],
      [170e9, "previous"],
    ]);
  });
});

describe("a figure that names no metric", () => {
  it("takes an impact for a bare 'hit' after a paragraph's tariff figure, and the rest of a breakdown its metric", () => {
    const claims = run(
      "Nissan said tariffs could cost it up to ¥450 billion this fiscal year. Honda expects a ¥650 billion hit. " +
        "Vehicles account for ¥300 billion of Honda's tariff burden. Motorcycles make up the remaining ¥130 billion.",
      "2025-05-13",
    );
    expect(claims.map((c) => [c.subject, c.value, c.metric])).toEqual([
      ["nissan", 450e9, "tariff-impact"],
      ["honda", 650e9, "tariff-impact"],
      ["honda", 300e9, "tariff-impact"],
      ["honda", 130e9, "tariff-impact"],
    ]);
  });

  it("gives a bare 'hit' no metric when the paragraph has no impact before it", () => {
    expect(run("Honda's revenue was ¥21 trillion. It expects a ¥650 billion hit.").map((c) => c.metric)).toEqual(["revenue", undefined]);
  });
});

describe("what each figure is: basis", () => {
  it("tells gross from net tariff costs, before and after mitigation", () => {
    const claims = run("Subaru expects tariffs to cost it ¥210 billion before countermeasures, and ¥130 billion after them, this fiscal year.");
    expect(claims.map((c) => [c.value, c.metric, c.basis])).toEqual([
      [210e9, "tariff-impact", "forecast gross"],
      [130e9, "tariff-impact", "forecast net"],
    ]);
  });

  it("reads a period that ended before the figure was stated as actual, one still running as a forecast", () => {
    const claims = run("Honda's operating profit was ¥244 billion in the April-June quarter; it expects ¥700 billion for the full year.");
    expect(claims.map((c) => [c.period, c.basis])).toEqual([
      ["Q1 FY2025", "actual"],
      ["FY2025", "forecast"],
    ]);
  });

  it("ends a period by the company's fiscal-year start", () => {
    expect(periodEnd("FY2025", 4)).toBe("2026-03");
    expect(periodEnd("Q1 FY2025", 4)).toBe("2025-06");
    expect(periodEnd("H2 FY2025", 4)).toBe("2026-03");
    expect(periodEnd("Q2 FY2025", 1)).toBe("2025-06");
    expect(periodEnd("CY2024", 4)).toBe("2024-12");
  });
});

describe("currencies and rates", () => {
  it("reads won, rupee and yuan amounts, hyphenated yen and exchange rates against the dollar and the euro", () => {
    const claims = run(
      "Kia posted net income of 2.1 trillion won. Toyota booked a 95.2-billion-yen charge. " +
        "Toyota assumes 138 yen per dollar and 155 yen to the euro. BYD's revenue was 371 billion yuan.",
    );
    expect(claims.map((c) => [c.value, c.unit, c.metric])).toEqual([
      [2.1e12, "KRW", "net-profit"],
      [95.2e9, "JPY", undefined],
      [138, "JPY/USD", "fx-assumption"],
      [155, "JPY/EUR", "fx-assumption"],
      [371e9, "CNY", "revenue"],
    ]);
  });

  it("reads 'one yen stronger' as a move of the rate, not ¥1 of profit", () => {
    const claims = run("Its dollar assumption of 145 yen is one yen stronger than in May.");
    expect(claims.map((c) => [c.value, c.unit, c.metric, c.role])).toEqual([
      [145, "JPY/USD", "fx-assumption", "revised"],
      [-1, "JPY/USD", "fx-assumption-change", "change"],
    ]);
  });

  it("reads a conversion line as the article's rate and links it to the figures in its currencies", () => {
    const claims = run("Toyota expects revenue of ¥48 trillion ($325 billion). Ford expects $50 billion.\n\n($1 = 147.50 yen)");
    expect(claims.map((c) => [c.value, c.unit, c.metric, c.subject, c.conversion])).toEqual([
      [48e12, "JPY", "revenue", "toyota", "a-3"],
      [50e9, "USD", undefined, "ford", "a-3"],
      [147.5, "JPY/USD", "fx-conversion", undefined, undefined],
    ]);
  });
});
