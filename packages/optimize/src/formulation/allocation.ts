import { INF, ModelBuilder } from "../builder.js";
import { laneCodes } from "../codes.js";
import { type Instance, lanesInScope, type Scope } from "../instance.js";
import { Expressions } from "./expression.js";

/**
 * The allocation LP for a fixed footprint (docs/optimizer.md, "Allocation"):
 * one flow variable per lane in scope, demand rows (a ceiling, or met exactly),
 * capacity rows per plant and period, and the US-assembly offset credit capped
 * at the parts duties it may offset, per builder, period and offset pool.
 * Each company's profit is kept as an expression, so objectives (one company,
 * the alliance, the alliance with individual rationality) combine them.
 */
export interface Formulation {
  builder: ModelBuilder;
  inst: Instance;
  scope: Scope;
  /** Instance lane of each flow column, in column order from `flowFirst`. */
  lanes: Int32Array;
  flowFirst: number;
  /** Plant indices (into inst.plants) in scope. */
  plants: number[];
  /** Row of capacity(plant, period), keyed `plantIndex:t`. */
  capacityRow: Map<string, number>;
  /** Capacity row of each flow column. */
  flowCapacityRow: Int32Array;
  /** Row of demand(program, market, period), in order of first lane; -1 for none. */
  demandRows: number[];
  /** Each company's profit over the horizon, base currency. */
  profit: Expressions;
}

export type DemandRule = "ceiling" | "meet";

export function allocation(inst: Instance, scope: Scope, demand: DemandRule = "ceiling"): Formulation {
  const b = new ModelBuilder();
  const L = inst.lanes;
  const lanes = lanesInScope(inst, scope);
  const per = inst.periods;
  const flowFirst = b.addColumns("flow", lanes.length, (i) => {
    const f = lanes[i] as number;
    return `flow(${per[L.period[f] as number]},${L.program[f]},${L.plant[f]},${L.market[f]})`;
  });
  const inside = new Set(scope.companies);
  const plants = inst.plants.flatMap((p, i) => (inside.has(p.owner) ? [i] : []));
  const f: Formulation = {
    builder: b,
    inst,
    scope,
    lanes,
    flowFirst,
    plants,
    capacityRow: new Map(),
    flowCapacityRow: new Int32Array(0),
    demandRows: [],
    profit: new Expressions(),
  };
  demandRows(f, demand);
  capacityRows(f);
  profits(f);
  offsetCredits(f);
  for (const k of plants) {
    const p = inst.plants[k];
    if (p) f.profit.of(p.owner).constant -= p.fixedCost.reduce((s, x) => s + x, 0);
  }
  return f;
}

/** Σ_k flow(t, p, k, m) ≤ D(p, m, t), or = D with `meet`. */
function demandRows(f: Formulation, rule: DemandRule): void {
  const { builder: b, inst, lanes } = f;
  const L = inst.lanes;
  const c = laneCodes(inst);
  const groups = new Map<number, number>();
  const first: number[] = [];
  const member = new Int32Array(lanes.length);
  for (let i = 0; i < lanes.length; i++) {
    const l = lanes[i] as number;
    const key = ((L.period[l] as number) * c.programs + (c.program[l] as number)) * c.markets + (c.market[l] as number);
    let g = groups.get(key);
    if (g === undefined) {
      g = first.length;
      groups.set(key, g);
      first.push(l);
    }
    member[i] = g;
  }
  const row0 = b.addRows("demand", first.length, (g) => {
    const l = first[g] as number;
    return `demand(${L.program[l]},${L.market[l]},${inst.periods[L.period[l] as number]})`;
  });
  first.forEach((l, g) => {
    const d = L.demand[l] as number;
    b.setRowBounds(row0 + g, rule === "meet" ? d : -INF, d);
  });
  for (let i = 0; i < lanes.length; i++) b.coef(row0 + (member[i] as number), f.flowFirst + i, 1);
  f.demandRows = Array.from(member, (g) => row0 + g);
}

/** Σ_{p, m} flow(t, p, k, m) ≤ capacity(k, t), for each plant in scope with a lane. */
function capacityRows(f: Formulation): void {
  const { builder: b, inst, lanes } = f;
  const L = inst.lanes;
  const c = laneCodes(inst);
  const T = inst.periods.length;
  const rowOfSlot = new Int32Array(inst.plants.length * T).fill(-1);
  const keys: number[] = [];
  const rowOf = new Int32Array(lanes.length);
  for (let i = 0; i < lanes.length; i++) {
    const l = lanes[i] as number;
    const slot = (c.plant[l] as number) * T + (L.period[l] as number);
    let r = rowOfSlot[slot] as number;
    if (r < 0) {
      r = keys.length;
      rowOfSlot[slot] = r;
      keys.push(slot);
    }
    rowOf[i] = r;
  }
  const row0 = b.addRows("capacity", keys.length, (r) => {
    const slot = keys[r] as number;
    return `capacity(${inst.plants[Math.floor(slot / T)]?.id},${inst.periods[slot % T]})`;
  });
  keys.forEach((slot, r) => {
    const k = Math.floor(slot / T);
    const t = slot % T;
    b.setRowBounds(row0 + r, -INF, inst.plants[k]?.capacity[t] ?? 0);
    f.capacityRow.set(`${k}:${t}`, row0 + r);
  });
  for (let i = 0; i < lanes.length; i++) {
    rowOf[i] = row0 + (rowOf[i] as number);
    b.coef(rowOf[i] as number, f.flowFirst + i, 1);
  }
  f.flowCapacityRow = rowOf;
}

/**
 * Per-unit money of each flow into its companies' profits: the seller books
 * price − logistics − vehicle duty, the builder variable cost and parts duty
 * (and the offset when uncapped); across companies the seller pays the
 * builder the transfer price.
 */
function profits(f: Formulation): void {
  const L = f.inst.lanes;
  const c = laneCodes(f.inst);
  const byCode = c.companies.map((id) => f.profit.of(id));
  for (let i = 0; i < f.lanes.length; i++) {
    const l = f.lanes[i] as number;
    const col = f.flowFirst + i;
    const seller = c.seller[l] as number;
    const builder = c.builder[l] as number;
    const transfer = seller === builder ? 0 : (L.transfer[l] as number);
    const own = (L.sellerMargin[l] as number) - transfer;
    const built = transfer - (L.builderCost[l] as number) + (L.offset[l] as number);
    if (seller === builder) byCode[seller]?.add(col, own + built);
    else {
      byCode[seller]?.add(col, own);
      byCode[builder]?.add(col, built);
    }
  }
}

/**
 * The offset cap, exact for a pool whose offsets name the same duties:
 * credit(c, t, π) ≤ Σ offset per unit × flow and ≤ Σ parts duties per unit ×
 * flow, over the flows c builds in t; the credit is the builder's.
 */
function offsetCredits(f: Formulation): void {
  const { builder: b, inst, lanes } = f;
  const P = inst.pools;
  if (P === 0) return;
  const L = inst.lanes;
  const c = laneCodes(inst);
  const T = inst.periods.length;
  const groups = new Map<number, { company: string; t: number; pool: number; members: number[] }>();
  for (let i = 0; i < lanes.length; i++) {
    const l = lanes[i] as number;
    for (let p = 0; p < P; p++) {
      // Parts duties of vehicles that earn no credit (built here, sold abroad) still raise the cap.
      if ((inst.poolOffset[l * P + p] as number) <= 0 && (inst.poolParts[l * P + p] as number) <= 0) continue;
      const key = ((c.builder[l] as number) * T + (L.period[l] as number)) * P + p;
      let g = groups.get(key);
      if (!g) {
        g = { company: L.builder[l] as string, t: L.period[l] as number, pool: p, members: [] };
        groups.set(key, g);
      }
      g.members.push(i);
    }
  }
  const list = [...groups.values()];
  const name = (g: (typeof list)[number]) => `${g.company},${inst.periods[g.t]},${g.pool}`;
  const col0 = b.addColumns("offsetCredit", list.length, (j) => `offsetCredit(${name(list[j] as (typeof list)[number])})`);
  const earned0 = b.addRows("offsetEarned", list.length, (j) => `offsetEarned(${name(list[j] as (typeof list)[number])})`, -INF, 0);
  const cap0 = b.addRows("offsetCap", list.length, (j) => `offsetCap(${name(list[j] as (typeof list)[number])})`, -INF, 0);
  list.forEach((g, j) => {
    b.coef(earned0 + j, col0 + j, 1);
    b.coef(cap0 + j, col0 + j, 1);
    for (const i of g.members) {
      const l = lanes[i] as number;
      b.coef(earned0 + j, f.flowFirst + i, -(inst.poolOffset[l * P + g.pool] as number));
      b.coef(cap0 + j, f.flowFirst + i, -(inst.poolParts[l * P + g.pool] as number));
    }
    f.profit.of(g.company).add(col0 + j, 1);
  });
}
