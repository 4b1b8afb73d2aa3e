import { describe, expect, it } from "vitest";
import { buildModel, evaluateCompanies } from "../../src/index.js";
import { counterfactualKey, counterfactualOf, dealValue } from "../../src/valuation/deal-value.js";
import { contract } from "./helpers.js";

// The contract example: one open deal `cm` (the host builds the client's pickup at a transfer price).
const s = contract(undefined);

describe("a counterfactual shared by the runs of a draw", () => {
  it("is keyed by the prices it reads: not the replaced deal's own, every other", () => {
    expect(counterfactualKey(s, "cm", { cm: 24_000 })).toBe(counterfactualKey(s, "cm", { cm: 26_000 }));
    expect(counterfactualKey(s, "cm", { cm: 24_000, other: 1 })).not.toBe(counterfactualKey(s, "cm", { cm: 24_000, other: 2 }));
    expect(counterfactualKey(s, "cm", { cm: 24_000, other: 1 })).toBe("cm|other=1");
  });

  it("is the same evaluation whatever the replaced deal's price, so the value with it given equals the value computed", () => {
    const offAt = (p: number) => evaluateCompanies(buildModel(s, { prices: { cm: p }, counterfactual: counterfactualOf(s, "cm") }));
    expect(offAt(24_000).companies).toEqual(offAt(26_000).companies);
    const prices = { cm: 25_000 };
    const on = evaluateCompanies(buildModel(s, { prices }));
    const given = dealValue(s, prices, on, "cm", { off: offAt(21_000) });
    expect(given).toEqual(dealValue(s, prices, on, "cm"));
    // H(p) = 10,000 (p − 20,000) − R rises by 10,000 a unit of price: a gain, not a zero (the shared evaluation is not the deal's own).
    expect(given.npv.host).not.toBe(0);
  });
});
