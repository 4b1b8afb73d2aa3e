import { describe, expect, it } from "vitest";
import { claimsOf as run } from "./corpus.js";

// Invented sentences, each in the pattern of an error class of the real set's batch 6 (its first run, on the round-5 rules).
const row = (c: { text: string; value: number; subject?: string; metric?: string; period?: string; role?: string; basis?: string }) => [
  c.text,
  c.value,
  c.subject,
  c.metric,
  c.period,
  c.role,
  c.basis,
];

describe("fiscal years and quarters named once", () => {
  it("takes 'fiscal 2024 through March this year' as the fiscal year, not calendar 2025, for the figures after it", () => {
    const claims = run(
      "Tokyo, May 14 (Jiji Press)--Mazda Motor Corp. said Wednesday it swung to a net loss of 12.3 billion yen for fiscal 2024 through March this year, " +
        "against the fiscal 2023 profit of 20.8 billion yen.\n\nIts operating profit fell 40.2 pct from the preceding year to 51.4 billion yen.",
      "2025-05-14",
    );
    expect(claims.map(row)).toEqual([
      ["12.3 billion yen", 12.3e9, "mazda", "net-loss", "FY2024", "level", "actual"],
      // The year compared with, in the figure's own noun phrase; a bare profit after a net loss is the net one.
      ["20.8 billion yen", 20.8e9, "mazda", "net-profit", "FY2023", "level", "actual"],
      ["40.2 pct", -40.2, "mazda", "operating-profit-change", "FY2024", "change", "actual"],
      ["51.4 billion yen", 51.4e9, "mazda", "operating-profit", "FY2024", "level", "actual"],
    ]);
  });

  it("does not give a figure the full year of the clause after 'but'", () => {
    const [change, hit] = run(
      "Ford has reported a 20 percent drop in second-quarter profits, including a $0.5bn hit from tariffs but kept its full-year forecast.",
      "2025-07-30",
    );
    expect([change?.period, hit?.metric, hit?.period]).toEqual(["Q2 FY2025", "tariff-impact", "Q2 FY2025"]);
  });

  it("reads 'the first nine months of 2025' as nine months, not the year", () => {
    const [change, level] = run("For the first nine months of 2025, Volkswagen's net profit fell 20% to €1.1 billion.", "2025-10-30");
    expect([change?.period, change?.value, level?.metric, level?.period]).toEqual(["9M FY2025", -20, "net-profit", "9M FY2025"]);
  });
});

describe("changes written as arrows and nouns", () => {
  it("takes a bracketed percentage with an arrow as the change of the figure before it", () => {
    const claims = run("Kia's results include sales of 25.1 trillion won (4.2%↑) and operating profit of 2.2 trillion won (9.5%↓).", "2025-04-25");
    expect(claims.map((c) => [c.text, c.value, c.metric, c.role])).toEqual([
      ["25.1 trillion won", 25.1e12, "revenue", "level"],
      ["4.2%", 4.2, "revenue-change", "change"],
      ["2.2 trillion won", 2.2e12, "operating-profit", "level"],
      ["9.5%", -9.5, "operating-profit-change", "change"],
    ]);
  });

  it("reads 'a 2.4% decrease' as a fall", () => {
    const [units, change] = run(
      "Kia sold 120,000 vehicles in the domestic market in the first quarter, a 2.4% decrease compared to the previous year.",
      "2025-04-25",
    );
    expect([units?.metric, change?.value, change?.role]).toEqual(["sales-volume", -2.4, "change"]);
  });
});

describe("tariff hits named by the sentence before", () => {
  it("takes 'pulled down its operating profit for the quarter by' as the cause's impact, and a previous forecast as its revised partner's", () => {
    const claims = run(
      "Subaru said the tariffs pulled down its operating profit for the quarter by about ¥40 billion. " +
        "It now expects a ¥150 billion hit for the year, compared to ¥210 billion forecast previously.",
      "2025-08-07",
    );
    expect(claims.map((c) => [c.text, c.metric, c.role])).toEqual([
      ["¥40 billion", "tariff-impact", "level"],
      ["¥150 billion", "tariff-impact", "revised"],
      ["¥210 billion", "tariff-impact", "previous"],
    ]);
  });
});

describe("suppliers in the entity list", () => {
  it("names Forvia, Faurecia's parent, as the subject", () => {
    const [sales] = run("Forvia said its third-quarter sales fell 3.7% to €6.1bn.", "2025-10-20");
    expect([sales?.subject, sales?.metric]).toEqual(["forvia", "revenue-change"]);
  });
});

describe("lines of a Japanese income statement", () => {
  it("names gross profit, extraordinary losses and earnings per basic share", () => {
    const claims = run(
      "Subaru said gross profit fell to 300.1 billion yen in the first half. Extraordinary losses rose to 10.2 billion yen. " +
        "Net income was 40.5 billion yen, or 55.12 yen per basic share.",
      "2025-11-10",
    );
    expect(claims.map((c) => [c.text, c.metric])).toEqual([
      ["300.1 billion yen", "gross-profit"],
      ["10.2 billion yen", "extraordinary-losses"],
      ["40.5 billion yen", "net-profit"],
      ["55.12 yen", "earnings-per-share"],
    ]);
  });
});
