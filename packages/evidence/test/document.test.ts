import { describe, expect, it } from "vitest";
import { clauseAt, extract, paragraphs } from "../src/index.js";
import { dictionary } from "./corpus.js";

const dict = dictionary();
const run = (text: string, published = "2025-08-07") => extract(text, { source: "a", name: "a.txt", dictionary: dict, published }).claims;
const texts = (text: string) => paragraphs(text).map((p) => [text.slice(p.start, p.end), p.heading]);

describe("paragraphs", () => {
  it("ends a paragraph at a single line break after a full stop, and takes a short unclosed line as a heading", () => {
    const text = "Mazda results\nMazda cut its forecast.\nIts shares fell.\n\nThe end.";
    expect(texts(text)).toEqual([
      ["Mazda results", true],
      ["Mazda cut its forecast.", false],
      ["Its shares fell.", false],
      ["The end.", false],
    ]);
  });

  it("joins a hard-wrapped line to the next: an unclosed line that continues in lower case, or fills the width", () => {
    const text = "Toyota said operating profit for the year to March would be\n¥3.2 trillion, down from ¥3.8 trillion.\nNext paragraph.";
    expect(texts(text)).toEqual([
      ["Toyota said operating profit for the year to March would be\n¥3.2 trillion, down from ¥3.8 trillion.", false],
      ["Next paragraph.", false],
    ]);
  });

  it("never makes the last line, a parenthesis or a one-word line a heading", () => {
    expect(texts("Results\n\n($1 = 147.50 yen)\n\nFinal words")).toEqual([
      ["Results", false],
      ["($1 = 147.50 yen)", false],
      ["Final words", false],
    ]);
  });
});

describe("clauses", () => {
  it("finds the clause of an offset between commas before a conjunction, semicolons and dashes", () => {
    const s = "Profit fell to ¥4.7 billion, while sales rose 3%; the yen - stronger - hurt.";
    const [a, b] = clauseAt(s, s.indexOf("3%"));
    expect(s.slice(a, b)).toBe(" sales rose 3%");
    const [c, d] = clauseAt(s, s.indexOf("¥4.7"));
    expect(s.slice(c, d)).toBe("Profit fell to ¥4.7 billion");
  });
});

describe("the fiscal context carried through a document", () => {
  it("carries the fiscal year stated in one paragraph to the next paragraph's figures, and resets it at another story's heading", () => {
    const claims = run(
      "Mazda results\nMazda forecast an operating profit of ¥50 billion for the year ending March 2026.\n" +
        "It cut its net income forecast to ¥20 billion from ¥30 billion.\n\nHonda results\nHonda has ¥900 billion of cash.",
    );
    expect(claims.map((c) => [c.value, c.metric, c.period, c.role])).toEqual([
      [50e9, "operating-profit", "FY2025", "level"],
      [20e9, "net-profit", "FY2025", "revised"],
      [30e9, "net-profit", "FY2025", "previous"],
      [900e9, undefined, undefined, "level"],
    ]);
  });

  it("keeps the story's time frame under a subhead that names no other company and no period", () => {
    const claims = run(
      "Mazda reported an operating loss of ¥45 billion for the April-June quarter.\n\nSales slump in China\n\nIts revenue fell 5% to ¥1.1 trillion.",
      "2025-08-05",
    );
    expect(claims.map((c) => c.period)).toEqual(["Q1 FY2025", "Q1 FY2025", "Q1 FY2025"]);
  });

  it("reads 'in the quarter' as the quarter named last, even after a fiscal year was named", () => {
    // The frame after the second sentence is FY2025; the quarter of the first still governs "in the quarter".
    const claims = run(
      "Nissan posted an operating loss of ¥79.1 billion for the April-June quarter. It aims to save ¥120 billion this fiscal year. " +
        "Its US sales fell 6.5% in the quarter.",
    );
    expect(claims.map((c) => c.period)).toEqual(["Q1 FY2025", "FY2025", "Q1 FY2025"]);
  });

  it("does not take 'a hit from US tariffs in the fiscal year ending March 2026' for a comparison period", () => {
    const claims = run(
      "Toyota cut its forecast, citing a ¥1.4 trillion hit from US tariffs in the fiscal year ending March 2026.\nProfit is now seen at ¥3.2 trillion.",
    );
    expect(claims.map((c) => c.period)).toEqual(["FY2025", "FY2025"]);
  });

  it("keeps the period of 'by fiscal 2026' when a comparison year follows it", () => {
    const [c] = run("Nissan targets cost reductions of ¥500 billion by fiscal 2026 compared with fiscal 2024.", "2025-05-13");
    expect(c?.period).toBe("FY2026");
  });

  it("does not give a tariff rate the sentence's fiscal year, nor read 'earlier this year' as a period", () => {
    const claims = run(
      "Honda lowered its tariff estimate for this fiscal year to ¥385 billion, from ¥650 billion, after Washington cut the levy on Japanese cars to 15%. " +
        "It replaces the 25% levy imposed earlier this year.",
      "2025-11-07",
    );
    expect(claims.map((c) => [c.value, c.metric, c.period])).toEqual([
      [385e9, "tariff-impact", "FY2025"],
      [650e9, "tariff-impact", "FY2025"],
      [15, "tariff-rate", undefined],
      [25, "tariff-rate", undefined],
    ]);
  });

  it("resolves a quarter by the subject's fiscal-year start: second quarter for Hyundai (January), April-June for Toyota (April)", () => {
    const claims = run("Hyundai Motor said its second-quarter operating profit fell 16% to 3.6 trillion won. Toyota's April-June net income was ¥841 billion.");
    expect(claims.map((c) => [c.subject, c.period])).toEqual([
      ["hyundai", "Q2 FY2025"],
      ["hyundai", "Q2 FY2025"],
      ["toyota", "Q1 FY2025"],
    ]);
  });
});

describe("the day a statement was made", () => {
  it("dates a company's figures by the day it spoke, through the rest of its paragraph, and not another company's", () => {
    const claims = run(
      "Ford Motor said on Wednesday it now expects a net tariff hit of about $2 billion for the year. Its revenue rose 5% to $50.2 billion. " +
        "GM's revenue was $47 billion.\n\nFord's capex will be $8 billion.",
      "2025-07-31",
    );
    expect(claims.map((c) => [c.subject, c.value, c.asOf])).toEqual([
      ["ford", 2e9, "2025-07-30"],
      ["ford", 5, "2025-07-30"],
      ["ford", 50.2e9, "2025-07-30"],
      ["gm", 47e9, "2025-07-31"],
      ["ford", 8e9, "2025-07-31"],
    ]);
  });
});
