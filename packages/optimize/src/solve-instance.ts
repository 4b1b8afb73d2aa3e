import { allocation, type DemandRule, type Formulation } from "./formulation/allocation.js";
import type { Discount } from "./formulation/discount.js";
import { elasticize, type Violation, violations } from "./formulation/elastic.js";
import { type FootprintOptions, footprint } from "./formulation/footprint.js";
import { type Objective, setObjective } from "./formulation/objective.js";
import { exportModel, type SolveStatus, solve } from "./highs.js";
import { now } from "./platform.js";
import { INF } from "./problem/builder.js";
import type { Instance, Scope } from "./problem/instance.js";

/**
 * The pipeline, in PyPSA's named stages: create the model, solve it, assign
 * the solution (flows, plants, duals) back to domain labels. An infeasible
 * model is re-solved in elastic mode to name what cannot be met together.
 */
export interface OptimizeOptions {
  objective: Objective;
  /** Footprint MILP (keep/close plants, add platforms); the fixed-footprint LP when absent. */
  footprint?: FootprintOptions;
  demand?: DemandRule;
  /** Weights of each company's money by period (its discount factors); none: a horizon sum. */
  discount?: Discount | undefined;
  timeLimit?: number;
  gap?: number;
  /** HiGHS presolve; default on for an LP, off for a MIP (see SolveOptions.presolve). */
  presolve?: boolean | undefined;
  /**
   * Units per instance lane to prefer among equally good answers (the
   * scenario's own sourcing): each such lane earns a tie-break of 0.01 per
   * unit, which is left out of every reported profit. Without it, plants
   * with identical economics swap volume arbitrarily.
   */
  prefer?: Float64Array;
}

/** Tie-break per unit on preferred lanes, base currency: far below any real margin, above HiGHS' tolerances. */
const TIE_BREAK = 0.01;

export interface FlowValue {
  /** Instance lane index. */
  lane: number;
  units: number;
}

export interface PlantValue {
  plant: string;
  owner: string;
  period: string;
  capacity: number;
  output: number;
  /** 1 kept, 0 closed; always 1 without a footprint. */
  open: number;
  /** Profit of one more unit of capacity in the period (base currency); null for a MIP or a plant without lanes. */
  shadowPrice: number | null;
}

export interface OptimumResult {
  status: SolveStatus;
  detail: string;
  /** Objective value, base currency (NaN when there is no solution); the best found, not proven optimal, when `status` is time-limit. */
  objective: number;
  /** For a MIP: the proved bound on the objective and the relative gap to it (0 at optimality). */
  bound?: number;
  gap?: number;
  flows: FlowValue[];
  plants: PlantValue[];
  profit: Map<string, number>;
  retooled: { plant: string; platform: string }[];
  violations: Violation[];
  size: { vars: number; rows: number; nnz: number; binaries: number };
  buildMs: number;
  solveMs: number;
}

/** Builds the formulation for a scope and objective (exported for golden LP files and --export). */
export function formulate(inst: Instance, scope: Scope, o: OptimizeOptions): Formulation {
  const f = allocation(inst, scope, o.demand ?? "ceiling", o.discount);
  if (o.footprint) footprint(f, o.footprint);
  setObjective(f, o.objective);
  if (o.prefer) {
    const prefer = o.prefer;
    f.lanes.forEach((l, i) => {
      if ((prefer[l] as number) > 0) f.builder.addCost(f.flowFirst + i, TIE_BREAK);
    });
  }
  return f;
}

/** The objective's value without the tie-break: the profits it counts. */
function objectiveValue(f: Formulation, o: OptimizeOptions, profit: Map<string, number>): number {
  const counted = o.objective.kind === "company" ? [o.objective.company] : f.scope.companies;
  return counted.reduce((s, c) => s + (profit.get(c) ?? 0), 0);
}

export async function optimizeInstance(inst: Instance, scope: Scope, o: OptimizeOptions): Promise<OptimumResult> {
  const started = now();
  const f = formulate(inst, scope, o);
  f.builder.csc(); // part of building: the solver adapter repeats it, but the benchmark times it here
  const buildMs = now() - started;
  const r = await solve(f.builder, { timeLimit: o.timeLimit, gap: o.gap, presolve: o.presolve });
  const out = assign(f, r.status === "optimal" || Number.isFinite(r.objective) ? r.colValue : undefined, r.rowDual);
  const objective = Number.isFinite(r.objective) ? objectiveValue(f, o, out.profit) : Number.NaN;
  const result: OptimumResult = {
    ...out,
    status: r.status,
    detail: r.detail,
    objective,
    ...(r.bound !== undefined ? { bound: r.bound + (objective - r.objective) } : {}),
    ...(r.gap !== undefined ? { gap: r.gap } : {}),
    violations: [],
    size: size(f),
    buildMs,
    solveMs: r.solveMs,
  };
  if (r.status === "infeasible") result.violations = await diagnose(inst, scope, o);
  return result;
}

/** Re-solves the same model in elastic mode and returns the violated rows. */
async function diagnose(inst: Instance, scope: Scope, o: OptimizeOptions): Promise<Violation[]> {
  const f = formulate(inst, scope, o);
  const cols = elasticize(f);
  const r = await solve(f.builder, { sense: "min", timeLimit: o.timeLimit, gap: o.gap, presolve: o.presolve });
  return r.status === "optimal" ? violations(f, cols, r.colValue, r.rowValue) : [];
}

/** LP or MPS text of the model a solve would use, with domain labels. */
export function exportFormulation(inst: Instance, scope: Scope, o: OptimizeOptions, format: "lp" | "mps"): Promise<string> {
  return exportModel(formulate(inst, scope, o).builder, format);
}

function size(f: Formulation): OptimumResult["size"] {
  const b = f.builder;
  return { vars: b.numCols, rows: b.numRows, nnz: b.csc().values.length, binaries: b.integer.view().reduce((s, x) => s + x, 0) };
}

/** Solution and duals written back in domain terms. */
function assign(f: Formulation, x: Float64Array | undefined, duals: Float64Array): Pick<OptimumResult, "flows" | "plants" | "profit" | "retooled"> {
  const { inst, builder: b } = f;
  const flows: FlowValue[] = [];
  const output = new Map<string, number>();
  const L = inst.lanes;
  if (x) {
    for (let i = 0; i < f.lanes.length; i++) {
      const units = x[f.flowFirst + i] as number;
      if (units <= 1e-6) continue;
      const lane = f.lanes[i] as number;
      flows.push({ lane, units });
      const key = `${L.plant[lane]}:${L.period[lane]}`;
      output.set(key, (output.get(key) ?? 0) + units);
    }
  }
  const open = b.block("open");
  const plants: PlantValue[] = [];
  f.plants.forEach((k, i) => {
    const p = inst.plants[k];
    if (!p) return;
    inst.periods.forEach((period, t) => {
      const row = f.capacityRow.get(`${k}:${t}`);
      const dual = row !== undefined && duals.length > 0 ? (duals[row] as number) : null;
      plants.push({
        plant: p.id,
        owner: p.owner,
        period,
        capacity: p.capacity[t] as number,
        output: output.get(`${p.id}:${t}`) ?? 0,
        open: open && x ? ((x[open.first + i * inst.periods.length + t] as number) > 0.5 ? 1 : 0) : 1,
        shadowPrice: dual === null ? null : Math.abs(dual) < 1e-9 ? 0 : dual,
      });
    });
  });
  const profit = new Map<string, number>();
  if (x) for (const [c, e] of f.profit.byKey) profit.set(c, e.valueAt(x));
  return { flows, plants, profit, retooled: retooled(f, x) };
}

function retooled(f: Formulation, x: Float64Array | undefined): { plant: string; platform: string }[] {
  const block = f.builder.block("retool");
  if (!block || !x) return [];
  const out: { plant: string; platform: string }[] = [];
  for (let j = 0; j < block.count; j++) {
    if ((x[block.first + j] as number) < 0.5) continue;
    const m = /^retool\((.*),(.*)\)$/.exec(block.label(j));
    if (m) out.push({ plant: m[1] as string, platform: m[2] as string });
  }
  return out;
}

/**
 * Values a given allocation (units per instance lane) with the optimiser's
 * own prices: the flows are fixed, demand and capacity rows are lifted (an
 * evaluation does not bind capacity), and the offset credits settle at their
 * cap. This is how the scenario's own sourcing is compared with an optimum.
 */
export async function valueAllocation(inst: Instance, scope: Scope, units: Float64Array, discount?: Discount): Promise<OptimumResult> {
  const f = allocation(inst, scope, "ceiling", discount);
  setObjective(f, { kind: "alliance" });
  const b = f.builder;
  for (const name of ["demand", "capacity"]) {
    const block = f.builder.rowBlocks.find((x) => x.name === name);
    if (block) for (let r = block.first; r < block.first + block.count; r++) b.setRowBounds(r, -INF, INF);
  }
  for (let i = 0; i < f.lanes.length; i++) {
    const u = units[f.lanes[i] as number] as number;
    b.setColBounds(f.flowFirst + i, u, u);
  }
  const r = await solve(b, {});
  const out = assign(f, r.status === "optimal" ? r.colValue : undefined, new Float64Array(0));
  return { ...out, status: r.status, detail: r.detail, objective: r.objective, violations: [], size: size(f), buildMs: 0, solveMs: r.solveMs };
}
