import type { DealCheckContext } from "../deals/check.js";
import type { Scenario } from "../scenario/schema.js";
import { expandHorizon } from "../time/periods.js";

/** What the semantic checks share: the parsed scenario and its id sets (those a deal's checks see, and more). */
export interface CheckContext extends DealCheckContext {
  s: Scenario;
  /** Programs built by deals that failed the schema (they may still have no sourcing of their own). */
  hostedElsewhere: Set<string>;
  /** Plants by id, the first of a duplicated id (as `plants.find` would): a lookup per program × plant × market. */
  plantById: Map<string, Scenario["plants"][number]>;
}

export function checkContext(s: Scenario): CheckContext {
  const periods = expandHorizon(s.horizon);
  return {
    s,
    periods,
    periodIds: new Set(periods.map((p) => p.id)),
    companyIds: new Set(s.companies.map((c) => c.id)),
    marketIds: new Set(s.markets.map((m) => m.id)),
    plantIds: new Set(s.plants.map((p) => p.id)),
    programIds: new Set(s.programs.map((p) => p.id)),
    measureIds: new Set(s.tariffs.map((t) => t.id)),
    hostedElsewhere: new Set(),
    plantById: firstById(s.plants),
  };
}

function firstById<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const e of list) if (!out.has(e.id)) out.set(e.id, e);
  return out;
}
