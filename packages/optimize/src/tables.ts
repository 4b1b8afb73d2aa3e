import { type Cell, type ColumnMeta, cellNumber, createTable, pushRow, rows, type Table } from "@tieup/core";
import type { OptimizeOutcome } from "./pipeline.js";
import type { Instance } from "./problem/instance.js";
import type { OptimumResult } from "./solve-instance.js";

/**
 * The results of an optimisation as long tables (one row per key), in domain
 * labels and the base currency; the CLI's report, its formats and the web's
 * Optimise view read them.
 */
export interface OptimizeTables {
  companies: Table;
  changes: Table;
  plants: Table;
  flows: Table;
  /** Programs built at another company's plant at the optimum, units over the horizon, most first. */
  crossBuilt: Table;
  cooperation: Table | undefined;
}

const key = (name: string, description: string): ColumnMeta => ({ name, role: "key", description });
const value = (name: string, description: string, unit?: string): ColumnMeta => ({ name, role: "value", description, ...(unit ? { unit } : {}) });

export function optimizeTables(o: OptimizeOutcome): OptimizeTables {
  const f = flows(o.si.inst, o.result);
  return { companies: companies(o), changes: changes(o), plants: plants(o), flows: f, crossBuilt: crossBuilt(f), cooperation: cooperationTable(o) };
}

function companies(o: OptimizeOutcome): Table {
  const t = createTable("companies", [
    key("company", "Company id"),
    value(
      "ownSourcing",
      "Profit (contribution − fixed cost) over the horizon with the scenario's own sourcing; an NPV when the output's discountRates are set",
      "base",
    ),
    value("optimum", "Profit at the optimum", "base"),
    value("change", "Optimum − own sourcing", "base"),
    value("standAlone", "Stand-alone optimum: own programs at own plants only", "base"),
  ]);
  for (const c of o.scope.companies) {
    const own = o.baseline.profit.get(c) ?? 0;
    const opt = o.result.profit.get(c) ?? 0;
    pushRow(t, { company: c, ownSourcing: own, optimum: opt, change: opt - own, standAlone: o.cooperation?.standAlone.get(c)?.objective ?? null });
  }
  return t;
}

/** Units per (period, program, market, plant) of a result. */
function unitsBy(inst: Instance, r: OptimumResult): Map<string, number> {
  const L = inst.lanes;
  const out = new Map<string, number>();
  for (const f of r.flows) {
    const k = [inst.periods[L.period[f.lane] as number], L.program[f.lane], L.market[f.lane], L.plant[f.lane]].join("\u0000");
    out.set(k, (out.get(k) ?? 0) + f.units);
  }
  return out;
}

/**
 * Allocation changes against own sourcing: per period, program and market,
 * the plants that lose volume are paired with those that gain it, largest
 * first; volume no plant takes over was not worth selling (`–`), volume no
 * plant gave up is new sales.
 */
function changes(o: OptimizeOutcome): Table {
  const inst = o.si.inst;
  const before = unitsBy(inst, o.baseline);
  const after = unitsBy(inst, o.result);
  const groups = new Map<string, Map<string, number>>();
  for (const [k, u] of before) add(groups, k, -u);
  for (const [k, u] of after) add(groups, k, u);
  const t = createTable("changes", [
    key("period", "Period id"),
    key("program", "Program id"),
    key("market", "Market id"),
    key("from", "Plant that builds less (– for new sales)"),
    key("to", "Plant that builds more (– for sales given up)"),
    value("units", "Units moved", "units"),
  ]);
  for (const [g, byPlant] of groups) {
    const [period, program, market] = g.split("\u0000") as [string, string, string];
    for (const m of pair(byPlant)) pushRow(t, { period, program, market, ...m });
  }
  return t;
}

function add(groups: Map<string, Map<string, number>>, k: string, u: number): void {
  const parts = k.split("\u0000");
  const g = parts.slice(0, 3).join("\u0000");
  const plant = parts[3] as string;
  const m = groups.get(g) ?? new Map<string, number>();
  m.set(plant, (m.get(plant) ?? 0) + u);
  groups.set(g, m);
}

function pair(byPlant: Map<string, number>): { from: string; to: string; units: number }[] {
  const loses = [...byPlant].filter(([, d]) => d < -0.5).map(([p, d]) => ({ p, d: -d }));
  const gains = [...byPlant].filter(([, d]) => d > 0.5).map(([p, d]) => ({ p, d }));
  loses.sort((a, b) => b.d - a.d);
  gains.sort((a, b) => b.d - a.d);
  const out: { from: string; to: string; units: number }[] = [];
  while (loses.length > 0 && gains.length > 0) {
    const l = loses[0] as { p: string; d: number };
    const g = gains[0] as { p: string; d: number };
    const u = Math.min(l.d, g.d);
    out.push({ from: l.p, to: g.p, units: u });
    l.d -= u;
    g.d -= u;
    if (l.d <= 0.5) loses.shift();
    if (g.d <= 0.5) gains.shift();
  }
  for (const l of loses) out.push({ from: l.p, to: "–", units: l.d });
  for (const g of gains) out.push({ from: "–", to: g.p, units: g.d });
  return out;
}

function plants(o: OptimizeOutcome): Table {
  const t = createTable("plants", [
    key("period", "Period id"),
    key("plant", "Plant id"),
    value("owner", "Owning company"),
    value("capacity", "Capacity in the period", "units"),
    value("ownOutput", "Output with the scenario's own sourcing", "units"),
    value("ownUtilisation", "Utilisation with own sourcing", "fraction"),
    value("output", "Output at the optimum", "units"),
    value("utilisation", "Utilisation at the optimum", "fraction"),
    value("open", "1 kept, 0 closed (footprint)"),
    value("shadowPrice", "Profit of one more unit of capacity in the period (LP dual; – for a MILP)", "base/unit"),
  ]);
  const own = new Map(o.baseline.plants.map((p) => [`${p.plant}:${p.period}`, p.output]));
  for (const p of o.result.plants) {
    const before = own.get(`${p.plant}:${p.period}`) ?? 0;
    const util = (x: number): Cell => (p.capacity > 0 ? x / p.capacity : null);
    pushRow(t, {
      period: p.period,
      plant: p.plant,
      owner: p.owner,
      capacity: p.capacity,
      ownOutput: before,
      ownUtilisation: util(before),
      output: p.output,
      utilisation: util(p.output),
      open: p.open,
      shadowPrice: p.shadowPrice,
    });
  }
  return t;
}

function flows(inst: Instance, r: OptimumResult): Table {
  const L = inst.lanes;
  const t = createTable("flows", [
    key("period", "Period id"),
    key("program", "Program id"),
    value("seller", "Company selling the vehicle"),
    key("plant", "Plant id"),
    value("builder", "Company that owns the plant"),
    key("market", "Market id"),
    value("units", "Units built and sold at the optimum", "units"),
  ]);
  for (const f of r.flows) {
    const l = f.lane;
    pushRow(t, {
      period: inst.periods[L.period[l] as number] as string,
      program: L.program[l] as string,
      seller: L.seller[l] as string,
      plant: L.plant[l] as string,
      builder: L.builder[l] as string,
      market: L.market[l] as string,
      units: f.units,
    });
  }
  return t;
}

/** Flows whose plant belongs to another company than the seller, summed over the horizon per program, market and plant. */
function crossBuilt(flowTable: Table): Table {
  const t = createTable("crossBuilt", [
    key("program", "Program id"),
    key("market", "Market id"),
    value("seller", "Company selling the vehicle"),
    key("plant", "Plant id"),
    value("builder", "Company that owns the plant"),
    value("units", "Units over the horizon at the optimum", "units"),
  ]);
  const sum = new Map<string, Record<string, Cell>>();
  for (const f of rows(flowTable)) {
    if (f.seller === f.builder) continue;
    const k = `${f.program}\u0000${f.market}\u0000${f.plant}`;
    const r = sum.get(k) ?? {
      program: f.program ?? null,
      market: f.market ?? null,
      seller: f.seller ?? null,
      plant: f.plant ?? null,
      builder: f.builder ?? null,
      units: 0,
    };
    r.units = cellNumber(r.units) + cellNumber(f.units);
    sum.set(k, r);
  }
  for (const r of [...sum.values()].sort((a, b) => cellNumber(b.units) - cellNumber(a.units))) pushRow(t, r);
  return t;
}

/** Value of cooperation: volume that changes builder company between the stand-alone optima and the alliance, by program. */
function cooperationTable(o: OptimizeOutcome): Table | undefined {
  const c = o.cooperation;
  if (!c) return undefined;
  const owner = new Map(o.si.inst.plants.map((p) => [p.id, p.owner]));
  const t = createTable("cooperation", [
    key("program", "Program id"),
    key("market", "Market id"),
    key("plant", "Plant id"),
    value("builder", "Owner of the plant"),
    value("units", "Units over the horizon: alliance − stand-alone", "units"),
  ]);
  for (const m of c.moves) pushRow(t, { ...m, builder: owner.get(m.plant) ?? null });
  return t;
}
