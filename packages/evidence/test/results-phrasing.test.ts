import { describe, expect, it } from "vitest";
import { claimsOf as run } from "./corpus.js";

// Invented sentences, each in the pattern of an error class of the real set's batch 5 (Volvo Cars, Mazda, Renault).
const pick = (c: { text: string; value: number; unit: string; subject?: string; metric?: string; period?: string }) => [
  c.value,
  c.unit,
  c.subject,
  c.metric,
  c.period,
];

describe("the phrasing of European and Japanese results", () => {
  it("reads Swedish kronor and crowns as SEK, and an operating profit before items affecting comparability as adjusted", () => {
    const claims = run(
      "Volvo Cars said its revenue fell 5% to 88.1 billion Swedish crowns in the third quarter. " +
        "Operating profit excluding items affecting comparability rose to 3.4 billion kronor.",
      "2025-10-23",
    );
    expect(claims.map(pick)).toEqual([
      [-5, "%", "volvo-cars", "revenue-change", "Q3 FY2025"],
      [88.1e9, "SEK", "volvo-cars", "revenue", "Q3 FY2025"],
      [3.4e9, "SEK", "volvo-cars", "adjusted-operating-profit", "Q3 FY2025"],
    ]);
  });

  it("files a gross margin under its own name, not under the tariff an aside about it names", () => {
    const claims = run("Volvo Cars' gross margin, a gauge of the tariff burden, slipped to 16.2% in the third quarter.", "2025-10-23");
    expect(claims.map((c) => [c.value, c.subject, c.metric])).toEqual([[16.2, "volvo-cars", "gross-margin"]]);
  });

  it("reads 'Shares of X climb 6%' as a share-price move and 'at 28.1 euros' as the price they traded at", () => {
    const up = run("Shares of Volvo Cars climb 6% after the report.", "2025-07-17");
    expect(up.map((c) => [c.value, c.metric])).toEqual([[6, "share-price-change"]]);
    const at = run("Renault said its half-year sales rose. Its shares were up 2.4% at 28.1 euros in Paris.", "2025-07-31");
    expect(at.map((c) => [c.value, c.unit, c.metric, c.period])).toEqual([
      [2.4, "%", "share-price-change", undefined],
      [28.1, "EUR", "share-price", undefined],
    ]);
  });

  it("reads a fall in percentage points as a signed change, and 'decreased' as a fall", () => {
    const pp = run("Renault's operating margin fell 1.5 percentage points to 5.8% in the first half.", "2025-07-31");
    expect(pp.map((c) => [c.value, c.unit, c.metric, c.role])).toEqual([
      [-1.5, "pp", "profit-margin-change", "change"],
      [5.8, "%", "profit-margin", "level"],
    ]);
    const fell = run("Subaru's revenue decreased 4.2% to ¥1.2 trillion in the April-June quarter.", "2025-08-06");
    expect(fell.map((c) => [c.value, c.metric])).toEqual([
      [-4.2, "revenue-change"],
      [1.2e12, "revenue"],
    ]);
  });

  it("dates 'the same quarter of 2024' a year back and lets it go at the next paragraph; a bare profit after a net loss is net", () => {
    const claims = run(
      "Mazda posted a net loss of ¥30.5 billion for the April-June quarter. In the same quarter of 2024, it reported a profit of ¥41.2 billion.\n\n" +
        "The tariffs cost it ¥52.4 billion.",
      "2025-08-06",
    );
    expect(claims.map(pick)).toEqual([
      [30.5e9, "JPY", "mazda", "net-loss", "Q1 FY2025"],
      [41.2e9, "JPY", "mazda", "net-profit", "Q1 FY2024"],
      [52.4e9, "JPY", "mazda", "tariff-impact", "Q1 FY2025"],
    ]);
  });

  it("reads 'compared with the year-before profit of X' as last year's profit of the loss's kind", () => {
    const claims = run(
      "Mazda posted an operating loss of ¥20.4 billion in the April-June quarter, compared with the year-before profit of ¥35.1 billion.",
      "2025-08-06",
    );
    expect(claims.map(pick)).toEqual([
      [20.4e9, "JPY", "mazda", "operating-loss", "Q1 FY2025"],
      [35.1e9, "JPY", "mazda", "operating-profit", "Q1 FY2024"],
    ]);
  });

  it("keeps an owner, a partner and a company written down out of the subject", () => {
    const owned = run(
      "The group, which is majority-owned by China's Geely Holding, said Volvo Cars' adjusted operating profit was 4.1 billion crowns.",
      "2025-10-23",
    );
    expect(owned.map((c) => c.subject)).toEqual(["volvo-cars"]);
    const written = run(
      "Renault reported a first-half net loss due to a Nissan writedown.\n\nThe French carmaker's net loss was €2.1 billion. Its shares fell 3%.",
      "2025-07-31",
    );
    expect(written.map((c) => [c.value, c.subject])).toEqual([
      [2.1e9, "renault"],
      [-3, "renault"],
    ]);
  });

  it("reads a working-capital outflow as its own figure beside free cash flow, and 'growth slowed to 2.2%' as a change", () => {
    const cash = run("Renault's free cash flow was €120 million in the first half, hurt by a working capital outflow of about €600 million.", "2025-07-31");
    expect(cash.map((c) => [c.value, c.metric])).toEqual([
      [120e6, "free-cash-flow"],
      [600e6, "working-capital-impact"],
    ]);
    const growth = run("Renault, whose sales volume growth slowed to 2.2% in the first half, kept its outlook.", "2025-07-31");
    expect(growth.map((c) => [c.value, c.metric, c.role])).toEqual([[2.2, "sales-volume-change", "change"]]);
  });
});
