import { error, type Issue, suggestId, unknownPeriod } from "../issues/issue.js";
import type { Company } from "../schema/company.js";
import type { Fx } from "../schema/fx.js";
import type { Lane } from "../schema/lane.js";
import type { Market } from "../schema/market.js";
import type { Plant } from "../schema/plant.js";
import type { Program } from "../schema/program.js";
import type { Period } from "../time/periods.js";
import type { Deal } from "./registry.js";

/**
 * The parts of a validated scenario a deal module reads. A structural view
 * of the scenario (the scenario schema itself is built from the deal
 * modules, so they cannot name its type).
 */
export interface ScenarioParts {
  companies: readonly Company[];
  markets: readonly Market[];
  plants: readonly Plant[];
  programs: readonly Program[];
  lanes: readonly Lane[];
  fx: Fx;
  deals: readonly Deal[];
  parameters: { jobsPerThousandUnits: number };
}

/** What the checks of a deal see: the scenario, its periods and the ids of its entities. */
export interface DealCheckContext {
  s: ScenarioParts;
  periods: Period[];
  periodIds: Set<string>;
  companyIds: Set<string>;
  marketIds: Set<string>;
  plantIds: Set<string>;
  programIds: Set<string>;
  measureIds: Set<string>;
}

/** Reference checks shared by deal modules: `check` reports an unknown id at `at.path` and says whether it is known. */
export function refs(ctx: DealCheckContext, deal: { id: string }, at: string) {
  const issues: Issue[] = [];
  const check = (path: string, id: string, known: Set<string>, kind: string) => {
    if (!known.has(id)) issues.push(error(`${at}.${path}`, `unknown ${kind} \`${id}\``, suggestId(id, known, `${kind}s`), deal.id));
    return known.has(id);
  };
  const period = (path: string, id: string) => {
    if (!ctx.periodIds.has(id)) issues.push(unknownPeriod(`${at}.${path}`, id, ctx.periodIds, deal.id));
    return ctx.periodIds.has(id);
  };
  return { issues, check, period };
}

/** A deal's amounts are converted at each listed period's rate, so its currency needs one for each. */
export function missingRates(ctx: DealCheckContext, d: { id: string; currency: string }, at: string, periods = ctx.periods.map((p) => p.id)): Issue[] {
  const { base, rates } = ctx.s.fx;
  if (d.currency === base) return [];
  const gaps = periods.filter((p) => ctx.periodIds.has(p) && rates[d.currency]?.[p] === undefined);
  if (gaps.length === 0) return [];
  return [
    error(
      `${at}.currency`,
      `no ${d.currency} rate for ${gaps.join(", ")} (the deal's amounts are in ${d.currency})`,
      `add fx.rates.${d.currency}.${gaps[0]}: <${d.currency} per ${base}>`,
      d.id,
    ),
  ];
}

export function round(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}
