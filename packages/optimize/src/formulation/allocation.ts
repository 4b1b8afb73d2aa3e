import { INF, ModelBuilder } from "../problem/builder.js";
import { laneCodes } from "../problem/codes.js";
import { type Instance, lanesInScope, type Scope } from "../problem/instance.js";
import { type Discount, weightOf, weightTable } from "./discount.js";
import { Expressions } from "./expression.js";

/**
 * The allocation LP for a fixed footprint (docs/optimizer.md, "Allocation"):
 * one flow variable per lane in scope, demand rows (a ceiling, or met exactly),
 * capacity rows per plant and period, and the US-assembly offset credit capped
 * at the parts duties it may offset, per builder, period and offset pool.
 * Each company's profit is kept as an expression, so objectives (one company,
 * the alliance, the alliance with individual rationality) combine them; with
 * a discount, each period's money in it is weighted by the company's factor.
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
  /** Each company's profit over the horizon, base currency (its NPV with a discount). */
  profit: Expressions;
  /** Factors per company and period that weight the profits; none: a horizon sum. */
  discount: Discount | undefined;
}

export type DemandRule = "ceiling" | "meet";

export function allocation(inst: Instance, scope: Scope, demand: DemandRule = "ceiling", discount?: Discount): Formulation {
  const b = new ModelBuilder();
  const L = inst.lanes;
  const lanes = lanesInScope(inst, scope);
  const per = inst.periods;
  const flowFirst = b.addColumns("flow", lanes.length, (i) => {
    const f = lanes[i] as number;
    return `flow(${per[L.period[f] as number]},${L.program[f]},${L.plant[f]},${L.market[f]})`;
  });
  const inside = new Set(scope.companies);
  // A joint plant is open to each owner in scope, which bears its share of the fixed cost.
  const plants = inst.plants.flatMap((p, i) => (p.owners.some(([o]) => inside.has(o)) ? [i] : []));
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
    discount,
  };
  demandRows(f, demand);
  capacityRows(f);
  profits(f);
  offsetCredits(f);
  for (const k of plants) {
    const p = inst.plants[k];
    for (const [owner, share] of p?.owners ?? [])
      f.profit.of(owner).constant -= share * (p?.fixedCost ?? []).reduce((s, x, t) => s + x * weightOf(discount, owner, t), 0);
  }
  return f;
}

/**
 * Numbers the distinct keys (0 ≤ key < size) in order of first appearance:
 * each entry's group, and the index of each group's first entry.
 */
function groupKeys(keys: Int32Array, size: number): { member: Int32Array; first: number[] } {
  const groupOf = new Int32Array(size).fill(-1);
  const first: number[] = [];
  const member = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as number;
    let g = groupOf[key] as number;
    if (g < 0) {
      g = first.length;
      groupOf[key] = g;
      first.push(i);
    }
    member[i] = g;
  }
  return { member, first };
}

/** Σ_k flow(t, p, k, m) ≤ D(p, m, t), or = D with `meet`. */
function demandRows(f: Formulation, rule: DemandRule): void {
  const { builder: b, inst, lanes } = f;
  const L = inst.lanes;
  const c = laneCodes(inst);
  // Each (period, program, market) numbered in a dense table: T × programs × markets is small next to the lanes.
  const { period } = L;
  const { program, market, programs, markets } = c;
  const keys = new Int32Array(lanes.length);
  for (let i = 0; i < lanes.length; i++) {
    const l = lanes[i] as number;
    keys[i] = ((period[l] as number) * programs + (program[l] as number)) * markets + (market[l] as number);
  }
  const { member, first: firstIndex } = groupKeys(keys, inst.periods.length * programs * markets);
  const first = firstIndex.map((i) => lanes[i] as number);
  const row0 = b.addRows("demand", first.length, (g) => {
    const l = first[g] as number;
    return `demand(${L.program[l]},${L.market[l]},${inst.periods[L.period[l] as number]})`;
  });
  first.forEach((l, g) => {
    const d = L.demand[l] as number;
    b.setRowBounds(row0 + g, rule === "meet" ? d : -INF, d);
  });
  b.coefPerColumn(member, row0, f.flowFirst, 1);
  f.demandRows = Array.from(member, (g) => row0 + g);
}

/** Σ_{p, m} flow(t, p, k, m) ≤ capacity(k, t), for each plant in scope with a lane. */
function capacityRows(f: Formulation): void {
  const { builder: b, inst, lanes } = f;
  const L = inst.lanes;
  const c = laneCodes(inst);
  const T = inst.periods.length;
  const slots = new Int32Array(lanes.length);
  for (let i = 0; i < lanes.length; i++) {
    const l = lanes[i] as number;
    slots[i] = (c.plant[l] as number) * T + (L.period[l] as number);
  }
  const { member: rowOf, first } = groupKeys(slots, inst.plants.length * T);
  const keys = first.map((i) => slots[i] as number);
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
  b.coefPerColumn(rowOf, row0, f.flowFirst, 1);
  for (let i = 0; i < lanes.length; i++) rowOf[i] = row0 + (rowOf[i] as number);
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
  // Locals, not property chains, in the loop: it runs interpreted on a process's first build.
  const { lanes, flowFirst } = f;
  const { seller: sellerOf, builder: builderOf } = c;
  const { transfer: transferOf, sellerMargin, builderCost, offset, period } = L;
  const w = weightTable(f.inst, f.discount);
  const T = f.inst.periods.length;
  for (let i = 0; i < lanes.length; i++) {
    const l = lanes[i] as number;
    const col = flowFirst + i;
    const seller = sellerOf[l] as number;
    const builder = builderOf[l] as number;
    const t = period[l] as number;
    const transfer = seller === builder ? 0 : (transferOf[l] as number);
    const own = ((sellerMargin[l] as number) - transfer) * (w[seller * T + t] as number);
    const built = (transfer - (builderCost[l] as number) + (offset[l] as number)) * (w[builder * T + t] as number);
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
  // Groups (builder, period, pool) in a dense table, and each (flow, group) term in typed arrays: no object per group.
  const groupOf = new Int32Array(c.companies.length * T * P).fill(-1);
  const company: number[] = [];
  const period: number[] = [];
  const pool: number[] = [];
  const termFlow = new Int32Array(lanes.length * P);
  const termGroup = new Int32Array(lanes.length * P);
  const termEarned = new Float64Array(lanes.length * P);
  const termParts = new Float64Array(lanes.length * P);
  const { poolOffset, poolParts } = inst;
  const { builder: builderOf } = c;
  const { period: periodOf } = L;
  let n = 0;
  for (let i = 0; i < lanes.length; i++) {
    const l = lanes[i] as number;
    for (let p = 0; p < P; p++) {
      const earned = poolOffset[l * P + p] as number;
      const parts = poolParts[l * P + p] as number;
      // Parts duties of vehicles that earn no credit (built here, sold abroad) still raise the cap.
      if (earned <= 0 && parts <= 0) continue;
      const key = ((builderOf[l] as number) * T + (periodOf[l] as number)) * P + p;
      let g = groupOf[key] as number;
      if (g < 0) {
        g = company.length;
        groupOf[key] = g;
        company.push(builderOf[l] as number);
        period.push(periodOf[l] as number);
        pool.push(p);
      }
      termFlow[n] = i;
      termGroup[n] = g;
      termEarned[n] = earned;
      termParts[n] = parts;
      n++;
    }
  }
  const name = (g: number) => `${c.companies[company[g] as number]},${inst.periods[period[g] as number]},${pool[g]}`;
  const count = company.length;
  const col0 = b.addColumns("offsetCredit", count, (g) => `offsetCredit(${name(g)})`);
  const earned0 = b.addRows("offsetEarned", count, (g) => `offsetEarned(${name(g)})`, -INF, 0);
  const cap0 = b.addRows("offsetCap", count, (g) => `offsetCap(${name(g)})`, -INF, 0);
  for (let g = 0; g < count; g++) {
    b.coef(earned0 + g, col0 + g, 1);
    b.coef(cap0 + g, col0 + g, 1);
    const id = c.companies[company[g] as number] as string;
    f.profit.of(id).add(col0 + g, weightOf(f.discount, id, period[g] as number));
  }
  const earning = new Uint8Array(count);
  for (let k = 0; k < n; k++) {
    const col = f.flowFirst + (termFlow[k] as number);
    b.coef(earned0 + (termGroup[k] as number), col, -(termEarned[k] as number));
    b.coef(cap0 + (termGroup[k] as number), col, -(termParts[k] as number));
    if ((termEarned[k] as number) > 0) earning[termGroup[k] as number] = 1;
  }
  carryForward(f, { company, period, pool, earning, earned0, name });
}

/**
 * Credit a carried pool's group leaves unused moves to the builder's next
 * group of that pool that earns credit: carry ≥ 0 leaves one earned row and
 * enters the next, so credit(t) ≤ earned(t) + carry in − carry out. As in
 * `evaluate`, a period that earns no credit uses none carried into it.
 */
function carryForward(
  f: Formulation,
  g: { company: number[]; period: number[]; pool: number[]; earning: Uint8Array; earned0: number; name: (g: number) => string },
): void {
  const { builder: b, inst } = f;
  const chains = new Map<number, number[]>();
  for (let k = 0; k < g.company.length; k++) {
    if (!g.earning[k] || !inst.poolCarries?.[g.pool[k] as number]) continue;
    const key = (g.company[k] as number) * inst.pools + (g.pool[k] as number);
    const chain = chains.get(key) ?? [];
    chain.push(k);
    chains.set(key, chain);
  }
  for (const chain of chains.values()) {
    chain.sort((x, y) => (g.period[x] as number) - (g.period[y] as number));
    for (let i = 0; i + 1 < chain.length; i++) {
      const from = chain[i] as number;
      const to = chain[i + 1] as number;
      const col = b.addColumns("offsetCarry", 1, () => `offsetCarry(${g.name(from)})`);
      b.coef(g.earned0 + from, col, 1);
      b.coef(g.earned0 + to, col, -1);
    }
  }
}
