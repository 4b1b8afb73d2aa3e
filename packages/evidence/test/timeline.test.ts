import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asOfDay, type Claim, rounded, supersession, timeline } from "../src/index.js";

const claim = (id: string, asOf: string, value: number, extra: Partial<Claim> = {}): Claim => ({
  id,
  subject: "honda",
  metric: "tariff-impact",
  period: "FY2025",
  value,
  unit: "JPY",
  asOf,
  source: "s",
  ...extra,
});

describe("timeline", () => {
  it("lets the latest claim supersede the earlier ones of the same figure", () => {
    const t = timeline([claim("nov", "2025-11-07", 385e9), claim("may", "2025-05-13", 650e9), claim("aug", "2025-08", 450e9)]);
    expect(t.map((e) => [e.claim.id, e.status, e.supersededBy])).toEqual([
      ["may", "superseded", "nov"],
      ["aug", "superseded", "nov"],
      ["nov", "current", undefined],
    ]);
  });

  it("keeps other periods, metrics and subjects apart", () => {
    const t = timeline([
      claim("fy", "2025-05-13", 650e9),
      claim("q1", "2025-08-06", 124.6e9, { period: "Q1 FY2025" }),
      claim("nissan", "2025-09-01", 1, { subject: "nissan" }),
    ]);
    expect(t.every((e) => e.status === "current")).toBe(true);
  });

  it("flags claims of the same date from different sources that disagree, and not those that agree", () => {
    const t = timeline([
      claim("a", "2025-05-13", 650e9, { source: "s1" }),
      claim("b", "2025-05-13", 600e9, { source: "s2" }),
      claim("c", "2025-05-13", 650e9, { source: "s3" }),
    ]);
    expect(t.map((e) => [e.claim.id, e.status, e.conflictsWith])).toEqual([
      ["a", "conflict", ["b"]],
      ["b", "conflict", ["a", "c"]],
      ["c", "conflict", ["b"]],
    ]);
    const agree = timeline([claim("a", "2025-05-13", 650e9, { source: "s1" }), claim("c", "2025-05-13", 650e9, { source: "s3" })]);
    expect(agree.map((e) => e.status)).toEqual(["current", "current"]);
  });

  it("keeps the flag on a disagreement that a later claim has since superseded", () => {
    const t = timeline([claim("a", "2025-05-13", 650e9, { source: "s1" }), claim("b", "2025-05-13", 600e9, { source: "s2" }), claim("n", "2025-11-07", 385e9)]);
    expect(t.map((e) => [e.claim.id, e.status, e.supersededBy, e.conflictsWith])).toEqual([
      ["a", "superseded", "n", ["b"]],
      ["b", "superseded", "n", ["a"]],
      ["n", "current", undefined, undefined],
    ]);
  });

  it("does not flag two values of one source on one day: one article's figures are not rival reports", () => {
    const t = timeline([claim("a", "2025-05-13", 650e9), claim("b", "2025-05-13", 600e9)]);
    expect(t.some((e) => e.status === "conflict" || e.conflictsWith)).toBe(false);
  });

  it("lets a revised value supersede the previous value stated on the same day, without a conflict", () => {
    // "lowered its forecast to ¥3.2 trillion from ¥3.8 trillion": both carry the article's date.
    const t = timeline([
      claim("new", "2025-08-07", 3.2e12, { role: "revised", source: "s1" }),
      claim("old", "2025-08-07", 3.8e12, { role: "previous", source: "s1" }),
      claim("wire", "2025-08-07", 3.8e12, { role: "previous", source: "s2" }),
    ]);
    expect(t.map((e) => [e.claim.id, e.status, e.supersededBy, e.conflictsWith])).toEqual([
      ["old", "superseded", "new", undefined],
      ["wire", "superseded", "new", undefined],
      ["new", "current", undefined, undefined],
    ]);
  });

  it("keeps apart claims with no metric, and claims of different bases", () => {
    const t = timeline([
      claim("x", "2025-05-13", 1, { metric: undefined }),
      claim("y", "2025-08-07", 2, { metric: undefined }),
      claim("gross", "2025-08-07", 4e9, { basis: "forecast gross", source: "s1" }),
      claim("net", "2025-08-07", 2e9, { basis: "forecast net", source: "s2" }),
    ]);
    expect(t.every((e) => e.status === "current" && !e.conflictsWith)).toBe(true);
  });

  it("keeps the dollar and the euro assumption apart: one figure is one unit", () => {
    const fx = { metric: "fx-assumption", unit: "JPY/USD" };
    const t = timeline([claim("usd", "2025-08-07", 145, { ...fx, source: "s1" }), claim("eur", "2025-08-07", 160, { ...fx, unit: "JPY/EUR", source: "s2" })]);
    expect(t.map((e) => e.status)).toEqual(["current", "current"]);
  });

  it("finds what superseded a cited claim", () => {
    const all = [claim("may", "2025-05-13", 650e9), claim("nov", "2025-11-07", 385e9)];
    expect(supersession("may", all)?.supersededBy).toBe("nov");
    expect(supersession("nov", all)?.status).toBe("current");
    expect(supersession("nope", all)).toBeUndefined();
  });

  it("property: in every figure, exactly the claims of the latest date are not superseded", () => {
    const day = fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10));
    const claims = fc.array(fc.record({ asOf: day, value: fc.integer({ min: 1, max: 3 }), period: fc.constantFrom("FY2025", "FY2026") }), {
      minLength: 1,
      maxLength: 30,
    });
    fc.assert(
      fc.property(claims, (rows) => {
        const t = timeline(rows.map((r, i) => claim(`c${i}`, r.asOf, r.value, { period: r.period })));
        for (const period of ["FY2025", "FY2026"]) {
          const group = t.filter((e) => e.claim.period === period);
          const latest = group.reduce((m, e) => (e.claim.asOf > m ? e.claim.asOf : m), "");
          for (const e of group) {
            if (e.claim.asOf < latest) expect(e.status).toBe("superseded");
            else expect(e.status).not.toBe("superseded");
            if (e.supersededBy) expect(group.find((g) => g.claim.id === e.supersededBy)?.claim.asOf).toBe(latest);
          }
        }
        expect(t).toHaveLength(rows.length);
      }),
    );
  });
});

describe("as-of dates of mixed precision", () => {
  it("reads a month-only date as the month's last day and a year-only one as 31 December", () => {
    expect(asOfDay("2025-07")).toBe("2025-07-31");
    // 2024 is a leap year: day 0 of March is 29 February.
    expect(asOfDay("2024-02")).toBe("2024-02-29");
    expect(asOfDay("2025-02")).toBe("2025-02-28");
    expect(asOfDay("2025")).toBe("2025-12-31");
    expect(asOfDay("2025-07-30")).toBe("2025-07-30");
  });

  it("lets a claim of 'July' supersede one of 30 July, not the other way round", () => {
    // As strings "2025-07" < "2025-07-30", which made the month-only claim the older one.
    const t = timeline([claim("day", "2025-07-30", 300e9), claim("month", "2025-07", 450e9)]);
    expect(t.map((e) => [e.claim.id, e.status, e.supersededBy])).toEqual([
      ["day", "superseded", "month"],
      ["month", "current", undefined],
    ]);
    // A day after the month ends is later again.
    expect(timeline([claim("month", "2025-07", 450e9), claim("aug", "2025-08-01", 1)]).find((e) => e.claim.id === "aug")?.status).toBe("current");
  });

  it("treats a month-only claim and one of the month's last day as the same date", () => {
    const t = timeline([claim("month", "2025-07", 450e9, { source: "s1" }), claim("day", "2025-07-31", 300e9, { source: "s2" })]);
    expect(t.map((e) => e.status)).toEqual(["conflict", "conflict"]);
  });
});

describe("rounding is not a conflict", () => {
  it("reads a value written less precisely as the same figure (hand-worked)", () => {
    // ¥841 billion is ¥841.3 billion to 0 places at the billion; 3.6 is 3.64 trillion to 1 place; 16 is 15.8 to 0.
    expect(rounded(841e9, 841.3e9)).toBe(true);
    expect(rounded(3.64e12, 3.6e12)).toBe(true);
    expect(rounded(16, 15.8)).toBe(true);
    // 841.6 rounds to 842, not 841; 145 and 150 are written to the same places, so neither rounds the other.
    expect(rounded(841e9, 841.6e9)).toBe(false);
    expect(rounded(145, 150)).toBe(false);
    // One significant digit says too little: "$1 billion" is not "$1.4 billion".
    expect(rounded(1e9, 1.4e9)).toBe(false);
    expect(rounded(-16, 15.8)).toBe(false);
    // A percentage may be rounded to a whole one: a 9% fall is the 9.2% fall; 9% is not 9.6%.
    expect(rounded(-9, -9.2, true)).toBe(true);
    expect(rounded(-9, -9.2)).toBe(false);
    expect(rounded(9, 9.6, true)).toBe(false);
  });

  it("does not flag two same-day sources that differ only by rounding, and still flags real differences", () => {
    const a = claim("a", "2025-08-07", 841e9, { source: "s1", metric: "net-profit", period: "Q1 FY2025" });
    const b = claim("b", "2025-08-07", 841.3e9, { source: "s2", metric: "net-profit", period: "Q1 FY2025" });
    const c = claim("c", "2025-08-07", 845e9, { source: "s3", metric: "net-profit", period: "Q1 FY2025" });
    expect(timeline([a, b]).some((e) => e.conflictsWith)).toBe(false);
    expect(
      timeline([a, b, c])
        .filter((e) => e.conflictsWith)
        .map((e) => e.claim.id),
    ).toEqual(["a", "b", "c"]);
  });
});
