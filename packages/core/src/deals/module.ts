import type { z } from "zod";
import type { Issue } from "../issues/issue.js";
import type { DealCheckContext } from "./check.js";
import type { DealEffects, DealOptions, EffectContext } from "./effects.js";

/** A deal document as written, before validation. */
export type RawDeal = Record<string, unknown>;

/** A money attribute of a deal as written, and the currency it must be in (checked before the schema converts units). */
export interface MoneyAt {
  path: PropertyKey[];
  value: unknown;
  currency: string;
}

/** Currencies a raw deal's amounts may be held in: the base, and each program's own. */
export interface RawCurrencies {
  base: string;
  programCurrency: (programId: unknown) => string;
}

/** A program a deal builds, and the plants it builds it at (as agreed and as its counterfactual). */
export interface Builds {
  program: string;
  plants: string[];
}

/**
 * Everything tieup knows about one type of deal, in one module: its schema,
 * what it does to the model (as agreed or as its counterfactual), the checks
 * that need the whole scenario, its money attributes, and the programs it
 * builds where. The registry (registry.ts) lists the modules; every place
 * that needs a deal type's knowledge asks the registry instead of switching
 * on the type.
 */
export interface DealModule<D extends { id: string; type: string }> {
  readonly type: D["type"];
  readonly schema: z.ZodType<D>;
  /** One-line summary for the scenario reference's table of deal types. */
  readonly summary: string;
  /** Adds the deal's effects, as agreed or (when `opts.counterfactual` has it) as its counterfactual. */
  effects(deal: D, ctx: EffectContext, opts: DealOptions, out: DealEffects): void;
  /** Checks that need the whole scenario (references, periods, sums), with paths under `at` (e.g. deals[3]). */
  check(deal: D, ctx: DealCheckContext, at: string): Issue[];
  /** Money attributes of the deal as written and the currency each must be in (none: only its own `currency`). */
  money?(raw: RawDeal, currencies: RawCurrencies): MoneyAt[];
  /** Programs the deal builds and where: routes that the lane checks and the optimiser must know. */
  builds?(deal: D): Builds[];
  /** The programs a deal names as built by it, read from the document even when the deal failed the schema. */
  rawPrograms?(raw: RawDeal): string[];
}

/** Money attributes at `paths` inside a raw deal (a trailing "*" for every key of a record), in the deal's own currency. */
export function ownCurrencyMoney(raw: RawDeal, base: string, paths: readonly (readonly string[])[]): MoneyAt[] {
  const currency = typeof raw.currency === "string" ? raw.currency : base;
  const out: MoneyAt[] = [];
  for (const [field, each] of paths as [string, string?][]) {
    const v = raw[field];
    if (each && v !== null && typeof v === "object") for (const [k, x] of Object.entries(v as RawDeal)) out.push({ path: [field, k], value: x, currency });
    else if (!each) out.push({ path: [field], value: v, currency });
  }
  return out;
}
