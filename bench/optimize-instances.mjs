/**
 * Optimisation instances for the benchmark: a synthetic scenario from
 * generate.mjs, priced by core's lane economics, as the optimiser's Instance
 * and as plain JSON that bench/peer_optimize.py reads to build the same model.
 */
import { laneEconomics, validateScenario } from "@tieup/core";
import { instanceFromEconomics } from "@tieup/optimize";
import { generateScenario } from "./generate.mjs";

/** The sizes of the benchmark: LPs of about 1k, 10k and 100k variables, and a footprint MILP with a few hundred binaries. */
export const SIZES = {
  "lp-1k": { scenario: { plants: 12, programs: 40, markets: 3, periods: 4 }, milp: false },
  "lp-10k": { scenario: { plants: 30, programs: 100, markets: 5, periods: 5 }, milp: false },
  "lp-100k": { scenario: { plants: 60, programs: 195, markets: 10, periods: 6 }, milp: false },
  "milp-300": { scenario: { plants: 60, programs: 40, markets: 2, periods: 5 }, milp: true },
};

/** Footprint options of the MILP instances (closure cost: the default, one year of fixed cost). */
export const MILP = { minUtilisation: 0.3, retoolCost: 0 };

export function buildInstance(name, seed = 7) {
  const spec = SIZES[name];
  if (!spec) throw new Error(`unknown size ${name}; one of ${Object.keys(SIZES).join(", ")}`);
  const checked = validateScenario(generateScenario({ ...spec.scenario, seed }));
  if (!checked.scenario) throw new Error(`generated scenario is invalid: ${checked.issues.map((i) => `${i.path} ${i.message}`).join("; ")}`);
  const s = checked.scenario;
  const platform = new Map(s.programs.map((p) => [p.id, p.platform]));
  const inst = instanceFromEconomics(
    laneEconomics(s),
    (id) => platform.get(id) ?? "",
    () => true,
  );
  return { inst, milp: spec.milp };
}

/** The instance as JSON for the Python peers: lanes by column, plants by index, pools lane-major. */
export function instanceJson(inst, milp) {
  const L = inst.lanes;
  const plantIndex = new Map(inst.plants.map((p, i) => [p.id, i]));
  const contribution = Array.from({ length: L.length }, (_, f) => L.sellerMargin[f] - L.builderCost[f] + L.offset[f]);
  return JSON.stringify({
    periods: inst.periods,
    plants: inst.plants.map((p) => ({ id: p.id, capacity: p.capacity, fixedCost: p.fixedCost, annualFixedCost: p.annualFixedCost })),
    lanes: {
      period: Array.from(L.period),
      plant: L.plant.map((id) => plantIndex.get(id)),
      program: L.program,
      market: L.market,
      builder: L.builder,
      demand: Array.from(L.demand),
      contribution,
    },
    pools: inst.pools,
    poolOffset: Array.from(inst.poolOffset),
    poolParts: Array.from(inst.poolParts),
    milp: milp ? MILP : null,
  });
}
