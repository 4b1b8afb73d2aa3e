import { type Model, sourcingAt } from "../model/model.js";
import type { PriceResponse } from "../scenario/schema.js";
import type { Lane } from "../schema/lane.js";
import type { Market } from "../schema/market.js";
import { builderAt, type Plant } from "../schema/plant.js";
import type { Program, ProgramMarket } from "../schema/program.js";
import { contentAt, demandIn, findLane } from "../schema/queries.js";
import { dayNumber } from "../time/dates.js";
import { cumulativeDayWeights, shareOfPeriod } from "../time/periods.js";
import { type CostSplit, costSplit } from "./costs.js";
import {
  customsValuePerUnit,
  type MeasureCharge,
  offsetSchedules,
  type PartsSlot,
  partsSlots,
  type SalesProfile,
  type ScheduleCache,
  type SlotSchedules,
  vehicleSchedules,
} from "./duty.js";
import type { FxTable } from "./fx.js";
import type { Codes } from "./lines.js";

/*
 * Everything about a flow that does not depend on the period, resolved once
 * per evaluation. Speed: the loop over periods runs once per flow (a million
 * times for a big model); keeping lookups by key string (lanes, schedule
 * slots, demand by period id) out of it is most of what makes it fast.
 */

/** Per-evaluation state shared by the routes of every program. */
export interface RouteContext {
  model: Model;
  cache: ScheduleCache;
  lanes: Lanes;
  fx: FxTable;
  /** Codes of companies (sellers, builders, payers of duty lines). */
  companies: Codes;
  /** Codes of plants. */
  plants: Codes;
  /** Codes of market ids. */
  markets: Codes;
}

/** One market of a program, with its demand by period index. */
export interface MarketRoute {
  /** Position in the program's market list; indexes `PlantRoute.legs`. */
  index: number;
  id: string;
  /** Code of the market id (RouteContext.markets). */
  code: number;
  market: Market;
  pm: ProgramMarket;
  /** Price and MSRP (the price when no MSRP is given) in the market's currency. */
  price: number;
  msrp: number;
  currency: string;
  /** Price, MSRP and customs value per unit in the base currency, by period index (the same in every evaluation of the model). */
  priceBase: readonly number[];
  msrpBase: readonly number[];
  customs: readonly number[];
  profile: SalesProfile | undefined;
  demand: number[];
  /** The market's price responses that apply to this program's seller, with the share of each period's sales in their dates. */
  responses: { response: PriceResponse; share: number[] }[];
}

/** What a flow from one plant into one market needs besides the period. */
export interface Leg {
  lane: Lane | undefined;
  /** The lane's cost per unit in the base currency by period index; undefined without a lane. */
  laneCost: readonly number[] | undefined;
  /** Duties on the finished vehicle; none when built in the market's country. */
  vehicle: SlotSchedules | undefined;
  /** Offset credits; only when built in the market's country. */
  offsets: SlotSchedules | undefined;
  /** Imported parts, day-weighted with the market's sales profile (shared by markets with the same profile). */
  parts: PartsSlot[];
  /** Index of `parts` among the plant's distinct parts slots, to memoise their duties per period by index. */
  partsIndex: number;
}

/** A program built in one plant: its imported parts and its legs, by market index. */
export interface PlantRoute {
  plant: Plant;
  /** Code of the plant. */
  code: number;
  /** Code of the builder: the plant's owner, or the seller itself at a plant it owns part of. */
  owner: number;
  /** Id of that builder, and whether it is another company than the seller (contract manufacturing). */
  builder: string;
  foreignBuilder: boolean;
  /** Content shares of the program's vehicles built at this plant. */
  content: Readonly<Record<string, number>>;
  /** How the program's variable cost at this plant splits over currencies (the same in every period). */
  costSplit: CostSplit;
  legs: Leg[];
  /** Parts duties per unit by period index, then the leg's `partsIndex` (markets with the same profile share them), computed on first use. */
  parts: (PartsCharges | undefined)[][];
}

/** Parts duties per unit of a vehicle: by measure, and their sum. */
export interface PartsCharges {
  charges: MeasureCharge[];
  perUnit: number;
}

/** A plant building a program in some period, with its share of the program's volume. */
export interface ActivePlant {
  plant: Plant;
  share: number;
}

/** A program's markets and, per plant (resolved on first use), its routes. */
export class ProgramRoutes {
  readonly markets: MarketRoute[] = [];
  /** Number of markets with demand, by period index. */
  readonly marketsSelling: number[];
  /** Code of the seller. */
  readonly seller: number;
  private readonly byPlant = new Map<string, PlantRoute>();
  private readonly activeByShares = new Map<Readonly<Record<string, number>>, ActivePlant[]>();

  constructor(
    private readonly ctx: RouteContext,
    readonly program: Program,
    /** Position of the program in the model's programs. */
    readonly index: number,
  ) {
    this.seller = ctx.companies.code(program.seller);
    const cuts = ctx.model.effects.demandCut.get(program.id);
    // Everything but demand is the same in every model sharing the cache (deals cut demand only).
    const markets = ctx.cache.route(program, MARKETS, () => marketsOf(ctx, program));
    for (const m of markets) {
      const cut = cuts?.get(m.id);
      // Sales a deal's vehicles take from this program in this market (cannibalisation), never below zero.
      const demand = ctx.model.periods.map((p) => Math.max(0, demandIn(m.pm, p) - (cut?.[p.index] ?? 0)));
      this.markets.push(withDemand(m, demand));
    }
    this.marketsSelling = ctx.model.periods.map((p) => this.markets.filter((m) => (m.demand[p.index] as number) > 0).length);
  }

  /** The plants that build the program in period t; memoised per sourcing step, as periods share them. */
  active(t: number): ActivePlant[] {
    const shares = sourcingAt(this.program, this.ctx.model, t);
    let plants = this.activeByShares.get(shares);
    if (plants === undefined) {
      plants = activePlants(this.ctx.model, shares);
      this.activeByShares.set(shares, plants);
    }
    return plants;
  }

  /**
   * The program's route from a plant. Shared by the models that share the
   * context's cache (a draw's counterfactuals): it depends on the program,
   * the plant's id, country, owners and currency and the scenario's lanes,
   * FX and tariffs, which deals do not change (a closure changes only when
   * the plant is open, which the shares read).
   */
  plant(plant: Plant): PlantRoute {
    let route = this.byPlant.get(plant.id);
    if (route === undefined) {
      route = this.ctx.cache.route(this.program, plant.id, () => this.makeRoute(plant));
      this.byPlant.set(plant.id, route);
    }
    return route;
  }

  private makeRoute(plant: Plant): PlantRoute {
    const { cache, companies, plants, lanes } = this.ctx;
    const { program } = this;
    const schedules = legSchedules(cache, program, plant, this.markets);
    const builder = builderAt(plant, program.seller);
    return {
      plant,
      code: plants.code(plant.id),
      owner: companies.code(builder),
      builder,
      foreignBuilder: builder !== program.seller,
      content: contentAt(program, plant.id),
      costSplit: costSplit(this.ctx.model, program, plant),
      legs: this.markets.map(({ id }, i) => {
        const lane = lanes.of(plant, id);
        return { lane, laneCost: lane && lanes.cost(lane, this.ctx.fx), ...(schedules[i] as Omit<Leg, "lane" | "laneCost">) };
      }),
      parts: [],
    };
  }
}

/** Key of a program's markets in ScheduleCache.route (not a plant id: validation requires ids to be non-empty). */
const MARKETS = "";

/** A program's markets as in every model of the scenario: all of MarketRoute but the demand. */
function marketsOf(ctx: RouteContext, program: Program): Omit<MarketRoute, "demand">[] {
  const out: Omit<MarketRoute, "demand">[] = [];
  for (const [id, pm] of Object.entries(program.markets)) {
    const market = ctx.model.markets.get(id);
    if (!market) continue;
    const priceBase = ctx.fx.series(pm.price, market.currency);
    out.push({
      index: out.length,
      id,
      code: ctx.markets.code(id),
      market,
      pm,
      price: pm.price,
      msrp: pm.msrp ?? pm.price,
      currency: market.currency,
      priceBase,
      msrpBase: ctx.fx.series(pm.msrp ?? pm.price, market.currency),
      customs: priceBase.map((p, t) => customsValuePerUnit(ctx.model, program, p, market.currency, t)),
      profile: pm.monthlyProfile && ctx.cache.profile(pm.monthlyProfile),
      responses: responsesOf(ctx.model, id, program.seller, pm.monthlyProfile),
    });
  }
  return out;
}

/** A market route with this model's demand. Written out, not spread: a spread copy was slow to read in the flow loop (speed). */
function withDemand(m: Omit<MarketRoute, "demand">, demand: number[]): MarketRoute {
  return {
    index: m.index,
    id: m.id,
    code: m.code,
    market: m.market,
    pm: m.pm,
    price: m.price,
    msrp: m.msrp,
    currency: m.currency,
    priceBase: m.priceBase,
    msrpBase: m.msrpBase,
    customs: m.customs,
    profile: m.profile,
    demand,
    responses: m.responses,
  };
}

/** The schedules of a program's legs from a plant, by market index: vehicle duties, offsets, and parts slots shared by markets with the same profile. */
function legSchedules(cache: ScheduleCache, program: Program, plant: Plant, markets: readonly MarketRoute[]): Omit<Leg, "lane" | "laneCost">[] {
  const partsByProfile = new Map<SalesProfile | undefined, { slots: PartsSlot[]; index: number }>();
  const parts = (profile: SalesProfile | undefined) => {
    let p = partsByProfile.get(profile);
    if (p === undefined) {
      p = { slots: partsSlots(cache, program, plant, profile), index: partsByProfile.size };
      partsByProfile.set(profile, p);
    }
    return p;
  };
  return markets.map(({ market, profile }) => ({
    vehicle: vehicleSchedules(cache, program, plant, market.country, profile),
    offsets: offsetSchedules(cache, program, plant, market.country, profile),
    parts: parts(profile).slots,
    partsIndex: parts(profile).index,
  }));
}

/** Price responses of a market for a seller, each with the share of every period's sales (days, or the monthly profile) in its dates. */
function responsesOf(model: Model, marketId: string, seller: string, profile: readonly number[] | undefined): MarketRoute["responses"] {
  return model.scenario.priceResponses
    .filter((r) => r.market === marketId && (r.companies === undefined || r.companies.includes(seller)))
    .map((response) => {
      const from = dayNumber(response.from);
      const to = response.to === undefined ? Number.POSITIVE_INFINITY : dayNumber(response.to);
      return { response, share: model.periods.map((p) => shareOfPeriod(p, from, to, profile ? cumulativeDayWeights(p, profile) : undefined)) };
    });
}

/** Plants of a sourcing step with their shares (unknown plants and zero shares left out). */
export function activePlants(model: Model, shares: Readonly<Record<string, number>>): ActivePlant[] {
  const out: ActivePlant[] = [];
  for (const [plantId, share] of Object.entries(shares)) {
    const plant = model.plants.get(plantId);
    if (plant && share > 0) out.push({ plant, share });
  }
  return out;
}

/** Lanes by plant and market, found once per pair (a plant lane wins over a country lane). */
export class Lanes {
  private readonly byPlant = new Map<Plant, Map<string, Lane | undefined>>();
  private readonly costs = new Map<Lane, number[]>();
  constructor(private readonly lanes: readonly Lane[]) {}

  /** A lane's cost per unit in the base currency by period index, once per lane. */
  cost(lane: Lane, fx: FxTable): number[] {
    let c = this.costs.get(lane);
    if (c === undefined) {
      c = fx.series(lane.costPerUnit, lane.currency);
      this.costs.set(lane, c);
    }
    return c;
  }

  of(plant: Plant, marketId: string): Lane | undefined {
    let byMarket = this.byPlant.get(plant);
    if (!byMarket) {
      byMarket = new Map();
      this.byPlant.set(plant, byMarket);
    }
    if (!byMarket.has(marketId)) byMarket.set(marketId, findLane(this.lanes, plant, marketId));
    return byMarket.get(marketId);
  }
}
