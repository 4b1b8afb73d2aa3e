import { describe, expect, it } from "vitest";
import { exportModel, INF, ModelBuilder, solve } from "../src/index.js";

describe("the columnar model builder", () => {
  it("writes the matrix in compressed sparse columns, summing repeated entries", () => {
    const b = new ModelBuilder();
    const x = b.addColumns("x", 3, (i) => `x(${i})`);
    const r = b.addRows("r", 2, (i) => `r(${i})`, -INF, 10);
    // [[1, 0, 2], [3, 4, 0]] with the (0, 0) entry given as 0.5 + 0.5
    b.coef(r, x, 0.5);
    b.coef(r + 1, x, 3);
    b.coef(r, x, 0.5);
    b.coef(r + 1, x + 1, 4);
    b.coef(r, x + 2, 2);
    b.coef(r + 1, x + 2, 0); // a zero is no entry
    const m = b.csc();
    expect([...m.starts]).toEqual([0, 2, 3, 4]);
    expect([...m.indices]).toEqual([0, 1, 1, 0]);
    expect([...m.values]).toEqual([1, 3, 4, 2]);
  });

  it("labels columns and rows by block, computed on demand", () => {
    const b = new ModelBuilder();
    b.addColumns("flow", 2, (i) => `flow(${["canton", "smyrna"][i]})`);
    b.addColumns("open", 1, () => "open(canton)");
    b.addRows("capacity", 1, () => "capacity(canton,FY2027)");
    expect(b.colLabel(1)).toBe("flow(smyrna)");
    expect(b.colLabel(2)).toBe("open(canton)");
    expect(b.rowLabel(0)).toBe("capacity(canton,FY2027)");
    expect(b.colBlock(2)?.name).toBe("open");
  });

  it("refuses a non-finite coefficient with the labels of its row and column", () => {
    const b = new ModelBuilder();
    b.addColumns("flow", 1, () => "flow(x)");
    b.addRows("demand", 1, () => "demand(y)");
    expect(() => b.coef(0, 0, Number.NaN)).toThrow(/demand\(y\) × flow\(x\)/);
  });

  it("hands HiGHS the arrays and reads back a solution (max 3x + 2y, x + y ≤ 4, x ≤ 3: x = 3, y = 1, 11)", async () => {
    const b = new ModelBuilder();
    const x = b.addColumns("x", 2, (i) => `v${i}`, 0, INF);
    b.setCost(x, 3);
    b.setCost(x + 1, 2);
    b.setColBounds(x, 0, 3);
    const r = b.addRows("r", 1, () => "sum", -INF, 4);
    b.coef(r, x, 1);
    b.coef(r, x + 1, 1);
    const s = await solve(b);
    expect(s.status).toBe("optimal");
    expect(s.objective).toBeCloseTo(11, 9);
    expect([...s.colValue]).toEqual([3, 1]);
    expect(s.rowDual[0]).toBeCloseTo(2, 9); // one more unit of the row earns y's 2
  });

  it("reports a HiGHS error as a status, never a throw", async () => {
    const b = new ModelBuilder();
    b.addColumns("x", 1, () => "x", 5, 1); // lower bound above upper bound
    const s = await solve(b);
    expect(s.status).not.toBe("optimal");
  });
});

describe("LP export of a model with nothing to earn", () => {
  it("writes the empty objective as `0 <first column>`, which GLPK reads (it refuses `obj:` alone)", async () => {
    const b = new ModelBuilder();
    b.addColumns("x", 2, (i) => `x${i}`, 0, 10);
    const r = b.addRows("cap", 1, () => "cap", -INF, 5);
    b.coef(r, 0, 1);
    b.coef(r, 1, 1);
    const lp = await exportModel(b, "lp");
    expect(lp).toMatch(/^ obj: 0 x0$/m);
    expect(lp).toMatch(/^ cap: \+1 x0 \+1 x1 <= \+5$/m);
  });
});
