import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { composeScenario, type FileReader, type Scenario, validateScenario } from "@tieup/core";
import { type Instance, ModelBuilder } from "../src/index.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

const reader: FileReader = {
  read: (path) => (existsSync(path) ? readFileSync(path, "utf8") : undefined),
  resolve: (from, rel) => resolve(dirname(from), rel),
  // The default scenario extends the shipped libraries by name.
  library: (name) => resolve(root, "library", `${name}.yaml`),
};

/** A scenario of the repository (path from its root), composed and validated. */
export function repoScenario(path: string): Scenario {
  const composed = composeScenario(resolve(root, path), reader, []);
  if (!composed.doc) throw new Error(`cannot compose ${path}`);
  const checked = validateScenario(composed.doc);
  if (!checked.scenario) throw new Error(`invalid ${path}: ${checked.issues.map((i) => `${i.path} ${i.message}`).join("; ")}`);
  return checked.scenario;
}

export interface LaneSpec {
  program: string;
  plant: string;
  seller?: string;
  builder?: string;
  market?: string;
  period?: number;
  demand: number;
  /** Contribution per unit (all in the seller's margin unless split). */
  margin: number;
  builderCost?: number;
  transfer?: number;
  native?: boolean;
  platform?: string;
  offset?: number;
  parts?: number;
}

export interface PlantSpec {
  id: string;
  owner?: string;
  capacity: number | number[];
  fixedCost?: number | number[];
  platforms?: string[];
  closureCost?: number;
}

/** A hand-built instance; one offset pool when any lane has an offset. */
export function tinyInstance(lanes: LaneSpec[], plants: PlantSpec[], periods = ["P1"]): Instance {
  const n = lanes.length;
  const pools = lanes.some((l) => l.offset !== undefined) ? 1 : 0;
  const owner = new Map(plants.map((p) => [p.id, p.owner ?? "a"]));
  const perPeriod = (x: number | number[] | undefined) => periods.map((_, t) => (Array.isArray(x) ? (x[t] as number) : (x ?? 0)));
  return {
    base: "USD",
    periods,
    lanes: {
      length: n,
      period: Int32Array.from(lanes, (l) => l.period ?? 0),
      program: lanes.map((l) => l.program),
      plant: lanes.map((l) => l.plant),
      market: lanes.map((l) => l.market ?? "us"),
      seller: lanes.map((l) => l.seller ?? owner.get(l.plant) ?? "a"),
      builder: lanes.map((l) => l.builder ?? owner.get(l.plant) ?? "a"),
      platform: lanes.map((l) => l.platform ?? "p"),
      native: Uint8Array.from(lanes, (l) => (l.native === false ? 0 : 1)),
      demand: Float64Array.from(lanes, (l) => l.demand),
      sellerMargin: Float64Array.from(lanes, (l) => l.margin),
      builderCost: Float64Array.from(lanes, (l) => l.builderCost ?? 0),
      offset: new Float64Array(n),
      transfer: Float64Array.from(lanes, (l) => l.transfer ?? 0),
    },
    pools,
    poolOffset: Float64Array.from(lanes, (l) => l.offset ?? 0).subarray(0, n * pools),
    poolParts: Float64Array.from(lanes, (l) => l.parts ?? 0).subarray(0, n * pools),
    plants: plants.map((p) => ({
      id: p.id,
      owner: p.owner ?? "a",
      owners: [[p.owner ?? "a", 1]] as [string, number][],
      platforms: p.platforms ?? ["p"],
      capacity: perPeriod(p.capacity),
      fixedCost: perPeriod(p.fixedCost),
      annualFixedCost: perPeriod(p.fixedCost)[0] ?? 0,
      ...(p.closureCost !== undefined ? { closureCost: p.closureCost } : {}),
    })),
  };
}

export { ModelBuilder };
