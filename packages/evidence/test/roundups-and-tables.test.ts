import { describe, expect, it } from "vitest";
import { rounded } from "../src/index.js";
import { claimsOf as run } from "./corpus.js";

// Invented sentences, each in the pattern of an error class of the real set's batch 8 (its first run, on the round-8 rules).
const row = (c: { text: string; value: number; subject?: string; metric?: string; period?: string }) => [c.text, c.value, c.subject, c.metric, c.period];

describe("a roundup of several makers", () => {
  it("reads 'the first three months of fiscal 2025' as the quarter, for every April-start maker of the story", () => {
    const claims = run(
      "Tokyo, Aug. 8 (Jiji Press)--According to their earnings reports for the first three months of fiscal 2025, Subaru logged a net loss of 10,500 million yen, " +
        "against a net profit of 20,100 million yen a year earlier.\n\n" +
        "Consolidated net profit shrank 40.5 pct at Suzuki Motor Corp., 20.2 pct at Honda Motor Co. and 10.1 pct at Isuzu Motors.",
      "2025-08-08",
    );
    expect(claims.map(row)).toEqual([
      ["10,500 million yen", 10.5e9, "subaru", "net-loss", "Q1 FY2025"],
      // Compared with the figure before it: that figure's company, not the one named next.
      ["20,100 million yen", 20.1e9, "subaru", "net-profit", "Q1 FY2024"],
      // One change listed by company: each is a fall, each the company it is "at".
      ["40.5 pct", -40.5, "suzuki", "net-profit-change", "Q1 FY2025"],
      ["20.2 pct", -20.2, "honda", "net-profit-change", "Q1 FY2025"],
      ["10.1 pct", -10.1, "isuzu", "net-profit-change", "Q1 FY2025"],
    ]);
  });
});

describe("changes and levels of one statement", () => {
  it("keeps 'from a year earlier' after a change's level as the change's base, and reads 'EV producer' as no production", () => {
    const [change, level] = run(
      "Net profit at the world's biggest EV producer tumbled 20% in the second quarter to 5.1-billion yuan ($700m) from a year earlier, BYD said.",
      "2025-09-01",
    );
    expect([change?.metric, change?.value, level?.metric, level?.period]).toEqual(["net-profit-change", -20, "net-profit", "Q2 FY2025"]);
  });

  it("reads a revision by a percentage as a change of what was revised, in the headline too", () => {
    const claims = run(
      "Subaru cuts full-year operating profit forecast by 25%\n\n" +
        "Subaru cut its operating profit forecast for the current fiscal year by 25% on Wednesday, citing the impact of U.S. import tariffs.",
      "2025-08-06",
    );
    expect(claims.map((c) => [c.metric, c.value])).toEqual([
      ["operating-profit-change", -25],
      ["operating-profit-change", -25],
    ]);
  });

  it("takes a profit 'in the previous fiscal year' as the year before the figure's", () => {
    const [level, before] = run(
      "Mazda said its annual net profit for the fiscal year through March totaled 114.1 billion yen, down from 207.7 billion yen in the previous fiscal year.",
      "2025-05-13",
    );
    expect([level?.period, before?.period]).toEqual(["FY2024", "FY2023"]);
  });

  it("reads a bare annual profit as net after a net profit change, and a sharp 70.1-percent decline", () => {
    const claims = run(
      "Subaru's profit for the fiscal year through March slipped 24.5%. It said its annual profit totaled 300 billion yen. " +
        "It projects a 20.1-percent decline in net profit for fiscal 2025.",
      "2025-05-13",
    );
    expect(claims.map((c) => [c.text, c.metric])).toEqual([
      ["24.5%", "net-profit-change"],
      ["300 billion yen", "net-profit"],
      ["20.1-percent", "net-profit-change"],
    ]);
  });
});

describe("impacts on profit and margins", () => {
  it("takes what tariffs erase from a profit, and the points they cut off a margin, as tariff impacts", () => {
    const claims = run(
      "Honda said tariffs were likely to hurt, erasing 300 billion yen from its operating profit this year. " +
        "BMW said tariffs pushed down margins in its auto segment by two percentage points, and would cut 1.5 percentage points off margins over the year.",
      "2025-07-31",
    );
    expect(claims.map((c) => [c.text, c.metric, c.unit])).toEqual([
      ["300 billion yen", "tariff-impact", "JPY"],
      ["two percentage points", "tariff-impact", "pp"],
      ["1.5 percentage points", "tariff-impact", "pp"],
    ]);
  });
});

describe("tables, subheads and owners", () => {
  it("carries a table's header period into its rows and reads signed percentages as changes", () => {
    const claims = run(
      "BYD's net income fell in the second quarter.\n\n| Metric | Q2 2025 | Year-over-Year Change |\n\n|---|---|---|\n\n| Net Income | $800M | -25% |\n\n| Revenue | $25.1B | +12% |\n",
      "2025-09-01",
    );
    expect(claims.map((c) => [c.text, c.metric, c.value, c.period])).toEqual([
      ["$800M", "net-profit", 800e6, "Q2 FY2025"],
      ["25%", "net-profit-change", -25, "Q2 FY2025"],
      ["$25.1B", "revenue", 25.1e9, "Q2 FY2025"],
      ["12%", "revenue-change", 12, "Q2 FY2025"],
    ]);
  });

  it("lets 'during the same period' under a subhead point back past it, and reads 'the Tata-owned group' as JLR", () => {
    const claims = run(
      "JLR reported a 40% fall in pre-tax profit to £300 million in its first quarter to the end of June.\n\nJobs\n\n" +
        "The Tata-owned group said its revenue fell 5% to £6.1 billion during the same period.",
      "2025-08-08",
    );
    expect(claims.slice(2).map((c) => [c.subject, c.metric, c.period])).toEqual([
      ["jlr", "revenue-change", "Q1 FY2025"],
      ["jlr", "revenue", "Q1 FY2025"],
    ]);
  });
});

// Invented sentences in the pattern of error classes of batch 9 (its first run, on the round-9 rules).
describe("profits as reporters name them", () => {
  it("reads 'a 7% year-on-year drop in profit' as net, a profit forecast after a net profit as net, and EBIT in words as operating", () => {
    const claims = run(
      "Subaru reported a 7% year-on-year drop in profit for April-September on Wednesday. " +
        "Net profit for the period totaled 150 billion yen, down from 160 billion yen a year earlier.\n\n" +
        "It lifted its profit forecast for the fiscal year ending in March 2026 to 250 billion yen.\n\n" +
        "Earnings before interest and tax also fell to 200 billion yen.",
      "2025-11-05",
    );
    expect(claims.map((c) => [c.text, c.metric])).toEqual([
      ["7%", "net-profit-change"],
      ["150 billion yen", "net-profit"],
      ["160 billion yen", "net-profit"],
      ["250 billion yen", "net-profit"],
      ["200 billion yen", "operating-profit"],
    ]);
  });

  it("names an adjusted return on sales, and keeps a business line's revenue apart from the total", () => {
    const claims = run(
      "Tesla's total revenue fell 9% to $19.3 billion in the first quarter. Automotive revenue, more specifically, fell 20% to $12.9 billion. " +
        "Mercedes-Benz said its adjusted return on sales at the car division fell to 7.3% in the first quarter.",
      "2025-04-30",
    );
    expect(claims.map((c) => [c.text, c.metric, c.segment])).toEqual([
      ["9%", "revenue-change", undefined],
      ["$19.3 billion", "revenue", undefined],
      ["20%", "revenue-change", "automotive"],
      ["$12.9 billion", "revenue", "automotive"],
      ["7.3%", "adjusted-profit-margin", undefined],
    ]);
  });

  it("takes 'down from $1.39 billion and 41 cents a year earlier' as both of last year", () => {
    const claims = run(
      "Tesla's first-quarter net income fell to $409 million, or 12 cents per diluted share, down from $1.39 billion and 41 cents a year earlier.",
      "2025-04-23",
    );
    expect(claims.map((c) => [c.text, c.period])).toEqual([
      ["$409 million", "Q1 FY2025"],
      ["12 cents", "Q1 FY2025"],
      ["$1.39 billion", "Q1 FY2024"],
      ["41 cents", "Q1 FY2024"],
    ]);
  });

  it("names a calendar-year company's calendar quarter as its fiscal quarter", () => {
    const [level] = run("Volkswagen said its operating profit fell to 2.8 billion euros in January-March.", "2025-04-15");
    expect(level?.period).toBe("Q1 FY2025");
  });
});

describe("makers and places batch 10 named", () => {
  it("names Audi apart from Volkswagen, Hyundai Motor India apart from Hyundai, and the UK as a place", () => {
    const claims = run(
      "Audi said its operating profit fell to 1.5 billion euros in the first half. " +
        "Hyundai Motor India said its net profit rose 10% to Rs 1,500 crore. The US tariff on UK-made cars is 10%.",
      "2025-10-30",
    );
    expect(claims.map((c) => c.subject)).toEqual(["audi", "hyundai-motor-india", "hyundai-motor-india", "uk"]);
  });
});

// Cases a review of rounds 8-11 found, each the limit of a rule.
describe("the limits of rounds 8 to 11", () => {
  it("keeps a business line to its clause, and a duration of nine months out of the 9M period", () => {
    const claims = run(
      "Tesla said automotive revenue fell 20% in the first quarter, while net income dropped 71% to $409 million. " +
        "Ford will idle its Kentucky plant for nine months, cutting output by 50,000 vehicles.",
      "2025-04-23",
    );
    expect(claims.map((c) => [c.text, c.segment, c.period])).toEqual([
      ["20%", "automotive", "Q1 FY2025"],
      ["71%", undefined, "Q1 FY2025"],
      ["$409 million", undefined, "Q1 FY2025"],
      ["50,000 vehicles", undefined, undefined],
    ]);
  });

  it("names the company a percentage is 'at', but not the company a payment is 'for'", () => {
    const [pay] = run("Toyota said it would pay ¥4.7 trillion for Toyota Industries.", "2025-06-03");
    expect(pay?.subject).toBe("toyota");
  });

  it("reads a bare profit by the level stated last, not by an older change", () => {
    const claims = run(
      "Honda said its profit slipped 24.5% in the year ended March.\n\nHonda's operating profit was ¥1.21 trillion.\n\n" +
        "The company said its annual profit totaled ¥1.0 trillion.",
      "2025-05-13",
    );
    expect(claims.at(-1)?.metric).toBe("operating-profit");
  });

  it("keeps nine months that have not ended as nine months", () => {
    const claims = run(
      "Suzuki's operating profit rose 5% to ¥150 billion in the April-June quarter.\n\n" +
        "Suzuki said its net profit in the nine months to December rose 10% to ¥300 billion.",
      "2025-11-05",
    );
    expect(claims.slice(2).map((c) => c.period)).toEqual(["9M FY2025", "9M FY2025"]);
  });
});

describe("a unit and its owner", () => {
  it("keeps a long aside naming the owner out of the subject, and gives consolidated figures to the owner", () => {
    const claims = run(
      "JLR, the Tata Motors luxury division earning three-fourths of its revenue and a majority of profits, saw a 9.2% decline in revenue. " +
        "Consolidated profit fell about 63% to ₹3,924 crore.",
      "2025-08-01",
    );
    expect(claims.map((c) => [c.text, c.subject])).toEqual([
      ["9.2%", "jlr"],
      ["63%", "tata-motors"],
      ["₹3,924 crore", "tata-motors"],
    ]);
  });
});

// Invented sentences in the pattern of error classes of batch 11 (its first run, on the round-12 rules).
describe("Korean compound amounts and makers batch 11 named", () => {
  it("reads '46 trillion 7,214 billion won' as 46.7214 trillion won and '10 trillion 69 billion won' as 10.069 trillion", () => {
    const claims = run(
      "Kia posted sales of 30 trillion 1,234 billion won and operating profit of 2 trillion 69 billion won in the third quarter.",
      "2025-10-30",
    );
    expect(claims.map((c) => [c.text, c.value, c.metric])).toEqual([
      ["30 trillion 1,234 billion won", 30.1234e12, "revenue"],
      ["2 trillion 69 billion won", 2.069e12, "operating-profit"],
    ]);
  });

  it("names Rivian, Lucid and Mahindra", () => {
    const claims = run("Rivian delivered 10,661 vehicles. Lucid Group said revenue rose 29%. Mahindra & Mahindra said net profit rose 24%.", "2025-08-06");
    expect(claims.map((c) => c.subject)).toEqual(["rivian", "lucid", "mahindra"]);
  });
});

// Cases a review of rounds 12 and 13 found.
describe("the limits of rounds 12 and 13", () => {
  it("keeps a company named in the figure's clause for its consolidated figures, and a subject that says what it reported", () => {
    const maruti = run("Maruti Suzuki said its consolidated net profit rose 5% to 37.1 billion rupees.", "2025-08-01");
    expect(maruti.map((c) => c.subject)).toEqual(["maruti-suzuki", "maruti-suzuki"]);
    const honda = run(
      "Like Nissan, Honda said on Wednesday that its operating profit fell 50% to 244 billion yen in the quarter, its lowest in years.",
      "2025-08-06",
    );
    expect(honda.map((c) => c.subject)).toEqual(["honda", "honda"]);
  });

  it("reads a range of Korean compound amounts, and keeps small percentages apart", () => {
    const [range] = run("Kia expects operating profit of 10 trillion 69 billion to 10 trillion 500 billion won this year.", "2025-08-01");
    expect([range?.value, range?.high, range?.unit]).toEqual([10.069e12, 10.5e12, "KRW"]);
    expect(rounded(1, 0.5, true)).toBe(false);
    expect(rounded(1000, 1400, true)).toBe(false);
  });
});
