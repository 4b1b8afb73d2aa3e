import { INF } from "../problem/builder.js";
import type { Formulation } from "./allocation.js";
import { weightOf } from "./discount.js";

/**
 * The footprint MILP on top of the allocation LP (docs/optimizer.md,
 * "Footprint"): open(k, t) ∈ {0, 1} keeps plant k in period t; once closed it
 * stays closed; a kept plant pays its fixed cost and runs at least a minimum
 * utilisation; closing pays a one-off closure cost; a plant may build a
 * platform it does not list after a one-off retooling, add(k, q) ∈ {0, 1}.
 * With the formulation's discount, each period's fixed cost and a closure are
 * weighted by the owner's factor of that period, a retooling by the factor of
 * the first decision period.
 */
export interface FootprintOptions {
  /** One-off cost of closing a plant, base currency; default the plant's stated closure cost, else `closureYears` of its fixed cost. */
  closureCost?: (plant: number) => number;
  /** Years of fixed cost a closure costs where the plant states no closure cost; default 1. */
  closureYears?: number;
  /** One-off cost of adding a platform to a plant, base currency. */
  retoolCost: number;
  /**
   * Which platforms a plant may add: `own`, only those a plant of its owner
   * lists; `any` (default), also another company's when the solve lets
   * companies build for each other (an alliance, which is taken to lend its
   * engineering). A stand-alone solve adds only its own either way.
   */
  platforms?: "any" | "own";
  /** Minimum utilisation of a kept plant, 0–1. */
  minUtilisation: number;
  /**
   * Index of the first period the footprint may change: earlier periods are
   * history, every plant open and (with the scenario's own sourcing given as
   * `frozen`) each lane at its actual units, no floor. Default 0.
   */
  firstDecision?: number;
  /** Units per instance lane in the periods before `firstDecision` (the scenario's own sourcing). */
  frozen?: Float64Array;
}

export function footprint(f: Formulation, o: FootprintOptions): void {
  const open = openColumns(f, o);
  linkCapacity(f, open, o.minUtilisation, o.firstDecision ?? 0);
  closeIdle(f, open, o.minUtilisation, o.firstDecision ?? 0);
  retooling(f, o.retoolCost, o.platforms ?? "any", o.firstDecision ?? 0);
  freezePast(f, open, o);
}

/** Periods before the first decision as they happened: plants open, lanes at their actual units. */
function freezePast(f: Formulation, open: Map<string, number>, o: FootprintOptions): void {
  const first = o.firstDecision ?? 0;
  if (first <= 0) return;
  const { builder: b, inst } = f;
  for (const [key, col] of open) if ((Number(key.split(":")[1]) as number) < first) b.setColBounds(col, 1, 1);
  if (!o.frozen) return;
  const period = inst.lanes.period;
  f.lanes.forEach((l, i) => {
    if ((period[l] as number) >= first) return;
    const units = o.frozen?.[l] ?? 0;
    b.setColBounds(f.flowFirst + i, units, units);
  });
}

/**
 * open(k, t) with fixed cost, no reopening, and closure cost
 * C·w_t·(open(k, t−1) − open(k, t)), open(k, −1) = 1, which telescopes to
 * −C·w_0 + Σ_t C·(w_t − w_(t+1))·open(k, t) with w_T = 0 (w: the owner's factors).
 */
function openColumns(f: Formulation, o: FootprintOptions): Map<string, number> {
  const { builder: b, inst } = f;
  const T = inst.periods.length;
  const col0 = b.addColumns(
    "open",
    f.plants.length * T,
    (j) => `open(${inst.plants[f.plants[Math.floor(j / T)] as number]?.id},${inst.periods[j % T]})`,
    0,
    1,
    true,
  );
  const row0 = b.addRows(
    "noReopen",
    f.plants.length * Math.max(0, T - 1),
    (j) => {
      const k = f.plants[Math.floor(j / (T - 1))] as number;
      return `noReopen(${inst.plants[k]?.id},${inst.periods[(j % (T - 1)) + 1]})`;
    },
    -INF,
    0,
  );
  const cols = new Map<string, number>();
  f.plants.forEach((k, i) => {
    const plant = inst.plants[k];
    if (!plant) return;
    const closure = o.closureCost?.(k) ?? plant.closureCost ?? (o.closureYears ?? 1) * plant.annualFixedCost;
    // Each owner of a joint plant bears its share of the fixed cost and of the closure cost, at its own discount factors.
    for (const [owner, share] of plant.owners) {
      const w = (t: number) => (t < T ? weightOf(f.discount, owner, t) : 0);
      const profit = f.profit.of(owner);
      profit.constant += share * plant.fixedCost.reduce((s, x, t) => s + x * w(t), 0); // allocation() charged it as a constant
      profit.constant -= share * closure * w(0);
      for (let t = 0; t < T; t++) profit.add(col0 + i * T + t, share * (-(plant.fixedCost[t] as number) * w(t) + closure * (w(t) - w(t + 1))));
    }
    for (let t = 0; t < T; t++) {
      const col = col0 + i * T + t;
      cols.set(`${k}:${t}`, col);
      if (t > 0) {
        const row = row0 + i * (T - 1) + t - 1;
        b.coef(row, col, 1);
        b.coef(row, col - 1, -1);
      }
    }
  });
  return cols;
}

/** Σ flow ≤ cap · open, and Σ flow ≥ u · cap · open. */
function linkCapacity(f: Formulation, open: Map<string, number>, minUtilisation: number, firstDecision: number): void {
  const { builder: b, inst } = f;
  const entries = [...f.capacityRow];
  const min0 =
    minUtilisation > 0
      ? b.addRows("minUtilisation", entries.length, (j) => b.rowLabel(entries[j]?.[1] as number).replace(/^capacity/, "minUtilisation"), 0, INF)
      : -1;
  // Capacity rows are one block: the minimum-utilisation row of flow i is found by offset, not by lookup.
  const capFirst = b.block("capacity")?.first ?? 0;
  const minRowOf = new Int32Array(entries.length);
  entries.forEach(([key, row], j) => {
    const [k, t] = key.split(":").map(Number) as [number, number];
    const cap = inst.plants[k]?.capacity[t] ?? 0;
    const col = open.get(key) as number;
    b.setRowBounds(row, -INF, 0);
    b.coef(row, col, -cap);
    if (min0 < 0) return;
    minRowOf[row - capFirst] = j;
    b.coef(min0 + j, col, -minUtilisation * cap);
    // No floor on history: the periods before the first decision ran as they did.
    if (t < firstDecision) b.setRowBounds(min0 + j, -INF, INF);
  });
  if (min0 < 0) return;
  const rows = new Int32Array(f.lanes.length);
  for (let i = 0; i < rows.length; i++) rows[i] = minRowOf[(f.flowCapacityRow[i] as number) - capFirst] as number;
  b.coefPerColumn(rows, min0, f.flowFirst, 1);
}

/**
 * A plant with capacity but no lane in scope in a period cannot meet a
 * positive floor if kept, so it is closed there, as a plant with lanes would
 * have to be at zero output (without this a company with no programs of its
 * own, a contract manufacturer alone, kept an idle plant the alliance could not).
 */
function closeIdle(f: Formulation, open: Map<string, number>, minUtilisation: number, firstDecision: number): void {
  if (minUtilisation <= 0) return;
  const T = f.inst.periods.length;
  for (const k of f.plants)
    for (let t = firstDecision; t < T; t++) {
      const col = open.get(`${k}:${t}`);
      if (col !== undefined && !f.capacityRow.has(`${k}:${t}`) && (f.inst.plants[k]?.capacity[t] ?? 0) > 0) f.builder.setColBounds(col, 0, 0);
    }
}

/**
 * add(k, q) for each plant and platform it does not list but a lane in scope
 * needs; Σ non-native flows ≤ cap · add. A lane on a platform the plant may
 * not take up (see mayAdd) is closed instead.
 */
function retooling(f: Formulation, cost: number, platforms: "any" | "own", firstDecision: number): void {
  const { builder: b, inst } = f;
  const L = inst.lanes;
  const plantIndex = new Map(inst.plants.map((p, k) => [p.id, k]));
  const may = mayAdd(f, platforms);
  const pairs = new Map<string, { plant: string; owner: string; platform: string; k: number; members: number[] }>();
  for (let i = 0; i < f.lanes.length; i++) {
    const l = f.lanes[i] as number;
    if (L.native[l]) continue;
    if (!may(L.builder[l] as string, L.platform[l] as string)) {
      b.setColBounds(f.flowFirst + i, 0, 0);
      continue;
    }
    const key = `${L.plant[l]}\u0000${L.platform[l]}`;
    let p = pairs.get(key);
    if (!p) {
      const k = plantIndex.get(L.plant[l] as string) ?? -1;
      p = { plant: L.plant[l] as string, owner: L.builder[l] as string, platform: L.platform[l] as string, k, members: [] };
      pairs.set(key, p);
    }
    p.members.push(i);
  }
  const list = [...pairs.values()];
  const T = inst.periods.length;
  const col0 = b.addColumns("retool", list.length, (j) => `retool(${list[j]?.plant},${list[j]?.platform})`, 0, 1, true);
  const row0 = b.addRows(
    "platform",
    list.length * T,
    (j) => {
      const p = list[Math.floor(j / T)];
      return `platform(${p?.plant},${p?.platform},${inst.periods[j % T]})`;
    },
    -INF,
    0,
  );
  list.forEach((p, j) => {
    f.profit.of(p.owner).add(col0 + j, -cost * weightOf(f.discount, p.owner, Math.min(firstDecision, T - 1)));
    for (let t = 0; t < T; t++) b.coef(row0 + j * T + t, col0 + j, -(inst.plants[p.k]?.capacity[t] ?? 0));
    for (const i of p.members) b.coef(row0 + j * T + (L.period[f.lanes[i] as number] as number), f.flowFirst + i, 1);
  });
}

/**
 * Whether a company's plant may take up a platform: always one it owns; with
 * `any`, also one another company of the solve owns when the solve lets
 * companies build for each other (an alliance). A stand-alone solve never
 * borrows another maker's platform, or its "going alone" would already be a
 * tie-up. A platform belongs to the companies whose plants list it (selling a
 * program on it is not enough: a client's rebadged pickup or a bought-in EV
 * platform is someone else's); one no plant lists, to its programs' sellers.
 */
function mayAdd(f: Formulation, platforms: "any" | "own"): (company: string, platform: string) => boolean {
  const owners = new Map<string, Set<string>>();
  const own = (platform: string, company: string) => {
    const set = owners.get(platform) ?? new Set<string>();
    set.add(company);
    owners.set(platform, set);
  };
  for (const p of f.inst.plants) for (const q of p.platforms) own(q, p.owner);
  const listed = new Set(owners.keys());
  const L = f.inst.lanes;
  for (let l = 0; l < L.length; l++) if (!listed.has(L.platform[l] as string)) own(L.platform[l] as string, L.seller[l] as string);
  const borrow = platforms === "any" && f.scope.crossCompany;
  return (company, platform) => {
    const by = owners.get(platform);
    if (!by) return false;
    return by.has(company) || (borrow && f.scope.companies.some((c) => by.has(c)));
  };
}
