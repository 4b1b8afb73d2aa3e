import { INF } from "../problem/builder.js";
import type { Formulation } from "./allocation.js";

/**
 * Objectives (docs/optimizer.md, "Objectives"): maximise one company's
 * profit, the alliance's (the sum of its companies' profits, where transfers
 * between them cancel), or the alliance's subject to individual rationality:
 * no company below its stand-alone optimum.
 */
export type Objective = { kind: "company"; company: string } | { kind: "alliance" } | { kind: "alliance-fair"; floors: ReadonlyMap<string, number> };

export function setObjective(f: Formulation, objective: Objective): void {
  const { builder: b } = f;
  const counted = objective.kind === "company" ? [objective.company] : f.scope.companies;
  for (const c of counted) {
    const e = f.profit.byKey.get(c);
    if (!e) continue;
    b.addCosts(e.cols, e.vals);
    b.offset += e.constant;
  }
  if (objective.kind === "alliance-fair") fairRows(f, objective.floors);
}

/** profit(c) ≥ floor(c), written Σ coef · x ≥ floor − constant; a small tolerance keeps a floor met with equality from failing on rounding. */
function fairRows(f: Formulation, floors: ReadonlyMap<string, number>): void {
  const { builder: b } = f;
  const list = f.scope.companies.filter((c) => floors.has(c));
  const row0 = b.addRows("fair", list.length, (j) => `fair(${list[j]})`);
  list.forEach((c, j) => {
    const e = f.profit.of(c);
    const floor = floors.get(c) as number;
    b.setRowBounds(row0 + j, floor - e.constant - 1e-7 * Math.max(1, Math.abs(floor)), INF);
    for (let i = 0; i < e.cols.length; i++) b.coef(row0 + j, e.cols[i] as number, e.vals[i] as number);
  });
}
