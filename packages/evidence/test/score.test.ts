import { describe, expect, it } from "vitest";
import { type Claim, formatClaim, type Gold, precision, recall, score } from "../src/index.js";

const claim = (id: string, value: number, subject: string, extra: Partial<Claim> = {}): Claim => ({
  id,
  value,
  unit: "JPY",
  subject,
  asOf: "2025-05-13",
  source: "s",
  ...extra,
});

describe("scoring an extraction against annotations", () => {
  it("matches by value, then counts each field (hand-worked)", () => {
    const gold: Gold[] = [
      { value: 650e9, unit: "JPY", subject: "honda", asOf: "2025-05-13" },
      { value: 500e9, unit: "JPY", subject: "honda", asOf: "2025-05-13" },
      { value: 20000, unit: "jobs", subject: "nissan", asOf: "2025-05-13" },
    ];
    const extracted = [claim("a", 650e9, "honda"), claim("b", 500e9, "nissan"), claim("c", 7, "nissan", { unit: "plants" })];
    const s = score(extracted, gold);
    // value: 2 of 3 extracted match an annotation (650e9, 500e9) → P = 2/3; 2 of 3 annotations found → R = 2/3
    expect([precision(s.tallies.value), recall(s.tallies.value)]).toEqual([2 / 3, 2 / 3]);
    // subject: only the 650e9 pair agrees (500e9 says nissan, not honda) → P = 1/3, R = 1/3
    expect([s.tallies.subject.correct, s.tallies.subject.extracted, s.tallies.subject.annotated]).toEqual([1, 3, 3]);
    expect(s.missed.map((g) => g.value)).toEqual([20000]);
    expect(s.spurious.map((c) => c.id)).toEqual(["c"]);
  });

  it("gives each annotation the claim of the same value that agrees on most fields", () => {
    const gold: Gold[] = [
      { value: 15, unit: "%", subject: "japan", asOf: "2025-09-17" },
      { value: 15, unit: "%", subject: "japan", asOf: "2025-09-16" },
    ];
    const s = score([claim("late", 15, "japan", { unit: "%", asOf: "2025-09-16" }), claim("early", 15, "japan", { unit: "%", asOf: "2025-09-17" })], gold);
    expect(s.tallies.asOf.correct).toBe(2);
  });
});

describe("formatting a claim's value", () => {
  it.each([
    [{ value: 650e9, unit: "JPY" }, "¥650 billion"],
    [{ value: 1.21e12, unit: "JPY" }, "¥1.21 trillion"],
    [{ value: 3.4e9, unit: "USD", qualifier: "about" }, "about $3.4 billion"],
    [{ value: 2e6, unit: "MXN" }, "MXN 2 million"],
    [{ value: 70, high: 80, unit: "%" }, "70–80%"],
    [{ value: 250e9, high: 300e9, unit: "JPY" }, "¥250 billion–¥300 billion"],
    [{ value: 10, from: 17, unit: "plants" }, "17 plants → 10 plants"],
    [{ value: 90e9, unit: "JPY", alternates: [{ value: 0.6e9, unit: "USD" }] }, "¥90 billion ($600 million)"],
    [{ value: 1.42e6, unit: "vehicles" }, "1.42 million vehicles"],
    [{ value: 20000, unit: "jobs" }, "20,000 jobs"],
    [{ value: 145, unit: "JPY/USD" }, "145 JPY/USD"],
  ])("%j → %s", (c, text) => {
    expect(formatClaim(c)).toBe(text);
  });
});

describe("scoring annotations that locate their figure", () => {
  it("matches a located annotation to the claim printed there before matching by value (hand-worked)", () => {
    // A headline and the body both print -23.3%; the extractor found only the body's (span 100-110).
    const gold: Gold[] = [
      { value: -23.3, unit: "%", subject: "kia", span: [10, 17] },
      { value: -23.3, unit: "%", subject: "kia", span: [100, 110] },
    ];
    const s = score([claim("body", -23.3, "kia", { unit: "%", span: [100, 110] })], gold);
    // The body annotation takes the body claim; the headline one is missed (not the other way round).
    expect(s.pairs.map(([g, c]) => [g.span?.[0], c.id])).toEqual([[100, "body"]]);
    expect(s.missed.map((g) => g.span?.[0])).toEqual([10]);
  });
});
