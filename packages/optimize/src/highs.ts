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
    return highs.withModel(toModelData(highs, builder, options.sense ?? "max", false), (model) => {
      model.options.set(solverOptions(options));
      model.run();
      const code = model.getModelStatus();
      const mip = builder.integer.view().some((x) => x !== 0);
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

/** The model as LP or MPS text, with domain labels as names (for other solvers and for review). */
export async function exportModel(builder: ModelBuilder, format: "lp" | "mps", sense: "max" | "min" = "max"): Promise<string> {
  const highs = await loadHighs();
  try {
    return highs.withModel(toModelData(highs, builder, sense, true), (model) => {
      const out = format === "lp" ? model.exportModel("lp") : model.exportModel("mps");
      return typeof out === "string" ? out : utf8(out);
    });
  } catch (e) {
    throw new Error(`HiGHS could not export the model as ${format.toUpperCase()}: ${shortMessage(e)}`);
  }
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

function solverOptions(o: SolveOptions): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = { output_flag: false };
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
