import { INF } from "../problem/builder.js";
import type { Formulation } from "./allocation.js";

/**
 * Elastic mode (docs/optimizer.md, "Infeasibility"): each demand, capacity,
 * minimum-utilisation and fairness row gets a slack column that lets it be
 * violated, and the objective becomes the total violation, minimised. The
 * demand, capacity and minimum-utilisation rows are all in vehicles, so a
 * vehicle short on any of them weighs the same (capacity a hair more, so that
 * of two equal explanations the demand not met is named); the rows in money
 * (fairness) or in decisions (platforms) are weighted by 1 / their right-hand
 * side so that a unit and a dollar do not compete. The rows whose slack is
 * positive at the optimum are what cannot be met together.
 */
export const ELASTIC_ROWS = ["demand", "capacity", "minUtilisation", "fair", "platform"] as const;

/** Cost of a vehicle of slack on the rows counted in vehicles. */
const VEHICLE_WEIGHT: Readonly<Record<string, number>> = { demand: 1, minUtilisation: 1, capacity: 1.001 };

export interface Violation {
  /** Row label, e.g. `demand(pilot,us,FY2025)`. */
  row: string;
  family: string;
  /** By how much the row is violated, in its own unit: positive = short of a lower bound or over an upper bound. */
  amount: number;
  direction: "short" | "over";
  /** For a demand short: the capacity rows of the plants that could build it and are full (`capacity(ohio,FY2026)`). */
  related: string[];
}

export interface ElasticColumns {
  first: number;
  rows: number[];
  directions: ("short" | "over")[];
}

/** Turns the formulation into its elastic version (costs replaced); solve with sense "min". */
export function elasticize(f: Formulation): ElasticColumns {
  const { builder: b } = f;
  b.colCost.view().fill(0);
  b.offset = 0;
  const rows: number[] = [];
  const directions: ("short" | "over")[] = [];
  for (const block of b.rowBlocks) {
    if (!(ELASTIC_ROWS as readonly string[]).includes(block.name)) continue;
    for (let r = block.first; r < block.first + block.count; r++) {
      if (b.rowLower.data[r] !== -INF) {
        rows.push(r);
        directions.push("short");
      }
      if (b.rowUpper.data[r] !== INF) {
        rows.push(r);
        directions.push("over");
      }
    }
  }
  const first = b.addColumns("slack", rows.length, (j) => `slack(${b.rowLabel(rows[j] as number)},${directions[j]})`);
  rows.forEach((r, j) => {
    b.coef(r, first + j, directions[j] === "short" ? 1 : -1);
    const family = b.rowBlock(r)?.name ?? "";
    const scale = Math.max(1, Math.abs(directions[j] === "short" ? (b.rowLower.data[r] as number) : (b.rowUpper.data[r] as number)));
    b.setCost(first + j, VEHICLE_WEIGHT[family] ?? 1 / scale);
  });
  return { first, rows, directions };
}

/** The violated rows at an elastic solution (columns x, row activities `rows`), largest violation first. */
export function violations(f: Formulation, cols: ElasticColumns, x: ArrayLike<number>, rows: ArrayLike<number>): Violation[] {
  const { builder: b } = f;
  const out: Violation[] = [];
  cols.rows.forEach((r, j) => {
    const amount = x[cols.first + j] as number;
    if (amount <= 1e-6) return;
    const block = b.rowBlock(r);
    const family = block?.name ?? "";
    out.push({
      row: b.rowLabel(r),
      family,
      amount,
      direction: cols.directions[j] as "short" | "over",
      related: family === "demand" ? fullPlants(f, r, rows) : [],
    });
  });
  return out.sort((a, b2) => b2.amount - a.amount);
}

/** Capacity rows of the flows into demand row r that are at their limit (capacity used up, elastic slack included). */
function fullPlants(f: Formulation, r: number, rows: ArrayLike<number>): string[] {
  const { builder: b } = f;
  const out = new Set<string>();
  for (let i = 0; i < f.lanes.length; i++) {
    if (f.demandRows[i] !== r) continue;
    const cap = f.flowCapacityRow[i] as number;
    if ((rows[cap] as number) >= (b.rowUpper.data[cap] as number) - 1e-6) out.add(b.rowLabel(cap));
  }
  return [...out];
}
