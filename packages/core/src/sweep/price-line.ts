import type { CompanyResults } from "../evaluate/index.js";
import type { Cell, Table } from "../results/table.js";
import type { PriceEvaluations } from "../valuation/analysis.js";

/** How far a recorded evaluation may sit off the line through two others and still count as on it: rounding, not a kink. */
const ON_LINE = 1e-12;

/**
 * The companies table at any price of the evaluations' deal, read off the
 * line through the first two evaluations, when every number of the table is
 * linear in that price: checked at every other evaluation the search made
 * (the Nash search evaluates a third price to confirm linearity). A transfer
 * price moves money between host and client and nothing else unless it
 * changes a customs value (a duty with a cap is not linear): then, or with
 * fewer than three evaluations, undefined and the caller evaluates.
 */
export function priceLine(e: PriceEvaluations): ((p: number) => CompanyResults) | undefined {
  const points = [...e.at];
  const [first, second] = points;
  if (!first || !second || points.length < 3) return undefined;
  const [p0, a] = first;
  const [p1, b] = second;
  if (p0 === p1 || !sameRows(a.companies, b.companies)) return undefined;
  const at = (p: number): CompanyResults => ({ ...a, warnings: [...a.warnings], companies: along(a.companies, b.companies, (p - p0) / (p1 - p0)) });
  for (const [p, r] of points.slice(2))
    if (!sameRows(a.companies, r.companies) || !onLine(at(p).companies, r.companies, a.companies, b.companies)) return undefined;
  return at;
}

/** The table at fraction t of the way from `a` to `b` (every number; text copied from `a`). */
function along(a: Table, b: Table, t: number): Table {
  const data: Record<string, Cell[]> = {};
  for (const c of a.columns) {
    const x = a.data[c.name] as Cell[];
    const y = b.data[c.name] as Cell[];
    data[c.name] = x.map((v, i) => (typeof v === "number" ? v + ((y[i] as number) - v) * t : v));
  }
  return { ...a, data };
}

/** Same columns, rows and keys, and the same non-numbers in every cell. */
function sameRows(a: Table, b: Table): boolean {
  if (a.length !== b.length || a.columns.length !== b.columns.length) return false;
  return a.columns.every((c) => {
    const x = a.data[c.name] as Cell[];
    const y = b.data[c.name] as Cell[] | undefined;
    return y !== undefined && x.every((v, i) => (typeof v === "number" ? typeof y[i] === "number" : v === y[i]));
  });
}

function onLine(fitted: Table, actual: Table, a: Table, b: Table): boolean {
  return fitted.columns.every((c) => {
    const f = fitted.data[c.name] as Cell[];
    const r = actual.data[c.name] as Cell[];
    const x = a.data[c.name] as Cell[];
    const y = b.data[c.name] as Cell[];
    return f.every((v, i) => {
      if (typeof v !== "number") return true;
      const scale = 1 + Math.abs(x[i] as number) + Math.abs(y[i] as number);
      return Math.abs(v - (r[i] as number)) <= ON_LINE * scale;
    });
  });
}
