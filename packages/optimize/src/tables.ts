import { cellNumber, col, defineTable, type ReferenceGroup, type RowOf, rows, type Table, tableOfRows } from "@tieup/core";
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

const { key, label, measure, optional } = col;

export const OPTIMIZE_COMPANIES = defineTable("companies", "`tieup optimize`: each company's profit with its own sourcing, at the optimum and alone.", [
  key("company", "Company id"),
  measure(
    "ownSourcing",
    "base",
    "Profit (contribution − fixed cost) over the horizon with the scenario's own sourcing; an NPV when the output's discountRates are set",
  ),
  measure("optimum", "base", "Profit at the optimum"),
  measure("change", "base", "Optimum − own sourcing"),
  optional("standAlone", "base", "Stand-alone optimum: own programs at own plants only"),
]);

export const OPTIMIZE_CHANGES = defineTable(
  "changes",
  "`tieup optimize`: the allocation's changes against own sourcing, plant that loses to plant that gains.",
  [
    key("period", "Period id"),
    key("program", "Program id"),
    key("market", "Market id"),
    key("from", "Plant that builds less (– for new sales)"),
    key("to", "Plant that builds more (– for sales given up)"),
    measure("units", "units", "Units moved"),
  ],
);

export const OPTIMIZE_PLANTS = defineTable("plants", "`tieup optimize`: each plant's output and utilisation with own sourcing and at the optimum.", [
  key("period", "Period id"),
  key("plant", "Plant id"),
  label("owner", "Owning company"),
  measure("capacity", "units", "Capacity in the period"),
  measure("ownOutput", "units", "Output with the scenario's own sourcing"),
  optional("ownUtilisation", "fraction", "Utilisation with own sourcing"),
  measure("output", "units", "Output at the optimum"),
  optional("utilisation", "fraction", "Utilisation at the optimum"),
  measure("open", "", "1 kept, 0 closed (footprint)"),
  optional("shadowPrice", "base/unit", "Profit of one more unit of capacity in the period (LP dual; – for a MILP)"),
]);

export const OPTIMIZE_FLOWS = defineTable("flows", "`tieup optimize`: units per lane at the optimum.", [
  key("period", "Period id"),
  key("program", "Program id"),
  label("seller", "Company selling the vehicle"),
  key("plant", "Plant id"),
  label("builder", "Company that owns the plant"),
  key("market", "Market id"),
  measure("units", "units", "Units built and sold at the optimum"),
]);

export const CROSS_BUILT = defineTable("crossBuilt", "`tieup optimize`: programs built at another company's plant at the optimum, most first.", [
  key("program", "Program id"),
  key("market", "Market id"),
  label("seller", "Company selling the vehicle"),
  key("plant", "Plant id"),
  label("builder", "Company that owns the plant"),
  measure("units", "units", "Units over the horizon at the optimum"),
]);

export const COOPERATION = defineTable(
  "cooperation",
  "`tieup optimize` (alliance): volume that changes builder company between the stand-alone optima and the alliance.",
  [
    key("program", "Program id"),
    key("market", "Market id"),
    key("plant", "Plant id"),
    label("builder", "Owner of the plant"),
    measure("units", "units", "Units over the horizon: alliance − stand-alone"),
  ],
);

/** The optimiser's tables as a section of the results reference. */
export const OPTIMIZE_REFERENCE: ReferenceGroup = [
  "Optimisation (`tieup optimize`)",
  [OPTIMIZE_COMPANIES, OPTIMIZE_CHANGES, OPTIMIZE_PLANTS, OPTIMIZE_FLOWS, CROSS_BUILT, COOPERATION],
];

export function optimizeTables(o: OptimizeOutcome): OptimizeTables {
  const f = flows(o.si.inst, o.result);
  return { companies: companies(o), changes: changes(o), plants: plants(o), flows: f, crossBuilt: crossBuilt(f), cooperation: cooperationTable(o) };
}

function companies(o: OptimizeOutcome): Table {
  return tableOfRows(
    OPTIMIZE_COMPANIES,
    o.scope.companies.map((c) => {
      const own = o.baseline.profit.get(c) ?? 0;
      const opt = o.result.profit.get(c) ?? 0;
      return { company: c, ownSourcing: own, optimum: opt, change: opt - own, standAlone: o.cooperation?.standAlone.get(c)?.objective ?? null };
    }),
  );
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
  const list: RowOf<typeof OPTIMIZE_CHANGES>[] = [];
  for (const [g, byPlant] of groups) {
    const [period, program, market] = g.split("\u0000") as [string, string, string];
    for (const m of pair(byPlant)) list.push({ period, program, market, ...m });
  }
  return tableOfRows(OPTIMIZE_CHANGES, list);
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
  const own = new Map(o.baseline.plants.map((p) => [`${p.plant}:${p.period}`, p.output]));
  return tableOfRows(
    OPTIMIZE_PLANTS,
    o.result.plants.map((p) => {
      const before = own.get(`${p.plant}:${p.period}`) ?? 0;
      const util = (x: number) => (p.capacity > 0 ? x / p.capacity : null);
      const { period, plant, owner, capacity, output, open, shadowPrice } = p;
      return { period, plant, owner, capacity, ownOutput: before, ownUtilisation: util(before), output, utilisation: util(output), open, shadowPrice };
    }),
  );
}

function flows(inst: Instance, r: OptimumResult): Table {
  const L = inst.lanes;
  return tableOfRows(
    OPTIMIZE_FLOWS,
    r.flows.map(({ lane: l, units }) => ({
      period: inst.periods[L.period[l] as number] as string,
      program: L.program[l] as string,
      seller: L.seller[l] as string,
      plant: L.plant[l] as string,
      builder: L.builder[l] as string,
      market: L.market[l] as string,
      units,
    })),
  );
}

/** Flows whose plant belongs to another company than the seller, summed over the horizon per program, market and plant. */
function crossBuilt(flowTable: Table): Table {
  const sum = new Map<string, RowOf<typeof CROSS_BUILT>>();
  for (const f of rows(flowTable)) {
    if (f.seller === f.builder) continue;
    const k = `${f.program}\u0000${f.market}\u0000${f.plant}`;
    const r = sum.get(k) ?? {
      program: String(f.program),
      market: String(f.market),
      seller: String(f.seller),
      plant: String(f.plant),
      builder: String(f.builder),
      units: 0,
    };
    r.units += cellNumber(f.units);
    sum.set(k, r);
  }
  return tableOfRows(
    CROSS_BUILT,
    [...sum.values()].sort((a, b) => b.units - a.units),
  );
}

/** Value of cooperation: volume that changes builder company between the stand-alone optima and the alliance, by program. */
function cooperationTable(o: OptimizeOutcome): Table | undefined {
  const c = o.cooperation;
  if (!c) return undefined;
  // Every move is at a plant of the instance (moves come from its lanes), so its owner is known.
  const owner = new Map(o.si.inst.plants.map((p) => [p.id, p.owner]));
  return tableOfRows(
    COOPERATION,
    c.moves.map((m) => ({ ...m, builder: owner.get(m.plant) as string })),
  );
}
