import type { LaneEconomics, PlantEconomics } from "@tieup/core";
import { laneCodes } from "./codes.js";

/**
 * What the formulations read: lanes with their per-unit money split by whose
 * books it is in, plants with capacity and fixed cost by period. Built from a
 * scenario's lane economics (see scenario.ts) or generated (bench/), so the
 * formulations know nothing of YAML or tariffs.
 */
export interface Instance {
  base: string;
  periods: string[];
  lanes: Lanes;
  /** Offset pools: per lane × pool, the uncapped credit and the parts duties it may offset (per unit). */
  pools: number;
  poolOffset: Float64Array;
  poolParts: Float64Array;
  /** Per pool: whether unused credit carries forward to the builder's later periods (none when absent). */
  poolCarries?: readonly boolean[];
  plants: PlantEconomics[];
}

export interface Lanes {
  length: number;
  period: Int32Array;
  program: string[];
  plant: string[];
  market: string[];
  seller: string[];
  builder: string[];
  platform: string[];
  /** Whether the plant can build the lane's platform without retooling. */
  native: Uint8Array;
  demand: Float64Array;
  /** Price − logistics − vehicle duty, per unit: the seller's. */
  sellerMargin: Float64Array;
  /** Variable cost + parts duty, per unit: the builder's. */
  builderCost: Float64Array;
  /** Offset per unit credited to the builder when offsets are uncapped (pools = 0); 0 otherwise. */
  offset: Float64Array;
  /** Price per unit the seller pays the builder when they are different companies. */
  transfer: Float64Array;
}

/** An instance from core's lane economics; `platformOf` maps program → platform, `native` tells which lanes need no retooling. */
export function instanceFromEconomics(e: LaneEconomics, platformOf: (program: string) => string, native: (lane: number) => boolean): Instance {
  const n = e.length;
  const sellerMargin = new Float64Array(n);
  const builderCost = new Float64Array(n);
  for (let f = 0; f < n; f++) {
    sellerMargin[f] = (e.price[f] as number) - (e.logistics[f] as number) - (e.vehicleDuty[f] as number);
    builderCost[f] = (e.variableCost[f] as number) + (e.partsDuty[f] as number);
  }
  return {
    base: e.base,
    periods: e.periods,
    lanes: {
      length: n,
      period: e.period,
      program: e.program,
      plant: e.plant,
      market: e.market,
      seller: e.seller,
      builder: e.builder,
      platform: e.program.map(platformOf),
      native: Uint8Array.from({ length: n }, (_, f) => (native(f) ? 1 : 0)),
      demand: e.demand,
      sellerMargin,
      builderCost,
      offset: e.pools > 0 ? new Float64Array(n) : e.offset,
      transfer: e.transfer,
    },
    pools: e.pools,
    poolOffset: e.poolOffset,
    poolParts: e.poolParts,
    poolCarries: e.poolCarries,
    plants: e.plants,
  };
}

/** Contribution per unit of a lane for the alliance as a whole (transfers cancel). */
export function laneContribution(inst: Instance, f: number): number {
  const l = inst.lanes;
  return (l.sellerMargin[f] as number) - (l.builderCost[f] as number) + (l.offset[f] as number);
}

/** Which lanes and plants a solve may use: the companies in it, and whether one may build for another. */
export interface Scope {
  companies: readonly string[];
  crossCompany: boolean;
}

/** The lanes of an instance a scope allows, as indices into the instance's lanes. */
export function lanesInScope(inst: Instance, scope: Scope): Int32Array {
  const c = laneCodes(inst);
  const inside = Uint8Array.from(c.companies, (id) => (scope.companies.includes(id) ? 1 : 0));
  const out = new Int32Array(inst.lanes.length);
  const { seller, builder } = c;
  const cross = scope.crossCompany;
  let n = 0;
  for (let f = 0; f < out.length; f++) {
    const s = seller[f] as number;
    const b = builder[f] as number;
    if (inside[s] && inside[b] && (cross || s === b)) out[n++] = f;
  }
  return out.slice(0, n);
}

/** Companies of an instance: sellers and plant owners, in order of first appearance. */
export function companiesOf(inst: Instance): string[] {
  return [...new Set([...inst.plants.map((p) => p.owner), ...inst.lanes.seller])];
}
