import { describe, expect, it } from "vitest";
import { cumulativeDayWeights, type DatedMeasure, dayNumber, expandHorizon, type Period, type Slot, schedule, TariffMeasure } from "../src/index.js";
import { type MeasureIn, measure } from "./fixtures.js";

const dated = (id: string, rate: number, extra: Partial<MeasureIn> = {}): DatedMeasure => {
  const m = TariffMeasure.parse(measure(id, rate, extra));
  return { measure: m, from: dayNumber(m.from), to: m.to === undefined ? Number.POSITIVE_INFINITY : dayNumber(m.to) };
};
const FY2025 = expandHorizon({ fiscalYears: { from: 2025, to: 2025, startMonth: 4 } })[0] as Period;
const jpCar: Slot = { importer: "US", origin: "JP", category: "passenger-car", usmcaQualifying: false };
const rateOf = (entries: ReturnType<typeof schedule>, id: string) => entries.find((e) => e.measure.id === id)?.rate ?? 0;
const totalOf = (entries: ReturnType<typeof schedule>) => entries.reduce((s, e) => s + e.rate, 0);

// The 2025 US regime on a Japanese passenger car.
const mfn = dated("mfn-car", 0.025, { kind: "mfn", from: "1990-01-01" });
const s232 = dated("s232", 0.25, { from: "2025-04-03", usmca: "non-qualifying" });
const allIn = dated("jp-all-in", 0.15, { kind: "all-in", origins: ["JP"], from: "2025-09-16", inclusiveOf: ["mfn-car", "s232"] });

describe("schedule: day-weighted rate over FY2025", () => {
  // Days: 2025-04-01..04-02 = 2 at 2.5%; 04-03..09-15 = 28+31+30+31+31+15 = 166 at 27.5%;
  // 09-16..2026-03-31 = 15+31+30+31+31+28+31 = 197 at 15%.
  const entries = schedule([mfn, s232, allIn], jpCar, FY2025);

  it("total = (2×0.025 + 166×0.275 + 197×0.15)/365 = 0.206164", () => {
    expect(totalOf(entries)).toBeCloseTo((2 * 0.025 + 166 * 0.275 + 197 * 0.15) / 365, 12);
    expect(totalOf(entries)).toBeCloseTo(0.206164, 6);
  });

  it("breaks down by measure: mfn 0.025, s232 0.25×166/365, all-in top-up 0.125×197/365", () => {
    expect(rateOf(entries, "mfn-car")).toBeCloseTo(0.025, 12);
    expect(rateOf(entries, "s232")).toBeCloseTo((0.25 * 166) / 365, 12);
    expect(rateOf(entries, "jp-all-in")).toBeCloseTo((0.125 * 197) / 365, 12);
    expect(entries).toHaveLength(3);
  });

  it("with a monthly profile, weights each regime by the months' sales", () => {
    // Sales only in April (weight 1) and October (weight 3): April = 2 days at 2.5% + 28 days at 27.5%,
    // October entirely at 15%. Rate = 1/4 × (2×0.025 + 28×0.275)/30 + 3/4 × 0.15 = 0.1768750
    const profile = [0, 0, 0, 1, 0, 0, 0, 0, 0, 3, 0, 0];
    const weighted = schedule([mfn, s232, allIn], jpCar, FY2025, cumulativeDayWeights(FY2025, profile));
    expect(totalOf(weighted)).toBeCloseTo(0.25 * ((2 * 0.025 + 28 * 0.275) / 30) + 0.75 * 0.15, 12);
    // s232 charged only in April's last 28 days: 1/4 × 28/30 × 0.25
    expect(rateOf(weighted, "s232")).toBeCloseTo(0.25 * (28 / 30) * 0.25, 12);
  });
});

describe("schedule: measure dates", () => {
  it("are inclusive at both ends: a one-day measure charges 1/365 of its rate", () => {
    const oneDay = dated("one-day", 0.365, { from: "2025-04-10", to: "2025-04-10" });
    // 0.365 × 1/365 = 0.001
    expect(totalOf(schedule([oneDay], jpCar, FY2025))).toBeCloseTo(0.001, 12);
  });

  it("a measure ending mid-period charges only the days up to its last day", () => {
    // 2025-04-01..2025-06-30 = 30 + 31 + 30 = 91 days: 0.25 × 91/365 = 0.0623288
    const ending = dated("ending", 0.25, { from: "2025-01-01", to: "2025-06-30" });
    expect(totalOf(schedule([ending], jpCar, FY2025))).toBeCloseTo((0.25 * 91) / 365, 12);
  });

  it("a measure starting on the first day of the next period charges nothing", () => {
    const later = dated("later", 0.25, { from: "2026-04-01" });
    const earlier = dated("earlier", 0.25, { from: "2020-01-01", to: "2025-03-31" });
    expect(schedule([later, earlier], jpCar, FY2025)).toEqual([]);
  });

  it("back-to-back measures (one ends, the next starts the day after) cover each day once", () => {
    const a = dated("a", 0.0375, { from: "2025-04-03", to: "2025-12-31" });
    const b = dated("b", 0.025, { from: "2026-01-01" });
    // a: 04-03..12-31 = 28+31+30+31+31+30+31+30+31 = 273 days; b: 31+28+31 = 90 days
    const e = schedule([a, b], jpCar, FY2025);
    expect(rateOf(e, "a")).toBeCloseTo((0.0375 * 273) / 365, 12);
    expect(rateOf(e, "b")).toBeCloseTo((0.025 * 90) / 365, 12);
  });
});

describe("schedule: which slots a measure covers", () => {
  it("a CA-built USMCA-qualifying vehicle is not charged a non-qualifying measure", () => {
    const caQualifying: Slot = { importer: "US", origin: "CA", category: "passenger-car", usmcaQualifying: true };
    const caNonQualifying: Slot = { ...caQualifying, usmcaQualifying: false };
    const onQualifying = dated("s232-usmca", 0.25, { usmca: "qualifying", basis: { excludeContentOf: ["US"] } });
    // qualifying: only the qualifying measure (s232 non-qualifying not charged)
    const q = schedule([mfn, s232, onQualifying], caQualifying, FY2025);
    expect(rateOf(q, "s232")).toBe(0);
    expect(rateOf(q, "s232-usmca")).toBeCloseTo(0.25, 12);
    // non-qualifying: MFN 2.5% + s232 25% from 2025-04-03 (363 of 365 days)
    const n = schedule([mfn, s232, onQualifying], caNonQualifying, FY2025);
    expect(rateOf(n, "s232-usmca")).toBe(0);
    expect(totalOf(n)).toBeCloseTo(0.025 + (0.25 * 363) / 365, 12);
  });

  it("respects importer, category, named origins and exceptOrigins", () => {
    const euOnly = dated("eu", 0.1, { origins: ["DE", "IT"] });
    const allButUk = dated("not-uk", 0.05, { exceptOrigins: ["GB"] });
    const trucks = dated("trucks", 0.25, { categories: ["light-truck"] });
    const intoJapan = dated("jp-import", 0.1, { importer: "JP" });
    const ms = [euOnly, allButUk, trucks, intoJapan];
    // DE: named by "eu" (0.10) and covered by "*" in "not-uk" (0.05) = 0.15; GB excepted; JP only "not-uk"
    expect(totalOf(schedule(ms, { ...jpCar, origin: "DE" }, FY2025))).toBeCloseTo(0.15, 12);
    expect(totalOf(schedule(ms, { ...jpCar, origin: "GB" }, FY2025))).toBe(0);
    expect(totalOf(schedule(ms, jpCar, FY2025))).toBeCloseTo(0.05, 12);
    // light trucks: only the truck measure (the others cover passenger cars)
    expect(totalOf(schedule(ms, { ...jpCar, category: "light-truck" }, FY2025))).toBeCloseTo(0.25, 12);
  });

  it("offsets are scheduled separately from duties", () => {
    const offset = dated("offset", 0.0375, { kind: "offset", basis: "msrp", from: "2025-04-03", offsets: ["s232"] });
    expect(rateOf(schedule([mfn, offset], jpCar, FY2025), "offset")).toBe(0);
    const o = schedule([mfn, offset], jpCar, FY2025, undefined, "offsets");
    // 0.0375 × 363/365
    expect(totalOf(o)).toBeCloseTo((0.0375 * 363) / 365, 12);
    expect(rateOf(o, "mfn-car")).toBe(0);
  });
});
