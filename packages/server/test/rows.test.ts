import { describe, expect, it } from "vitest";
import { decodeRows, encodeRows } from "../src/jobs/redis.js";

describe("a sweep chunk's rows on the queue", () => {
  it("come back bit for bit, including what JSON would lose (NaN, ±Infinity, -0, subnormals)", () => {
    const rows = new Float64Array([0.1 + 0.2, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 5e-324, -1.7976931348623157e308]);
    const back = decodeRows(encodeRows(rows));
    expect(back.length).toBe(rows.length);
    for (const [i, x] of rows.entries()) expect(Object.is(back[i], x), `row ${i}`).toBe(true);
    // 0.30000000000000004, not 0.3: the exact double, not a rounded decimal.
    expect(back[0]).toBe(0.30000000000000004);
  });

  it("encode a view into a larger buffer as the view only", () => {
    const whole = new Float64Array([1, 2, 3, 4]);
    expect([...decodeRows(encodeRows(whole.subarray(1, 3)))]).toEqual([2, 3]);
  });
});
