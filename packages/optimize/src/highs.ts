import type { Highs } from "highs";
import * as highsModule from "highs";
import { now, utf8 } from "./platform.js";
import type { ModelBuilder } from "./problem/builder.js";

/**
 * The HiGHS adapter: hands the builder's arrays to HiGHS' persistent API (no
 * LP text), runs it, and copies the solution out. Every HiGHS error is caught
 * and turned into a short message (an uncaught one prints a 168 KB line), and
 * every native model is disposed (the garbage collector does not free
 * WebAssembly memory).
 */

let loading: Promise<Highs> | undefined;

/** The HiGHS module, loaded once per process (the WebAssembly compiles on first use). */
export function loadHighs(): Promise<Highs> {
  if (!loading) {
    // The package's types describe its CommonJS build; the ESM build Node and bundlers load has a real default export.
    type Loader = () => Promise<Highs>;
    const mod = highsModule as unknown as { default: Loader | { default: Loader } };
    const loader = typeof mod.default === "function" ? mod.default : mod.default.default;
    loading = loader();
  }
  return loading as Promise<Highs>;
}

export interface SolveOptions {
  /** Seconds; HiGHS `time_limit`. */
  timeLimit?: number;
  /** Relative MIP gap; HiGHS `mip_rel_gap`. */
  gap?: number;
  sense?: "max" | "min";
  /**
   * HiGHS presolve; default on for an LP and off for a MIP. HiGHS 1.15.3's
   * MIP presolve can return a worse answer as proved optimal: on a
   * 38-column footprint model it reports 11,261 where CBC, GLPK and HiGHS
   * without presolve find 12,473.8 (presolve.test.ts; upstream reports of the
   * class: ERGO-Code/HiGHS#3094, #3073, #3043). Off costs about 3× on the
   * default footprint (2.4 s → 7.7 s), the price of an optimum that is one.
   */
  presolve?: boolean;
}

export type SolveStatus = "optimal" | "infeasible" | "unbounded" | "time-limit" | "error";

export interface SolveResult {
  status: SolveStatus;
  /** HiGHS' own model status text, for messages. */
  detail: string;
  objective: number;
  colValue: Float64Array;
  /** Row duals (shadow prices); empty for a MIP. */
  rowDual: Float64Array;
  rowValue: Float64Array;
  /** Whether the model had integer columns (then there are no duals). */
  mip: boolean;
  /** For a MIP: the best bound HiGHS proved (no answer can beat it) and the relative gap between it and `objective`. */
  bound?: number;
  gap?: number;
  /** Milliseconds inside HiGHS (passing the model and running it). */
  solveMs: number;
}

const STATUS: Record<number, SolveStatus> = { 6: "optimal", 7: "optimal", 8: "infeasible", 9: "infeasible", 10: "unbounded", 13: "time-limit" };
const DETAIL: Record<number, string> = {
  6: "optimal (nothing to decide)",
  7: "optimal",
  8: "infeasible",
  9: "unbounded or infeasible",
  10: "unbounded",
  13: "time limit reached",
  14: "iteration limit reached",
};

/** Solves the model; never throws a HiGHS error (the status says what happened). */
export async function solve(builder: ModelBuilder, options: SolveOptions = {}): Promise<SolveResult> {
  const highs = await loadHighs();
  const started = now();
  if (builder.numCols === 0) return empty(builder, now() - started);
  try {
    const mip = builder.integer.view().some((x) => x !== 0);
    return highs.withModel(toModelData(highs, builder, options.sense ?? "max", false), (model) => {
      model.options.set(solverOptions({ ...options, presolve: options.presolve ?? !mip }));
      model.run();
      const code = model.getModelStatus();
      const solution = model.getSolution();
      const status = STATUS[code] ?? "error";
      // A MIP stopped by the time limit with an incumbent is still a usable answer.
      const usable = status === "optimal" || (status === "time-limit" && Number.isFinite(model.getObjectiveValue()));
      return {
        status,
        detail: DETAIL[code] ?? `HiGHS status ${code}`,
        objective: usable ? model.getObjectiveValue() : Number.NaN,
        colValue: solution.colValue,
        rowDual: mip ? new Float64Array(0) : solution.rowDual,
        rowValue: solution.rowValue,
        mip,
        ...(mip && usable ? mipBound(model) : {}),
        solveMs: now() - started,
      };
    });
  } catch (e) {
    return failed(e, now() - started);
  }
}

/**
 * The model as LP or MPS text, with domain labels as names, in the dialect
 * CBC, GLPK and HiGHS all read to the same optimum: the objective's constant
 * is a column fixed at 1 (`objective_constant`), rows without coefficients
 * are left out (validation has already refused an empty row that could not
 * hold), and an MPS file minimises the negated objective, because readers
 * disagree on OBJSENSE (CBC ignores it, GLPK refuses it): its optimum is
 * minus the profit. An LP file states `max` itself.
 */
export async function exportModel(builder: ModelBuilder, format: "lp" | "mps", sense: "max" | "min" = "max"): Promise<string> {
  const highs = await loadHighs();
  const flip = format === "mps" && sense === "max";
  try {
    const data = portable(toModelData(highs, builder, flip ? "min" : sense, true), flip, highs.constants.objectiveSense.minimize);
    return highs.withModel(data, (model) => {
      const out = format === "lp" ? model.exportModel("lp") : model.exportModel("mps");
      const text = typeof out === "string" ? out : utf8(out);
      if (format === "lp") return portableLp(text);
      return flip ? `* tieup: this model minimises -(profit); its optimum is minus the profit tieup reports\n${text}` : text;
    });
  } catch (e) {
    throw new Error(`HiGHS could not export the model as ${format.toUpperCase()}: ${shortMessage(e)}`);
  }
}

/**
 * HiGHS' LP text with the integer sections named as every reader knows them:
 * CBC takes `bin` for a variable name (and solves the relaxation), so the
 * sections are `binaries` and `generals`; empty sections are left out (GLPK
 * refuses an empty `semi`).
 */
function portableLp(text: string): string {
  const lines = withObjective(text.split("\n"));
  const sections = new Map([
    ["bin", "binaries"],
    ["gen", "generals"],
    ["semi", "semi-continuous"],
  ]);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const name = sections.get(line.trim());
    if (name === undefined) {
      out.push(line);
      continue;
    }
    const next = (lines[i + 1] ?? "").trim();
    // A section with no variable under it: the next line is another section or the end.
    if (next === "" || next === "end" || sections.has(next)) continue;
    out.push(name);
  }
  return out.join("\n");
}

/** An objective with no term (`obj:` alone, as HiGHS writes it) given `0 <first column>`: GLPK refuses an empty one. */
function withObjective(lines: string[]): string[] {
  const at = lines.findIndex((l) => l.trim() === "obj:");
  if (at < 0) return lines;
  const column = lines.map((l) => /^\s*\S+:.*?[+-][\d.e+-]+\s+(\S+)/.exec(l)?.[1]).find((c, i) => i > at && c !== undefined);
  if (column === undefined) return lines;
  return lines.map((l, i) => (i === at ? ` obj: 0 ${column}` : l));
}

type ModelData = ReturnType<typeof toModelData>;

/** The model data other solvers read alike: constant as a fixed column, empty rows dropped, costs negated when `flip`. */
function portable(d: ModelData, flip: boolean, minimize: ModelData["sense"]): ModelData {
  const { starts, indices, values } = d.matrix;
  const used = new Uint8Array(d.numRows);
  for (const r of indices) used[r] = 1;
  const keep: number[] = [];
  for (let r = 0; r < d.numRows; r++) if (used[r]) keep.push(r);
  const newRow = new Int32Array(d.numRows).fill(-1);
  keep.forEach((r, i) => {
    newRow[r] = i;
  });
  const withConstant = d.offset !== 0;
  const numCols = d.numCols + (withConstant ? 1 : 0);
  const sign = flip ? -1 : 1;
  const cost = new Float64Array(numCols);
  for (let j = 0; j < d.numCols; j++) cost[j] = sign * (d.colCost[j] as number);
  if (withConstant) cost[d.numCols] = sign * d.offset;
  const grow = (a: ArrayLike<number>, extra: number) => Float64Array.from({ length: numCols }, (_, j) => (j < d.numCols ? (a[j] as number) : extra));
  const colStarts = Int32Array.from({ length: numCols + 1 }, (_, j) => starts[Math.min(j, d.numCols)] as number);
  const remapped = Int32Array.from(indices, (r) => newRow[r] as number);
  return {
    ...d,
    numCols,
    numRows: keep.length,
    sense: flip ? minimize : d.sense,
    offset: 0,
    colCost: cost,
    colLower: grow(d.colLower, 1),
    colUpper: grow(d.colUpper, 1),
    rowLower: Float64Array.from(keep, (r) => d.rowLower[r] as number),
    rowUpper: Float64Array.from(keep, (r) => d.rowUpper[r] as number),
    matrix: { format: "csc" as const, numRows: keep.length, numCols, starts: colStarts, indices: remapped, values },
    ...(d.integrality ? { integrality: Int32Array.from({ length: numCols }, (_, j) => (j < d.numCols ? (d.integrality?.[j] as number) : 0)) } : {}),
    ...(d.colNames ? { colNames: withConstant ? [...d.colNames, "objective_constant"] : d.colNames } : {}),
    ...(d.rowNames ? { rowNames: keep.map((r) => d.rowNames?.[r] as string) } : {}),
  } as ModelData;
}

/** The MIP's proved bound and relative gap, as HiGHS reports them (absent when it reports none). */
function mipBound(model: { info: { get(name: string): number | bigint } }): { bound?: number; gap?: number } {
  try {
    const bound = Number(model.info.get("mip_dual_bound"));
    const gap = Number(model.info.get("mip_gap"));
    return { ...(Number.isFinite(bound) ? { bound } : {}), ...(Number.isFinite(gap) ? { gap } : {}) };
  } catch {
    return {};
  }
}

function solverOptions(o: SolveOptions): Record<string, number | boolean | string> {
  const out: Record<string, number | boolean | string> = { output_flag: false };
  if (o.presolve !== undefined) out.presolve = o.presolve ? "on" : "off";
  if (o.timeLimit !== undefined) out.time_limit = o.timeLimit;
  if (o.gap !== undefined) out.mip_rel_gap = o.gap;
  return out;
}

function toModelData(highs: Highs, b: ModelBuilder, sense: "max" | "min", names: boolean) {
  const matrix = b.csc();
  const integer = b.integer.view();
  const mip = integer.some((x) => x !== 0);
  return {
    numCols: b.numCols,
    numRows: b.numRows,
    sense: sense === "max" ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    offset: b.offset,
    colCost: b.colCost.view(),
    colLower: b.colLower.view(),
    colUpper: b.colUpper.view(),
    rowLower: b.rowLower.view(),
    rowUpper: b.rowUpper.view(),
    matrix: { format: "csc" as const, numRows: b.numRows, numCols: b.numCols, ...matrix },
    ...(mip ? { integrality: integer } : {}),
    ...(names ? solverNames(b) : {}),
  };
}

/**
 * Labels made acceptable to the LP and MPS writers: only letters, digits and
 * `_ . ( ) ,` (HiGHS replaces a whole name list with c0, c1 … if one is
 * invalid), and unique.
 */
export function solverNames(b: ModelBuilder): { colNames: string[]; rowNames: string[] } {
  const clean = (s: string) => s.replace(/[^A-Za-z0-9_.(),]/g, "_");
  const unique = (list: string[]) => {
    const seen = new Map<string, number>();
    return list.map((s) => {
      const k = seen.get(s) ?? 0;
      seen.set(s, k + 1);
      return k === 0 ? s : `${s}_${k}`;
    });
  };
  return {
    colNames: unique(Array.from({ length: b.numCols }, (_, j) => clean(b.colLabel(j)))),
    rowNames: unique(Array.from({ length: b.numRows }, (_, i) => clean(b.rowLabel(i)))),
  };
}

/** A model with nothing to decide (a company with no lane): its objective is its constant. */
function empty(b: ModelBuilder, solveMs: number): SolveResult {
  const none = new Float64Array(0);
  const feasible = b.rowLower.view().every((lo) => lo <= 0) && b.rowUpper.view().every((up) => up >= 0);
  return {
    status: feasible ? "optimal" : "infeasible",
    detail: feasible ? "optimal (nothing to decide)" : "infeasible",
    objective: feasible ? b.offset : Number.NaN,
    colValue: none,
    rowDual: new Float64Array(b.numRows),
    rowValue: new Float64Array(b.numRows),
    mip: false,
    solveMs,
  };
}

function failed(e: unknown, solveMs: number): SolveResult {
  const empty = new Float64Array(0);
  return { status: "error", detail: shortMessage(e), objective: Number.NaN, colValue: empty, rowDual: empty, rowValue: empty, mip: false, solveMs };
}

/** First line of an error, at most 200 characters (HiGHS errors can embed the whole minified module). */
export function shortMessage(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return (text.split("\n")[0] ?? "").slice(0, 200);
}
