import { describe, expect, it } from "vitest";
import { extract, findDates, findPeriods, fiscalYearOf } from "../src/index.js";
import { dictionary } from "./corpus.js";

const dates = (s: string, published: string) => findDates(s, published).map((d) => d.date);
const periods = (s: string, fyStart: number, asOf: string) => findPeriods(s).map((p) => p.resolve(fyStart, asOf));

describe("dates resolved against the publication date", () => {
  it("gives a day-and-month date the publication's year", () => {
    expect(dates("Nissan said on November 13 that", "2025-11-20")).toEqual(["2025-11-13"]);
  });
  it("takes a bare month as the latest one not after publication", () => {
    // Published 20 November 2025: "in February" already happened, so February 2025, not 2026.
    expect(dates("the talks collapsed in February", "2025-11-20")).toEqual(["2025-02"]);
    expect(dates("it had projected in May", "2025-11-08")).toEqual(["2025-05"]);
  });
  it("keeps a future month in the future when the sentence says so", () => {
    expect(dates("production will start in February", "2025-11-20")).toEqual(["2026-02"]);
  });
  it("resolves weekdays and 'last month'", () => {
    // 13 May 2025 was a Tuesday; the article is dated Wednesday 14 May.
    expect(dates("the company said on Tuesday", "2025-05-14")).toEqual(["2025-05-13"]);
    expect(dates("Renault said last month", "2025-08-01")).toEqual(["2025-07"]);
  });
  it("resolves 'earlier this year' to the year", () => {
    expect(dates("a levy imposed earlier this year", "2025-09-17")).toEqual(["2025"]);
  });
});

describe("fiscal years", () => {
  it("names a fiscal year by the calendar year it starts in", () => {
    // Japan, April start: March 2026 is the last month of FY2025, April 2025 the first.
    expect(fiscalYearOf("2026-03-31", 4)).toBe(2025);
    expect(fiscalYearOf("2025-04-01", 4)).toBe(2025);
    expect(fiscalYearOf("2025-03-31", 4)).toBe(2024);
    // Calendar-year reporters: the fiscal year is the calendar year.
    expect(fiscalYearOf("2025-03-31", 1)).toBe(2025);
  });

  it("reads the forms of a period news uses", () => {
    expect(periods("in fiscal 2025", 4, "2025-05-13")).toEqual(["FY2025"]);
    expect(periods("for FY26", 4, "2025-05-13")).toEqual(["FY2026"]);
    expect(periods("for the year ending March 2026", 4, "2025-05-13")).toEqual(["FY2025"]);
    // published May 2025: the year through March is the one that ended in March 2025
    expect(periods("for the fiscal year through March", 4, "2025-05-13")).toEqual(["FY2024"]);
    expect(periods("this fiscal year", 4, "2025-11-08")).toEqual(["FY2025"]);
    expect(periods("this fiscal year", 4, "2026-02-10")).toEqual(["FY2025"]);
    expect(periods("this fiscal year", 1, "2026-02-10")).toEqual(["FY2026"]);
    expect(periods("next fiscal year", 4, "2025-11-08")).toEqual(["FY2026"]);
    expect(periods("a year earlier", 4, "2025-05-13")).toEqual(["FY2024"]);
    expect(periods("in the April-June quarter", 4, "2025-08-01")).toEqual(["Q1 FY2025"]);
    expect(periods("a first-half loss", 4, "2025-08-01")).toEqual(["H1 FY2025"]);
    expect(periods("sold in 2024", 4, "2025-08-01")).toEqual(["CY2024"]);
    expect(periods("sold last year", 4, "2025-08-01")).toEqual(["CY2024"]);
  });

  it("reads a year ending in March by tense: ending is the coming March, ended the last", () => {
    // A May 2025 forecast "for the fiscal year ending in March" is about April 2025–March 2026: FY2025.
    expect(periods("for the fiscal year ending in March", 4, "2025-05-20")).toEqual(["FY2025"]);
    expect(periods("the year that ends in March", 4, "2025-05-20")).toEqual(["FY2025"]);
    // Results "for the year that ended in March", in May 2025: April 2024–March 2025, FY2024.
    expect(periods("for the year that ended in March", 4, "2025-05-20")).toEqual(["FY2024"]);
    // In February 2026 the coming March is March 2026 (FY2025); the last one March 2025 (FY2024).
    expect(periods("for the fiscal year ending in March", 4, "2026-02-10")).toEqual(["FY2025"]);
    expect(periods("for the year that ended in March", 4, "2026-02-10")).toEqual(["FY2024"]);
  });

  it("takes a quarter named by its months as the latest one begun by the as-of date, numbered from the fiscal-year start", () => {
    // 13 May 2025: January-March 2025 has begun (and ended); from an April start it is the 4th quarter of FY2024.
    expect(periods("In the January-March quarter", 4, "2025-05-13")).toEqual(["Q4 FY2024"]);
    // October-December 2025 has not begun by May 2025: the last one is October-December 2024, Q3 of FY2024.
    expect(periods("in the October-December quarter", 4, "2025-05-13")).toEqual(["Q3 FY2024"]);
    // A calendar-year reporter (January start): January-March 2025 is Q1 FY2025, April-June 2025 Q2 FY2025.
    expect(periods("In the January-March quarter", 1, "2025-05-13")).toEqual(["Q1 FY2025"]);
    expect(periods("in the April-June quarter", 1, "2025-08-01")).toEqual(["Q2 FY2025"]);
    // An October start: (1 - 10 + 12) mod 12 = 3 months in, so January-March 2025 is Q2 of the year begun October 2024.
    expect(periods("In the January-March quarter", 10, "2025-05-13")).toEqual(["Q2 FY2024"]);
  });

  it("numbers a quarter by the subject's fiscal year in an extracted claim", () => {
    const dict = dictionary();
    const read = (text: string) =>
      extract(text, { source: "x", name: "x.txt", dictionary: dict, published: "2025-05-13" }).claims.map((c) => [c.subject, c.period]);
    expect(read("In the January-March quarter, Honda posted an operating profit of ¥200 billion.")).toEqual([["honda", "Q4 FY2024"]]);
    expect(read("In the January-March quarter, Ford posted an operating profit of $1.5 billion.")).toEqual([["ford", "Q1 FY2025"]]);
    expect(read("Honda forecast operating profit of ¥500 billion for the fiscal year ending in March.")).toEqual([["honda", "FY2025"]]);
  });
});

describe("periods named the ways results articles name them", () => {
  it("reads quarters by their bounding months, their end and their year", () => {
    expect(periods("for the three-month period between April and June", 4, "2025-08-06")).toEqual(["Q1 FY2025"]);
    expect(periods("for the quarter from April to June", 4, "2025-07-30")).toEqual(["Q1 FY2025"]);
    // A January-start company: April-June is its second quarter.
    expect(periods("for the April-to-June period", 1, "2025-07-24")).toEqual(["Q2 FY2025"]);
    expect(periods("in the three months ended June", 1, "2025-07-25")).toEqual(["Q2 FY2025"]);
    expect(periods("in 2Q25", 1, "2025-07-22")).toEqual(["Q2 FY2025"]);
    expect(periods("in Q3 2024", 1, "2025-07-22")).toEqual(["Q3 FY2024"]);
    // July-September 2024 from an April start is the second quarter of FY2024, not of the current year.
    expect(periods("in the July-September quarter in 2024", 4, "2025-11-07")).toEqual(["Q2 FY2024"]);
  });

  it("reads halves as six months, and the business or financial year as the fiscal year", () => {
    expect(periods("in the first six months of the year", 1, "2025-07-25")).toEqual(["H1 FY2025"]);
    // Said in July 2025, "the six months ending in September" is April-September 2025 for an April start: H1 FY2025.
    expect(periods("for the six months ending in September", 4, "2025-07-30")).toEqual(["H1 FY2025"]);
    // Said in February 2026 by a January-start company, "the six months ended December" is July-December 2025: H2 FY2025.
    expect(periods("for the six months ended December", 1, "2026-02-10")).toEqual(["H2 FY2025"]);
    expect(periods("this business year", 4, "2025-08-05")).toEqual(["FY2025"]);
    expect(periods("the previous financial year", 4, "2025-07-30")).toEqual(["FY2024"]);
  });

  it("keeps a half named after 'a year earlier' as the sentence's own period, not the comparison's", () => {
    const [relative, own] = findPeriods("to 4.6 trillion won from 5.7 trillion won a year earlier in the first half");
    expect(relative?.comparison).toBe(true);
    expect(own?.comparison).toBeUndefined();
  });
});
