import type { Objective } from "./formulation/objective.js";
import { companiesOf, type Instance } from "./problem/instance.js";
import { type OptimizeOptions, type OptimumResult, optimizeInstance } from "./solve-instance.js";

/**
 * Value of cooperation (docs/optimizer.md): each company's stand-alone
 * optimum (its programs at its own plants only) against the alliance optimum
 * with cross-company production allowed. The difference is what cooperation
 * is worth; `moves` says which programs change plant.
 */
export interface Cooperation {
  standAlone: Map<string, OptimumResult>;
  alliance: OptimumResult;
  /** Σ stand-alone optima. */
  standAloneTotal: number;
  /** Alliance optimum − Σ stand-alone optima. */
  value: number;
  moves: Move[];
}

export interface Move {
  program: string;
  market: string;
  plant: string;
  /** Units over the horizon: alliance − stand-alone (positive = more built here in the alliance). */
  units: number;
}

export type AllianceObjective = "alliance" | "alliance-fair";

export async function cooperation(inst: Instance, kind: AllianceObjective, options: Omit<OptimizeOptions, "objective">): Promise<Cooperation> {
  const companies = companiesOf(inst);
  const standAlone = new Map<string, OptimumResult>();
  for (const c of companies)
    standAlone.set(c, await optimizeInstance(inst, { companies: [c], crossCompany: false }, { ...options, objective: { kind: "company", company: c } }));
  const floors = new Map([...standAlone].map(([c, r]) => [c, r.objective]));
  const objective: Objective = kind === "alliance" ? { kind: "alliance" } : { kind: "alliance-fair", floors };
  const alliance = await optimizeInstance(inst, { companies, crossCompany: true }, { ...options, objective });
  const standAloneTotal = [...standAlone.values()].reduce((s, r) => s + r.objective, 0);
  return { standAlone, alliance, standAloneTotal, value: alliance.objective - standAloneTotal, moves: moves(inst, [...standAlone.values()], alliance) };
}

function moves(inst: Instance, standAlone: OptimumResult[], alliance: OptimumResult): Move[] {
  const L = inst.lanes;
  const diff = new Map<string, number>();
  const add = (r: OptimumResult, sign: number) => {
    for (const f of r.flows) {
      const key = `${L.program[f.lane]}\u0000${L.market[f.lane]}\u0000${L.plant[f.lane]}`;
      diff.set(key, (diff.get(key) ?? 0) + sign * f.units);
    }
  };
  add(alliance, 1);
  for (const r of standAlone) add(r, -1);
  return [...diff]
    .filter(([, u]) => Math.abs(u) > 0.5)
    .map(([key, units]) => {
      const [program, market, plant] = key.split("\u0000") as [string, string, string];
      return { program, market, plant, units };
    })
    .sort((a, b) => a.program.localeCompare(b.program) || a.market.localeCompare(b.market) || a.units - b.units);
}
