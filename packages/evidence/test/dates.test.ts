import { describe, expect, it } from "vitest";
import { findDates, findPeriods, fiscalYearOf } from "../src/index.js";

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
});
