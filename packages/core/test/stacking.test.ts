import { describe, expect, it } from "vitest";
import { stack, TariffMeasure } from "../src/index.js";
import { type MeasureIn, measure } from "./fixtures.js";

const m = (id: string, rate: number, extra: Partial<MeasureIn> = {}) => TariffMeasure.parse(measure(id, rate, extra));
const totalOf = (charged: ReturnType<typeof stack>) => charged.reduce((s, c) => s + c.rate, 0);
const rateOf = (charged: ReturnType<typeof stack>, id: string) => charged.find((c) => c.measure.id === id)?.rate;

const mfnCar = m("mfn-car", 0.025, { kind: "mfn" });
const mfnTruck = m("mfn-truck", 0.25, { kind: "mfn", categories: ["light-truck"] });
const s232 = m("s232", 0.25, { categories: ["passenger-car", "light-truck"] });
const allIn = m("jp-all-in", 0.15, {
  kind: "all-in",
  origins: ["JP"],
  categories: ["passenger-car", "light-truck"],
  inclusiveOf: ["mfn-car", "mfn-truck", "s232"],
});

describe("stack: additive measures", () => {
  it("MFN 2.5% + Section 232 25% = 27.5%", () => {
    const charged = stack([mfnCar, s232]);
    // 0.025 + 0.25 = 0.275
    expect(totalOf(charged)).toBeCloseTo(0.275, 12);
    expect(rateOf(charged, "mfn-car")).toBeCloseTo(0.025, 12);
    expect(rateOf(charged, "s232")).toBeCloseTo(0.25, 12);
  });

  it("a single measure charges its own rate", () => {
    expect(totalOf(stack([mfnCar]))).toBeCloseTo(0.025, 12);
    expect(stack([])).toEqual([]);
  });
});

describe("stack: all-in measures", () => {
  it("all-in 15% inclusive of MFN 2.5% and s232 on a car: MFN 2.5% + top-up 12.5% = 15%", () => {
    const charged = stack([mfnCar, s232, allIn]);
    expect(rateOf(charged, "mfn-car")).toBeCloseTo(0.025, 12);
    // top-up = 0.15 − 0.025 = 0.125
    expect(rateOf(charged, "jp-all-in")).toBeCloseTo(0.125, 12);
    // s232 is folded into the all-in rate: not charged
    expect(rateOf(charged, "s232")).toBeUndefined();
    expect(totalOf(charged)).toBeCloseTo(0.15, 12);
  });

  it("all-in 15% on a light truck with MFN 25%: max(25%, 15%) = 25%, top-up 0, s232 not charged", () => {
    const charged = stack([mfnTruck, s232, allIn]);
    expect(rateOf(charged, "mfn-truck")).toBeCloseTo(0.25, 12);
    // top-up = max(0, 0.15 − 0.25) = 0
    expect(rateOf(charged, "jp-all-in") ?? 0).toBe(0);
    expect(rateOf(charged, "s232")).toBeUndefined();
    expect(totalOf(charged)).toBeCloseTo(0.25, 12);
  });

  it("all-in without MFN in force charges its full rate", () => {
    // only s232 and the all-in: s232 folded, all-in charges 0.15 − 0 = 0.15
    const charged = stack([s232, allIn]);
    expect(totalOf(charged)).toBeCloseTo(0.15, 12);
    expect(rateOf(charged, "s232")).toBeUndefined();
  });

  it("an additional measure the all-in does not name still adds on top", () => {
    const other = m("other-add", 0.1);
    // 0.025 MFN + 0.125 top-up + 0.10 unnamed additional = 0.25
    expect(totalOf(stack([mfnCar, s232, allIn, other]))).toBeCloseTo(0.25, 12);
  });
});

describe("stack: anti-stacking (supersedes)", () => {
  it("s232 25% supersedes an IEEPA 25%: only 25% is charged, not 50%", () => {
    const ieepa = m("ieepa", 0.25);
    const s232Over = m("s232", 0.25, { supersedes: ["ieepa"] });
    const charged = stack([ieepa, s232Over]);
    expect(rateOf(charged, "ieepa")).toBeUndefined();
    expect(rateOf(charged, "s232")).toBeCloseTo(0.25, 12);
    expect(totalOf(charged)).toBeCloseTo(0.25, 12);
  });

  it("superseding does not touch MFN: MFN 2.5% + s232 25% over IEEPA = 27.5%", () => {
    const ieepa = m("ieepa", 0.1);
    const s232Over = m("s232", 0.25, { supersedes: ["ieepa"] });
    // 0.025 + 0.25 (IEEPA 0.10 suppressed) = 0.275
    expect(totalOf(stack([mfnCar, ieepa, s232Over]))).toBeCloseTo(0.275, 12);
  });

  it("a superseding measure not in force suppresses nothing", () => {
    const ieepa = m("ieepa", 0.1);
    expect(totalOf(stack([mfnCar, ieepa]))).toBeCloseTo(0.125, 12);
  });
});
