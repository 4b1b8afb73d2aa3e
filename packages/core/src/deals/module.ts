import type { z } from "zod";
import type { Issue } from "../issues/issue.js";
import type { Period } from "../time/periods.js";
import type { DealCheckContext, ScenarioParts } from "./check.js";
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

/** What a deal type's own terms are computed from: the scenario, and the analysis's evaluation of the deal as agreed. */
export interface TermsContext {
  scenario: ScenarioParts;
  periods: readonly Period[];
  /** Each party's after-tax NPV of its gain against the counterfactual, reporting currency (absent: no gain or no tax rate). */
  afterTax: ReadonlyMap<string, number>;
  /** A company's whole-company net income in period t as evaluated with the deal, reporting currency; null without a tax rate. */
  netIncome: (company: string, t: number) => number | null;
  /** The change the deal makes to a column of a company's results row in period t (as agreed less counterfactual), reporting currency. */
  delta: (company: string, column: "operatingProfit" | "fixedCost" | "dealCosts" | "profit", t: number) => number;
  /** An amount converted from one currency to another at period t's average rates. */
  convert: (amount: number, from: string, to: string, t: number) => number;
  /**
   * Discounting at a company's rate (or at parameters.discountRate for one
   * outside the scenario): mid-period factors by period index, the factor of
   * the horizon's last day, and whether each period's middle lies after the
   * valuation date (the cash a decision taken on that day can still change).
   */
  discount: (company: string) => { factors: number[]; end: number; future: boolean[] };
  /** Index of the period holding the valuation date (clamped to the horizon). */
  valuationPeriod: number;
}

/** Terms of a deal beyond its parties' gains (an issue-price zone, a dilution), as report lines and as figures for JSON. */
export interface DealTerms {
  lines: string[];
  figures: Record<string, unknown>;
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
  /** Deals this one groups (a programme of closures): its counterfactual replaces each of them by theirs as well. */
  members?(deal: D): string[];
  /** Other counterfactuals the deal is also valued against (DealOptions.alternative), each reported beside the main one. */
  readonly alternatives?: readonly { id: string; label: string }[];
  /** Terms the type reports beside each party's NPV, from the evaluated deal (none: its gains say it all). */
  terms?(deal: D, ctx: TermsContext): DealTerms | undefined;
  /** Programs the deal builds and where: routes that the lane checks and the optimiser must know. */
  builds?(deal: D): Builds[];
  /** The programs a deal names as built by it, read from the document even when the deal failed the schema. */
  rawPrograms?(raw: RawDeal): string[];
}

/**
 * Money attributes at `paths` inside a raw deal, in the deal's own currency.
 * A path is a list of keys into nested objects ("*": every key of the object
 * there): ["oneOff"], ["investeeProfit", "*"], ["investeeMarket", "marketCap"].
 */
export function ownCurrencyMoney(raw: RawDeal, base: string, paths: readonly (readonly string[])[]): MoneyAt[] {
  const currency = typeof raw.currency === "string" ? raw.currency : base;
  const out: MoneyAt[] = [];
  const walk = (node: unknown, keys: readonly string[], at: string[]) => {
    const [key, ...rest] = keys;
    if (key === undefined) {
      out.push({ path: at, value: node, currency });
      return;
    }
    if (node === null || typeof node !== "object") return;
    const entries = key === "*" ? Object.entries(node as RawDeal) : [[key, (node as RawDeal)[key]] as const];
    for (const [k, v] of entries) walk(v, rest, [...at, k]);
  };
  for (const path of paths) walk(raw, path, []);
  return out;
}
