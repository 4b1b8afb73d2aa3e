import { describe, expect, it } from "vitest";
import { market, measure, num, one, plant, program, run, scenario, total } from "./fixtures.js";

// A US-built car sold in the US: MSRP 34 000, parts value 16 000 (20 000 × 0.8), 1 000 units.
// Offset 3.75% of MSRP = 1 275 per unit, credited against the s232 parts duty.
const s232Parts = measure("s232-parts", 0.25, { categories: ["parts"], usmca: "non-qualifying" });
const mfnParts = measure("mfn-parts", 0.025, { categories: ["parts"], kind: "mfn" });
const offset = measure("us-offset", 0.0375, { kind: "offset", basis: "msrp", origins: ["US"], offsets: ["s232-parts"] });
const usCar = (jpShare: number, extra: Parameters<typeof program>[3] = {}) =>
  program(
    "car",
    "maker",
    { ohio: 1 },
    { content: { US: 1 - jpShare, JP: jpShare }, markets: { us: { price: 30_000, msrp: 34_000, demand: 1_000 } }, ...extra },
  );

describe("US-assembly offset", () => {
  it("non-binding cap: credit 3.75% × MSRP × units when the parts duties are larger", () => {
    // parts duty 1 000 × 0.25 × 16 000 × 0.5 = 2 000 000; credit 1 000 × 0.0375 × 34 000 = 1 275 000 < cap
    const r = run(scenario({ programs: [usCar(0.5)], tariffs: [s232Parts, offset] }));
    expect(num(r.flows, {}, "partsDuty")).toBeCloseTo(2_000_000, 3);
    expect(num(r.flows, {}, "offset")).toBeCloseTo(1_275_000, 3);
    expect(num(r.companies, { company: "maker" }, "offset")).toBeCloseTo(1_275_000, 3);
    // the duty line of an offset is negative
    expect(num(r.duties, { kind: "offset" }, "amount")).toBeCloseTo(-1_275_000, 3);
  });

  it("binding cap: the credit is cut to the parts duties it offsets", () => {
    // parts duty 1 000 × 0.25 × 16 000 × 0.3 = 1 200 000 < credit 1 275 000 → offset = 1 200 000
    const r = run(scenario({ programs: [usCar(0.3)], tariffs: [s232Parts, offset] }));
    expect(num(r.flows, {}, "offset")).toBeCloseTo(1_200_000, 3);
    expect(num(r.duties, { kind: "offset" }, "amount")).toBeCloseTo(-1_200_000, 3);
    // net duty burden of the builder: 1 200 000 − 1 200 000 = 0 (not a subsidy)
    const c = { company: "maker" };
    expect(num(r.companies, c, "partsDuty") - num(r.companies, c, "offset")).toBeCloseTo(0, 3);
  });

  it("the cap counts only the measures the offset names", () => {
    // s232 parts 1 200 000 + MFN parts 1 000 × 0.025 × 16 000 × 0.3 = 120 000; cap is 1 200 000, not 1 320 000
    const r = run(scenario({ programs: [usCar(0.3)], tariffs: [s232Parts, mfnParts, offset] }));
    expect(num(r.flows, {}, "partsDuty")).toBeCloseTo(1_320_000, 3);
    expect(num(r.flows, {}, "offset")).toBeCloseTo(1_200_000, 3);
  });

  it("with offsetCap: none, the full credit is given", () => {
    const r = run(scenario({ parameters: { offsetCap: "none" }, programs: [usCar(0.3)], tariffs: [s232Parts, offset] }));
    expect(num(r.flows, {}, "offset")).toBeCloseTo(1_275_000, 3);
  });

  it("uses the price when no MSRP is given", () => {
    // 1 000 × 0.0375 × 30 000 = 1 125 000 < parts duty 2 000 000
    const r = run(scenario({ programs: [usCar(0.5, { markets: { us: { price: 30_000, demand: 1_000 } } })], tariffs: [s232Parts, offset] }));
    expect(num(r.flows, {}, "offset")).toBeCloseTo(1_125_000, 3);
  });

  it("is day-weighted by its dates", () => {
    // offset from 2025-04-03: 363 of 365 days → 1 275 000 × 363/365 = 1 268 013.70
    const dated = { ...offset, from: "2025-04-03" };
    const r = run(scenario({ programs: [usCar(0.5)], tariffs: [s232Parts, dated] }));
    expect(num(r.flows, {}, "offset")).toBeCloseTo((1_275_000 * 363) / 365, 3);
  });

  it("is credited only for vehicles assembled in the country where they are sold", () => {
    // same car exported to Canada: parts duty still paid, no credit
    const r = run(
      scenario({
        markets: [market("us", "US"), market("ca", "CA")],
        programs: [usCar(0.5, { markets: { ca: { price: 30_000, msrp: 34_000, demand: 1_000 } } })],
        tariffs: [s232Parts, offset],
      }),
    );
    expect(num(r.flows, { market: "ca" }, "partsDuty")).toBeCloseTo(2_000_000, 3);
    expect(num(r.flows, { market: "ca" }, "offset")).toBe(0);
  });

  it("the cap pools the builder's parts duties over its vehicles in the period, scaling every credit alike", () => {
    // car A (JP 0.05): parts 1 000 × 0.25 × 16 000 × 0.05 = 200 000, credit 1 275 000
    // car B (JP 0.2):  parts 1 000 × 0.25 × 16 000 × 0.2 = 800 000, credit 1 275 000
    // pool: duties 1 000 000 < credits 2 550 000 → factor 1 000 000 / 2 550 000; each offset = 500 000
    const r = run(
      scenario({
        programs: [
          { ...usCar(0.05), id: "car-a" },
          { ...usCar(0.2), id: "car-b" },
        ],
        tariffs: [s232Parts, offset],
      }),
    );
    expect(num(r.flows, { program: "car-a" }, "offset")).toBeCloseTo(500_000, 3);
    expect(num(r.flows, { program: "car-b" }, "offset")).toBeCloseTo(500_000, 3);
    expect(total(r.flows, "offset")).toBeCloseTo(1_000_000, 3);
  });

  it("the offset goes to the builder, not the seller", () => {
    const r = run(
      scenario({
        companies: [
          { id: "host", name: "host", reportingCurrency: "USD" },
          { id: "client", name: "client", reportingCurrency: "USD" },
        ],
        plants: [plant("ohio", "host", "US")],
        programs: [{ ...usCar(0.5), seller: "client" }],
        tariffs: [s232Parts, offset],
      }),
    );
    expect(num(r.companies, { company: "host" }, "offset")).toBeCloseTo(1_275_000, 3);
    expect(num(r.companies, { company: "client" }, "offset")).toBe(0);
    expect(one(r.duties, { kind: "offset" }).payer).toBe("host");
  });

  it("an offset is capped at the duties of the measures it names even when another offset names other measures", () => {
    // A second offset (light trucks only, which this maker does not sell) names mfn-parts.
    // The car offset names s232-parts only: cap = s232 parts 1 000 × 0.25 × 16 000 × 0.05 = 200 000,
    // and the MFN parts duty 1 000 × 0.025 × 16 000 × 0.05 = 20 000 must not raise it.
    const truckOffset = measure("truck-offset", 0.0375, {
      kind: "offset",
      basis: "msrp",
      origins: ["US"],
      categories: ["light-truck"],
      offsets: ["mfn-parts"],
    });
    const r = run(scenario({ programs: [usCar(0.05)], tariffs: [s232Parts, mfnParts, offset, truckOffset] }));
    expect(num(r.flows, {}, "partsDuty")).toBeCloseTo(220_000, 3);
    expect(num(r.flows, {}, "offset")).toBeCloseTo(200_000, 3);
  });
});
