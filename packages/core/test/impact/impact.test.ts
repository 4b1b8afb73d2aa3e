import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoOf, regimeBefore, tariffImpact, withRates } from "../../src/index.js";
import { build, company, measure, plant, program, scenario } from "../fixtures.js";

// One Japanese-built car: 1 000 units a year at price 30 000, customs value 0.9 × 30 000 = 27 000.
// FY2025 = 1 April 2025 – 31 March 2026, 365 days, volume spread evenly.
const mfn = measure("mfn-car", 0.025, { kind: "mfn" });
const s232 = measure("s232", 0.25, { from: "2025-04-03" });
const japan = scenario({ plants: [plant("kyushu", "maker", "JP")], programs: [program("car", "maker", { kyushu: 1 })], tariffs: [mfn, s232] });
const since = "2025-01-01";

describe("tariff impact against the regime before a date", () => {
  it("counts only the measures from that date, day-weighted over the year", () => {
    const [i] = tariffImpact(build(japan), { period: "FY2025", since });
    // s232 in force 3 April – 31 March: 363 of 365 days. 1 000 × 27 000 × 0.25 × 363/365 = 6 713 013.70
    expect(i?.vehicles).toBeCloseTo(6_713_013.7, 1);
    expect(i?.parts).toBe(0);
    expect(i?.net).toBeCloseTo(6_713_013.7, 1);
  });

  it("costs a quarter by cutting the measures to its dates", () => {
    const [i] = tariffImpact(build(japan), { period: "FY2025", from: "2025-04-01", to: "2025-06-30", since });
    // 3 April – 30 June: 89 days. 1 000 × 27 000 × 0.25 × 89/365 = 1 645 890.41
    expect(i?.vehicles).toBeCloseTo(1_645_890.41, 1);
  });

  it("charges a quarter's sales at the rates of their entry dates", () => {
    // 60 days from entry to sale: April–June sales entered 31 January – 1 May; s232 applies to entries from 3 April,
    // i.e. to sales from 2 June: 29 of Q1's days. 1 000 × 27 000 × 0.25 × 29/365 = 536 301.37
    const lagged = build({ ...japan, parameters: { entryLagDays: 60 } });
    const [q1] = tariffImpact(lagged, { period: "FY2025", from: "2025-04-01", to: "2025-06-30", since });
    expect(q1?.vehicles).toBeCloseTo(536_301.37, 1);
    // The year: sales from 2 June to 31 March, 303 days (the stock that entered before 3 April is sold duty-free).
    const [year] = tariffImpact(lagged, { period: "FY2025", since });
    expect(year?.vehicles).toBeCloseTo((1_000 * 27_000 * 0.25 * 303) / 365, 1);
  });

  it("converts at the window's rate when one is given", () => {
    const yen = { ...japan, companies: [company("maker", { reportingCurrency: "JPY" })], fx: { base: "USD", rates: { JPY: { FY2025: 150 } } } };
    const [full] = tariffImpact(build(yen), { period: "FY2025", since });
    const [h1] = tariffImpact(build(yen), { period: "FY2025", since, rates: { JPY: 140 } });
    // 6 713 013.70 USD at 150 and at 140 JPY/USD
    expect(full?.net).toBeCloseTo(6_713_013.7 * 150, -1);
    expect(h1?.net).toBeCloseTo(6_713_013.7 * 140, -1);
  });

  it("nets the US-assembly offset against the parts duties it may reduce, capped at them", () => {
    const ohio = scenario({
      programs: [program("car", "maker", { ohio: 1 }, { content: { US: 0.5, JP: 0.5 }, markets: { us: { price: 30_000, msrp: 35_000, demand: 1_000 } } })],
      tariffs: [
        measure("parts", 0.25, { categories: ["parts"], from: "2025-04-01" }),
        measure("offset", 0.0375, { kind: "offset", origins: ["US"], basis: "msrp", offsets: ["parts"], from: "2025-04-01" }),
      ],
    });
    const [i] = tariffImpact(build(ohio), { period: "FY2025", since });
    // parts value 0.8 × 20 000 = 16 000 (default share), half Japanese: 1 000 × 8 000 × 0.25 = 2 000 000
    // offset 1 000 × 0.0375 × 35 000 = 1 312 500, below the cap
    expect(i?.parts).toBeCloseTo(2_000_000, 3);
    expect(i?.offsets).toBeCloseTo(-1_312_500, 3);
    expect(i?.net).toBeCloseTo(687_500, 3);
  });
});

describe("the offset cap over windows: the period's credit is used on duties in date order", () => {
  const ohio = (partsFrom: string, offsetRate: number) =>
    build(
      scenario({
        programs: [program("car", "maker", { ohio: 1 }, { content: { US: 0.5, JP: 0.5 }, markets: { us: { price: 30_000, msrp: 35_000, demand: 1_000 } } })],
        tariffs: [
          measure("parts", 0.25, { categories: ["parts"], from: partsFrom }),
          measure("offset", offsetRate, { kind: "offset", origins: ["US"], basis: "msrp", offsets: ["parts"], from: "2025-04-01" }),
        ],
      }),
    );
  const at = (s: ReturnType<typeof ohio>, from: string, to: string) => tariffImpact(s, { period: "FY2025", from, to, since })[0];

  it("a window without duties uses no credit, however much it earns", () => {
    // Parts duty from 1 October: 2 000 000 × 182/365 = 997 260.27; credit 10% × 35 000 × 1 000 = 3 500 000 a year.
    const s = ohio("2025-10-01", 0.1);
    expect(at(s, "2025-04-01", "2025-09-30")?.offsets).toBeCloseTo(0, 6);
    expect(at(s, "2025-10-01", "2026-03-31")?.offsets).toBeCloseTo(-997_260.27, 1);
    expect(at(s, "2025-10-01", "2026-03-31")?.net).toBeCloseTo(0, 4);
  });

  it("a small credit is used up by the first duties of the year", () => {
    // Credit 1% × 35 000 × 1 000 = 350 000; duties from 1 April: Q1 = 2 000 000 × 91/365 = 498 630.14 > 350 000.
    const s = ohio("2025-04-01", 0.01);
    const q1 = at(s, "2025-04-01", "2025-06-30");
    expect(q1?.offsets).toBeCloseTo(-350_000, 3);
    expect(q1?.net).toBeCloseTo(148_630.14, 1);
    expect(at(s, "2025-07-01", "2026-03-31")?.offsets).toBeCloseTo(0, 6);
  });
});

describe("regimeBefore and withRates", () => {
  it("keeps the measures in force before the date and drops references to the others", () => {
    const allIn = measure("jp-15", 0.15, { kind: "all-in", from: "2025-09-16", inclusiveOf: ["mfn-car", "s232"] });
    const s = regimeBefore(build({ ...japan, tariffs: [mfn, s232, allIn] }), since);
    expect(s.tariffs.map((m) => m.id)).toEqual(["mfn-car"]);
  });

  it("withRates replaces one period's rate and keeps the others", () => {
    const s = build({ ...japan, fx: { base: "USD", rates: { JPY: { FY2025: 150 } } } });
    expect(withRates(s, "FY2025", { JPY: 135, CAD: 1.4 }).fx.rates).toEqual({ JPY: { FY2025: 135 }, CAD: { FY2025: 1.4 } });
    expect(s.fx.rates.JPY?.FY2025).toBe(150);
  });
});

describe("property: windows that split a year add up to the year", () => {
  it("also with an offset whose cap binds in some windows and not others", () => {
    const fyStart = Date.UTC(2025, 3, 1) / 86_400_000;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 363 }),
        fc.integer({ min: 0, max: 364 }),
        fc.integer({ min: 0, max: 364 }),
        fc.double({ min: 0.005, max: 0.3, noNaN: true }),
        (cut, partsStart, offsetStart, offsetRate) => {
          const s = build(
            scenario({
              programs: [
                program("car", "maker", { ohio: 1 }, { content: { US: 0.5, JP: 0.5 }, markets: { us: { price: 30_000, msrp: 35_000, demand: 1_000 } } }),
              ],
              tariffs: [
                measure("parts", 0.25, { categories: ["parts"], from: isoOf(fyStart + partsStart) }),
                measure("offset", offsetRate, { kind: "offset", origins: ["US"], basis: "msrp", offsets: ["parts"], from: isoOf(fyStart + offsetStart) }),
              ],
            }),
          );
          const at = (from?: string, to?: string) => tariffImpact(s, { period: "FY2025", from, to, since: "2024-01-01" })[0]?.net ?? 0;
          expect(at("2025-04-01", isoOf(fyStart + cut)) + at(isoOf(fyStart + cut + 1), "2026-03-31")).toBeCloseTo(at(), 4);
        },
      ),
      { numRuns: 30 },
    );
  });

  const fyStart = Date.UTC(2025, 3, 1) / 86_400_000;
  it("impact(start..c) + impact(c+1..end) = impact(year) for any cut and measure dates", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 363 }), fc.integer({ min: -30, max: 400 }), fc.double({ min: 0.01, max: 0.5, noNaN: true }), (cut, start, rate) => {
        const s = build({ ...japan, tariffs: [mfn, measure("new", rate, { from: isoOf(fyStart + start) })] });
        const at = (from?: string, to?: string) => tariffImpact(s, { period: "FY2025", from, to, since: "2024-01-01" })[0]?.net ?? 0;
        const year = at();
        const split = at("2025-04-01", isoOf(fyStart + cut)) + at(isoOf(fyStart + cut + 1), "2026-03-31");
        expect(split).toBeCloseTo(year, 4);
      }),
      { numRuns: 40 },
    );
  });
});
