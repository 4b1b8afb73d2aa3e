import { rows } from "@tieup/core";
import { cooperationSummary, discountRates, type OptimizeOutcome, proven } from "./pipeline.js";
import { optimizeTables } from "./tables.js";

/** The objective as its user asked for it: `company:honda (stand-alone)`, `alliance`, `alliance-fair`. */
export function objectiveName(o: OptimizeOutcome): string {
  const obj = o.request.objective;
  return obj.kind === "company" ? `company:${obj.company} (stand-alone)` : obj.kind;
}

/** What a reader must be told when the time limit stopped a solve: the answer is not an optimum. */
export function limitWarnings(o: OptimizeOutcome): string[] {
  if (proven(o)) return [];
  const coop = o.cooperation && o.result.status !== "optimal" ? " The value of cooperation compares answers not proven optimal: it may be far off." : "";
  const alone =
    o.cooperation && [...o.cooperation.standAlone.values()].some((x) => x.status !== "optimal") ? " A stand-alone optimum is not proven either." : "";
  return [`the time limit stopped the solver: the answer is the best found, not proven optimal (exit code 3).${coop}${alone}`];
}

/**
 * An optimisation as JSON, raw values: the summary and every table. The
 * CLI's `--format json` prints it and the server's `optimise` run returns it,
 * so the two cannot differ.
 */
export function outcomeJson(o: OptimizeOutcome): Record<string, unknown> {
  const r = o.result;
  const t = optimizeTables(o);
  const tables = [t.companies, t.changes, t.plants, t.flows, t.crossBuilt, ...(t.cooperation ? [t.cooperation] : [])];
  return {
    scenario: o.scenario.id,
    base: o.si.inst.base,
    objective: objectiveName(o),
    footprint: o.request.footprint !== undefined,
    // Profits are NPVs at these rates (as of the valuation date) when present, horizon sums otherwise.
    discountRates: o.discount ? Object.fromEntries([...discountRates(o.scenario)].filter(([c]) => o.scope.companies.includes(c))) : null,
    status: r.status,
    proven: proven(o),
    // The optimum only when proven; otherwise the best found, with the bound and gap it is known within.
    optimum: r.status === "optimal" ? r.objective : null,
    best: r.objective,
    bound: r.bound ?? null,
    gap: r.gap ?? null,
    ownSourcing: o.scope.companies.reduce((s, c) => s + (o.baseline.profit.get(c) ?? 0), 0),
    cooperation: cooperationSummary(o),
    retooled: r.retooled,
    size: r.size,
    warnings: [...o.si.warnings, ...limitWarnings(o)],
    tables: Object.fromEntries(tables.map((x) => [x.name, rows(x)])),
  };
}
