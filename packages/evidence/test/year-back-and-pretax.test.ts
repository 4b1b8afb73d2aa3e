import { describe, expect, it } from "vitest";
import { periodEnd } from "../src/index.js";
import { claimsOf as run } from "./corpus.js";

// Invented sentences, each in the pattern of an error class of the real set's batch 7 (its first run, on the round-6 rules).
const row = (c: { text: string; metric?: string; period?: string; basis?: string }) => [c.text, c.metric, c.period, c.basis];

describe("figures of the same period a year back", () => {
  it("takes a verbless comparison a year back as a result of the half, with its per-share alternate", () => {
    const claims = run(
      "Subaru on Tuesday reported a net loss for the first half of the fiscal year ending March 2026. " +
        "The company posted a loss before income taxes of 20.5 billion yen, compared with a profit of 60.25 billion yen in the same period of last year. " +
        "Net loss was 18.1 billion yen or 24.3 yen per basic share, compared with a net profit of 30.2 billion yen or 40.1 yen per basic share in the prior-year period.",
      "2025-11-11",
    );
    expect(claims.map(row)).toEqual([
      ["20.5 billion yen", "pretax-loss", "H1 FY2025", "actual"],
      // The profit a loss is compared with is of the loss's kind.
      ["60.25 billion yen", "pretax-profit", "H1 FY2024", "actual"],
      ["18.1 billion yen", "net-loss", "H1 FY2025", "actual"],
      ["24.3 yen", "earnings-per-share", "H1 FY2025", "actual"],
      ["30.2 billion yen", "net-profit", "H1 FY2024", "actual"],
      ["40.1 yen", "earnings-per-share", "H1 FY2024", "actual"],
    ]);
  });

  it("reads 'last year's' right before a figure as that figure's year", () => {
    const [revised, change, last] = run(
      "Subaru cut its full-year net profit forecast through March 2026 to 120 billion yen, a 30% decline from last year's 171.4 billion yen.",
      "2025-11-11",
    );
    expect([revised?.period, change?.period, last?.period, last?.basis]).toEqual(["FY2025", "FY2025", "FY2024", "actual"]);
  });

  it("takes 'the corresponding period last year' and 'the nine-month period' as periods, not the year", () => {
    const claims = run(
      "For the first nine months of 2025, Volvo Cars' operating profit dropped to SEK 5 billion, down from more than SEK 20 billion in the corresponding period last year. " +
        "Its revenue for the nine-month period declined by roughly 8 percent.",
      "2025-10-23",
    );
    expect(claims.map(row)).toEqual([
      ["SEK 5 billion", "operating-profit", "9M FY2025", "actual"],
      ["SEK 20 billion", "operating-profit", "9M FY2024", "actual"],
      ["8 percent", "revenue-change", "9M FY2025", "actual"],
    ]);
  });

  it("does not take the year a company went public as the frame of the next sentence", () => {
    const [loss, before] = run(
      "Porsche reported an operating loss of €1 billion for the third quarter of 2025, its first since the company went public in 2022. " +
        "The result compares with an operating profit of €0.9 billion in the same period a year earlier.",
      "2025-10-24",
    );
    expect([loss?.period, before?.period]).toEqual(["Q3 FY2025", "Q3 FY2024"]);
  });
});

describe("forecasts beside a quarter", () => {
  it("gives 'for the period' the year the sentence named, across the change of the same statement", () => {
    const claims = run(
      "Aisin reported an operating profit of 50 billion yen for the three months to the end of June. " +
        "It kept its forecast for full-year operating profit to rise 10 per cent to 300 billion yen, while raising its revenue target for the period by 3 per cent.",
      "2025-07-30",
    );
    expect(claims.map((c) => [c.text, c.period])).toEqual([
      ["50 billion yen", "Q1 FY2025"],
      ["10 per cent", "FY2025"],
      ["300 billion yen", "FY2025"],
      ["3 per cent", "FY2025"],
    ]);
  });

  it("reads 'projections for the year to $200 million' as the year, not a year ending in a month", () => {
    const [revised] = run(
      "In its second-quarter results, Lear lowered its tariff cost projections for the year to $200 million, from its previous estimate of $250 million.",
      "2025-07-25",
    );
    expect([revised?.metric, revised?.period]).toEqual(["tariff-impact", "FY2025"]);
  });

  it("reads non-breaking hyphens as hyphens: 'July\u2011September 2025 quarter'", () => {
    const [change, level] = run(
      "Honda reported a 25% drop in operating profit for its July\u2011September 2025 quarter, falling to 194 billion yen.",
      "2025-11-07",
    );
    expect([change?.period, level?.period]).toEqual(["Q2 FY2025", "Q2 FY2025"]);
  });

  it("ends nine months of a calendar year in September", () => {
    expect(periodEnd("9M FY2025", 1)).toBe("2025-09");
    expect(periodEnd("9M FY2025", 4)).toBe("2025-12");
  });
});

describe("profit with no other word", () => {
  it("takes a bare profit that fell by a percentage as net profit, and an import tariff as a tariff rate", () => {
    const [change, rate] = run("Mercedes-Benz said its profit fell 31% in the third quarter, as a 15% U.S. import tariff weighed on its cars.", "2025-10-29");
    expect([change?.metric, rate?.metric, rate?.subject]).toEqual(["net-profit-change", "tariff-rate", "us"]);
  });

  it("reads a result whose verb is 'dipped' as past, so of the half the text named", () => {
    const claims = run(
      "Mazda posted a net loss of 45 billion yen for April-September. It cut its full-year forecast to 20 billion yen. " +
        "Global vehicle sales dipped to 600,000 from 650,000.",
      "2025-11-07",
    );
    expect([claims.at(-1)?.metric, claims.at(-1)?.period]).toEqual(["sales-volume", "H1 FY2025"]);
  });
});
