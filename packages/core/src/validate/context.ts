import type { Scenario } from "../scenario/schema.js";
import { expandHorizon, type Period } from "../time/periods.js";

/** What the semantic checks share: the parsed scenario and its id sets. */
export interface CheckContext {
  s: Scenario;
  periods: Period[];
  periodIds: Set<string>;
  companyIds: Set<string>;
  marketIds: Set<string>;
  plantIds: Set<string>;
  programIds: Set<string>;
  measureIds: Set<string>;
  /** Programs built by deals that failed the schema (they may still have no sourcing of their own). */
  hostedElsewhere: Set<string>;
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
  };
}
