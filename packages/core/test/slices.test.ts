import { describe, expect, it } from "vitest";
import type { FlowColumns, FlowKeys } from "../src/evaluate/flows.js";
import { Codes, DutyLines, OFFSET, PARTS, VEHICLE } from "../src/evaluate/lines.js";
import { SliceArena } from "../src/evaluate/slices.js";

const NAMES = ["units", "price", "revenue", "variableCost", "logistics", "vehicleDuty", "partsDuty", "offset", "transfer"] as const;

function columns(n: number): { flows: FlowColumns; keys: FlowKeys; duties: DutyLines } {
  const flows = Object.fromEntries(NAMES.map((k) => [k, new Array<number>(n).fill(Number.NaN)])) as unknown as FlowColumns;
  const codes = () => new Int32Array(n);
  const keys: FlowKeys = {
    period: codes(),
    program: codes(),
    seller: codes(),
    builder: codes(),
    plant: codes(),
    market: codes(),
    companies: new Codes(),
    plants: new Codes(),
    markets: new Codes(),
  };
  return { flows, keys, duties: new DutyLines(["m0", "m1"], keys.companies, 4) };
}

/** Two flows of program 3 in period 1, with three duty lines (a vehicle duty, parts, an offset of −0). */
function written() {
  const at = columns(3);
  // A flow before the slice, so the slice's lines are kept relative to its own first flow.
  at.flows.units[0] = 99;
  at.duties.push(0, 0, VEHICLE, 0, 1);
  const numbers = [
    [10, 30_000, 300_000, 200_000, 5_000, 7_500, 1_234.5, -0, 0],
    [2.5, 31_000, 77_500, 50_000, 1_250, 0, 0.1 + 0.2, -12.75, 28_000],
  ];
  numbers.forEach((row, j) => {
    NAMES.forEach((k, c) => {
      at.flows[k][1 + j] = row[c] as number;
    });
    at.keys.seller[1 + j] = 1;
    at.keys.builder[1 + j] = 2 + j;
    at.keys.plant[1 + j] = 4;
    at.keys.market[1 + j] = 5;
  });
  at.duties.push(1, 1, VEHICLE, 1, 7_500);
  at.duties.push(2, 0, PARTS, 3, 0.30000000000000004);
  at.duties.push(2, 1, OFFSET, 3, -0);
  return { ...at, numbers };
}

describe("kept flows (evaluate/slices.ts)", () => {
  it("copy back to the bit what was kept, at another flow position, with their duty lines moved with them", () => {
    const arena = new SliceArena();
    const w = written();
    const slice = arena.keep(w.flows, w.keys, w.duties, 1, 3, 1);
    if (!slice) throw new Error("not kept");
    const to = columns(7);
    to.duties.push(0, 0, VEHICLE, 0, 5);
    expect(arena.copy(slice, to.flows, to.keys, to.duties, 4, 1, 3)).toBe(2);
    w.numbers.forEach((row, j) => {
      NAMES.forEach((k, c) => {
        expect(Object.is(to.flows[k][4 + j], row[c])).toBe(true);
      });
      expect([
        to.keys.period[4 + j],
        to.keys.program[4 + j],
        to.keys.seller[4 + j],
        to.keys.builder[4 + j],
        to.keys.plant[4 + j],
        to.keys.market[4 + j],
      ]).toEqual([1, 3, 1, 2 + j, 4, 5]);
    });
    const lines = [...Array(to.duties.length).keys()].map((i) => [
      to.duties.flow[i],
      to.duties.measure[i],
      to.duties.kind[i],
      to.duties.payer[i],
      to.duties.amount[i],
    ]);
    expect(lines).toEqual([
      [0, 0, VEHICLE, 0, 5],
      [4, 1, VEHICLE, 1, 7_500],
      [5, 0, PARTS, 3, 0.30000000000000004],
      [5, 1, OFFSET, 3, -0],
    ]);
    expect(Object.is(to.duties.amount[3], -0)).toBe(true);
  });

  it("forget every slice when restarted, and keep none beyond their bound", () => {
    const arena = new SliceArena(3);
    const w = written();
    const a = arena.keep(w.flows, w.keys, w.duties, 1, 3, 1);
    expect(a && arena.holds(a)).toBe(true);
    // Two more flows would be four in an arena of three: not kept, computed again by the caller.
    expect(arena.keep(w.flows, w.keys, w.duties, 1, 3, 1)).toBeUndefined();
    arena.restart();
    expect(a && arena.holds(a)).toBe(false);
    const b = arena.keep(w.flows, w.keys, w.duties, 1, 3, 1);
    expect(b && arena.holds(b)).toBe(true);
  });
});
