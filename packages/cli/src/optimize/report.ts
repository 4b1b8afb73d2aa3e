import { type Cell, focusPeriod, isoOf, rows, type Table, valuationDay } from "@tieup/core";
import { discountRates, limitWarnings, type OptimizeOutcome, type OptimizeTables, objectiveName, optimizeTables, outcomeJson, proven } from "@tieup/optimize";
import { InputError } from "../io/errors.js";
import { type CsvFlags, csvOf, fixed, money, moneyUnit, percent, signedMoney, thousands } from "../report/format.js";
import { renderMarkdown, renderText } from "../report/render.js";
import type { Section } from "../report/sections.js";

export interface ReportOptions extends CsvFlags {
  format: "table" | "json" | "csv" | "md";
  table: string;
  title: string;
  overrides: string[];
  /** Period of the plant table (default FY2025, or the first). */
  period?: string | undefined;
}

/** The optimiser's tables, in the order the exports list them. */
export function optimizeTableList(t: OptimizeTables): Table[] {
  return [t.companies, t.changes, t.plants, t.flows, t.crossBuilt, ...(t.cooperation ? [t.cooperation] : [])];
}

export function renderOptimize(o: OptimizeOutcome, opts: ReportOptions): string {
  const tables = optimizeTables(o);
  const list = optimizeTableList(tables);
  if (opts.format === "json") return `${JSON.stringify(outcomeJson(o), null, 2)}\n`;
  if (opts.format === "csv") {
    const t = list.find((x) => x.name === opts.table);
    if (!t)
      throw new InputError([
        { severity: "error", path: "--table", message: `unknown table \`${opts.table}\``, suggestion: `one of ${list.map((x) => x.name).join(", ")}` },
      ]);
    return csvOf(t, o.si.inst.base, opts);
  }
  const base = o.si.inst.base;
  const render = opts.format === "md" ? renderMarkdown : renderText;
  return render(opts.title, intro(o, opts), sections(o, tables, base, opts.period), [...o.si.warnings, ...limitWarnings(o)]);
}

function intro(o: OptimizeOutcome, opts: ReportOptions): string[] {
  const r = o.result;
  const { periods, base } = o.si.inst;
  return [
    `scenario ${o.scenario.id}${opts.overrides.length ? ` with ${opts.overrides.join(", ")}` : ""} · objective ${objectiveName(o)} · ${o.request.footprint ? "footprint MILP" : "allocation LP"} · periods ${periods[0]}–${periods.at(-1)} · base currency ${base}`,
    `HiGHS: ${r.detail}, ${r.size.vars} variables (${r.size.binaries} binary), ${r.size.rows} rows, ${r.size.nnz} non-zeros; built in ${fixed(r.buildMs, 1)} ms, solved in ${fixed(r.solveMs, 1)} ms`,
    ...(r.status === "time-limit"
      ? [
          `NOT PROVEN OPTIMAL: the time limit stopped the solver; best found ${money(r.objective, base)}${r.bound !== undefined ? `, bound ${money(r.bound, base)}` : ", no bound proved yet"}${r.gap !== undefined ? `, gap ${percent(r.gap)}` : ""} (${moneyUnit(base)})`,
        ]
      : []),
    `${profitBasis(o)}, in ${moneyUnit(base)}; transfers between companies at a contract-manufacturing deal's price where one exists, else the program's customs value.`,
  ];
}

/** What "profit" means in this report: a horizon sum, or each company's NPV at its rate. */
function profitBasis(o: OptimizeOutcome): string {
  const costs = o.request.footprint ? "contribution − fixed cost − closures − retooling" : "contribution − fixed cost";
  if (!o.discount) return `Profit = ${costs} over the horizon, undiscounted`;
  const rates = [...discountRates(o.scenario)].filter(([c]) => o.scope.companies.includes(c)).map(([c, r]) => `${c} ${percent(r)}`);
  return `Profit = NPV of ${costs} at each company's discount rate (${rates.join(", ")}), as of ${isoOf(valuationDay(o.scenario))}`;
}

function sections(o: OptimizeOutcome, t: OptimizeTables, base: string, period: string | undefined): Section[] {
  const out: Section[] = [companySection(t.companies, base, o.cooperation !== undefined, proven(o))];
  if (o.cooperation) out.push(cooperationSection(o, t, base));
  out.push(allocationSection(t.flows, o, period), changeSection(t.changes, o.si.inst.periods), plantSection(t.plants, o, base, period));
  if (o.result.retooled.length > 0)
    out.push({ title: "Platforms added", headers: ["plant", "platform"], body: o.result.retooled.map((x) => [x.plant, x.platform]) });
  return out;
}

const n = (c: Cell | undefined) => (typeof c === "number" ? c : 0);
const c = (x: Cell | undefined): Cell => x ?? null;
const maybe = (x: Cell | undefined): number | null => (typeof x === "number" ? x : null);

function companySection(t: Table, base: string, alliance: boolean, isProven: boolean): Section {
  const body: Cell[][] = rows(t).map((r) => [
    c(r.company),
    money(n(r.ownSourcing), base),
    money(n(r.optimum), base),
    signedMoney(n(r.change), base),
    ...(alliance ? [money(maybe(r.standAlone), base)] : []),
  ]);
  const total = { own: 0, opt: 0, sa: 0 };
  for (const r of rows(t)) {
    total.own += n(r.ownSourcing);
    total.opt += n(r.optimum);
    total.sa += n(r.standAlone);
  }
  if (body.length > 1)
    body.push([
      "total",
      money(total.own, base),
      money(total.opt, base),
      signedMoney(total.opt - total.own, base),
      ...(alliance ? [money(total.sa, base)] : []),
    ]);
  const best = isProven ? "optimum" : "best found";
  return {
    title: `Profit by company, own sourcing against the ${isProven ? "optimum" : "best answer found (not proven optimal)"} (${moneyUnit(base)})`,
    headers: ["company", "own sourcing", best, "change", ...(alliance ? [`stand-alone ${best}`] : [])],
    body,
  };
}

function cooperationSection(o: OptimizeOutcome, t: OptimizeTables, base: string): Section {
  const coop = o.cooperation;
  const cross = rows(t.crossBuilt);
  return {
    title: `Value of cooperation (${moneyUnit(base)})${proven(o) ? "" : ": NOT PROVEN, from answers the time limit stopped"}`,
    note: `Σ stand-alone ${proven(o) ? "optima" : "best answers"} ${money(coop?.standAloneTotal ?? 0, base)}; alliance ${proven(o) ? "optimum" : "best answer"} ${money(coop?.alliance.objective ?? 0, base)}; value of cooperation ${signedMoney(coop?.value ?? 0, base)}${proven(o) ? "" : " (it may be far off: each side is only known to lie below its bound)"}. Below: programs built at another company's plant in the alliance (units over the horizon; all moves in the cooperation table, --format json).`,
    headers: ["program", "market", "built at", "owner", "units (k)"],
    body: cross.length > 0 ? cross.map((r) => [c(r.program), c(r.market), c(r.plant), c(r.builder), thousands(n(r.units))]) : [["–", "–", "–", "–", "–"]],
  };
}

function focusOf(o: OptimizeOutcome, period: string | undefined): string {
  return period ?? focusPeriod(o.scenario);
}

/** The optimum's allocation in one period: per program and market, the plants that build it (thousand units). */
function allocationSection(t: Table, o: OptimizeOutcome, period: string | undefined): Section {
  const focus = focusOf(o, period);
  const by = new Map<string, { seller: string; total: number; plants: [string, number][] }>();
  for (const r of rows(t)) {
    if (r.period !== focus) continue;
    const k = `${r.program}\u0000${r.market}`;
    const e = by.get(k) ?? { seller: String(r.seller), total: 0, plants: [] };
    e.total += n(r.units);
    e.plants.push([String(r.plant), n(r.units)]);
    by.set(k, e);
  }
  const body: Cell[][] = [...by].map(([k, e]) => {
    const [program, market] = k.split("\u0000") as [string, string];
    const plants = e.plants.sort((a, b) => b[1] - a[1]).map(([p, u]) => `${p} ${thousands(u)}`);
    return [program, e.seller, market, thousands(e.total), plants.join(", ")];
  });
  return {
    title: `Allocation at the optimum in ${focus} (thousand units)`,
    note: "Programs not listed are not sold at the optimum in this period (unprofitable, or no capacity left). Every period in --format json/csv (--table flows).",
    headers: ["program", "seller", "market", "units (k)", "built at"],
    body: body.length > 0 ? body : [["–", "–", "–", "–", "nothing is built"]],
  };
}

/** Changes with one column of units per period (thousands). */
function changeSection(t: Table, periods: string[]): Section {
  const byMove = new Map<string, Map<string, number>>();
  for (const r of rows(t)) {
    const k = [r.program, r.market, r.from, r.to].join("\u0000");
    const m = byMove.get(k) ?? new Map<string, number>();
    m.set(String(r.period), (m.get(String(r.period)) ?? 0) + n(r.units));
    byMove.set(k, m);
  }
  const body: Cell[][] = [...byMove].map(([k, m]) => {
    const [program, market, from, to] = k.split("\u0000") as [string, string, string, string];
    return [program, market, `${from} → ${to}`, ...periods.map((p) => (m.has(p) ? thousands(m.get(p) as number) : ""))];
  });
  return {
    title: "Allocation changes against own sourcing (thousand units per period)",
    note: "`x → –`: sales given up (not profitable, or no capacity); `– → x`: sales the scenario's own sourcing does not make.",
    headers: ["program", "market", "from → to", ...periods],
    body: body.length > 0 ? body : [["–", "–", "no change", ...periods.map(() => "")]],
  };
}

function plantSection(t: Table, o: OptimizeOutcome, base: string, period: string | undefined): Section {
  const focus = focusOf(o, period);
  const footprint = o.request.footprint !== undefined;
  const body = rows(t)
    .filter((r) => r.period === focus)
    .map((r): Cell[] => [
      c(r.plant),
      c(r.owner),
      thousands(n(r.capacity)),
      percent(maybe(r.ownUtilisation)),
      percent(maybe(r.utilisation)),
      ...(footprint ? [r.open === 1 ? "kept" : "closed"] : []),
      r.shadowPrice === null ? "–" : fixed(n(r.shadowPrice), 0),
    ]);
  return {
    title: `Plant utilisation in ${focus}, own sourcing against the optimum`,
    note: `Shadow price: profit of one more unit of capacity in ${focus}, ${base} per unit (LP duals; – for a MILP or a plant with no lane). Every period in --format json/csv (--table plants).`,
    headers: ["plant", "owner", "capacity (k)", "own util.", "opt. util.", ...(footprint ? ["footprint"] : []), `shadow price (${base}/unit)`],
    body,
  };
}
