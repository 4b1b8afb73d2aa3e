import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { Demand } from "../src/schema/program.js";
import { quantity } from "../src/schema/quantity.js";

/**
 * The parse shortcuts (schema/fast-path.ts) must give what the schema as
 * written gives. A copy of a schema (`clone()`) has no shortcut, so each
 * input is parsed by both and the outcomes compared: success, value and
 * every issue.
 */
const outcome = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? { value: r.data } : { issues: r.error.issues };
};

const agree = (schema: z.ZodType, input: unknown) => {
  const plain = schema.clone();
  expect(plain._zod.parse).not.toBe(schema._zod.parse);
  expect(outcome(schema, input)).toEqual(outcome(plain, input));
};

const numberish = fc.oneof(
  fc.double(),
  fc.double({ min: -2, max: 2 }),
  fc.integer({ min: -10, max: 6_000_000 }),
  fc.constantFrom(0, -0, 0.5, 1, 2.5, 5_000_000, 5_000_001, Number.NaN, Number.POSITIVE_INFINITY, 1e-320),
  fc.constantFrom("12", "1,200", "45 thousand", "57%", "abc", ""),
  fc.record(
    { value: fc.oneof(fc.double(), fc.constantFrom("3 million", "x")), unit: fc.constantFrom("thousand", "units", "%", "USD") },
    { requiredKeys: ["value"] },
  ),
);
const anything = fc.oneof(numberish, fc.constant(null), fc.constant(undefined), fc.array(fc.integer(), { maxLength: 3 }), fc.boolean());

describe("parse shortcuts give what the schema as written gives", () => {
  const specs = [
    quantity({ unit: "units", description: "units", min: 0, absurd: 5_000_000 }),
    quantity({ unit: "fraction", description: "a share", min: 0, max: 1 }),
    quantity({ unit: "units", description: "whole", min: 1, integer: true }),
    quantity({ unit: "money/unit", description: "price" }),
  ];

  it("bare numbers, strings and cited values in every kind of quantity", () => {
    fc.assert(
      fc.property(fc.constantFrom(...specs), anything, (schema, input) => {
        agree(schema, input);
      }),
      { numRuns: 2000 },
    );
  });

  it("demand as one quantity or by period, including objects that are both or neither", () => {
    const byPeriod = fc.dictionary(fc.constantFrom("FY2024", "FY2025", "value", "unit", "__proto__", "toString"), anything, { maxKeys: 4 });
    fc.assert(
      fc.property(fc.oneof(anything, byPeriod), (input) => {
        agree(Demand, input);
      }),
      { numRuns: 3000 },
    );
  });

  it("a demand by period is read by period; { value } is one cited quantity, as before", () => {
    expect(Demand.parse({ FY2025: 1200, FY2026: "1.5 thousand" })).toEqual({ FY2025: 1200, FY2026: 1500 });
    expect(Demand.parse({ value: 2, unit: "thousand" })).toBe(2000);
    expect(Demand.safeParse({ FY2025: -1 }).error?.issues[0]?.code).toBe("invalid_union");
  });
});
