import type { Plant } from "../schema/plant.js";
import type { Period } from "../time/periods.js";
import type { ScenarioParts } from "./check.js";

/**
 * What deals do to the model, in terms the evaluator understands. Each deal
 * type turns its scenario entry into these effects, either as agreed or as
 * its counterfactual (what the parties would do without it); the evaluator
 * then needs no knowledge of deal types.
 */

/** Units of a program built for its seller at a plant, carved out of the program's demand. */
export interface HostedVolume {
  deal: string;
  /** Plant that builds the volume; null when, without the deal, it is not sold at all. */
  plant: Plant | null;
  /** Units by period index (over all the program's markets). */
  volume: number[];
  /** Price per unit the seller pays the plant's owner, base currency, by period index (0 when they are one company). */
  price: number[];
}

/** A one-off amount booked by a company in a period: positive a cost (retooling, closure, development), negative a gain (sale proceeds). */
export interface OneOff {
  deal: string;
  company: string;
  t: number;
  /** Base currency. */
  amount: number;
  item: string;
  /** False for a non-cash item (a write-off): in profit, not in cash. */
  cash?: boolean;
  /** Booked as the company's fixed cost rather than a deal cost (the part of a closed plant's fixed cost that stays). */
  fixedCost?: boolean;
}

/** Equity-method income of a stake, and the dividends received (cash, not profit), base currency. */
export interface EquityIncome {
  deal: string;
  company: string;
  t: number;
  income: number;
  dividends: number;
  /** Cash from selling shares of the stake in the period (not profit). */
  proceeds?: number;
}

/** A component supplied to a buyer's programs from a period on (per unit, base currency by period index). */
export interface Supply {
  deal: string;
  supplier: string;
  buyer: string;
  programs: ReadonlySet<string>;
  /** Country the component comes from (the supplier plant's), for duties. */
  origin: string;
  from: number;
  price: number[];
  supplierCost: number[];
  replacedCost: number[];
}

/** A plant's closure: its last day and where its volume goes (shares; the rest is lost). */
export interface Closure {
  deal: string;
  lastDay: string;
  moveTo: Readonly<Record<string, number>>;
}

export interface DealEffects {
  /** By program id. */
  hosted: Map<string, HostedVolume[]>;
  /** Variable-cost multiplier by program id and period index (learning curves). */
  costFactor: Map<string, number[]>;
  oneOffs: OneOff[];
  equity: EquityIncome[];
  supplies: Supply[];
  /** By plant id. */
  closures: Map<string, Closure>;
  /** Units of demand a program loses, by program id, then market id, by period index (cannibalised by a deal's vehicles sold there). */
  demandCut: Map<string, Map<string, number[]>>;
}

export function emptyEffects(): DealEffects {
  return { hosted: new Map(), costFactor: new Map(), oneOffs: [], equity: [], supplies: [], closures: new Map(), demandCut: new Map() };
}

/** What a deal module sees: the scenario, its periods and plants, and FX conversion. */
export interface EffectContext {
  scenario: ScenarioParts;
  periods: Period[];
  periodIndex: Map<string, number>;
  plants: Map<string, Plant>;
  /** Amount in `currency` to the base currency in period t. */
  toBase: (amount: number, currency: string, t: number) => number;
  /** Units of the program sold over all its markets in period t (its demand). */
  demand: (programId: string, t: number) => number;
}

/** Options of an evaluation: prices of open contract-manufacturing deals, and which deals to replace by their counterfactual. */
export interface DealOptions {
  /** Transfer price per unit (program currency) by deal id, for deals whose price is open or being swept. */
  prices?: Readonly<Record<string, number>>;
  /** Deals evaluated as their counterfactual. */
  counterfactual?: ReadonlySet<string>;
  /** Deals left out altogether: no effect as agreed nor as counterfactual (for a joint development, neither party develops). */
  absent?: ReadonlySet<string>;
  /** Hypothetical deals evaluated as agreed (the scenario's results leave them out otherwise). */
  whatIf?: ReadonlySet<string>;
  /** Deals replaced by one of their module's named alternative counterfactuals (a closure against keeping the plant idle). */
  alternative?: ReadonlyMap<string, string>;
}
