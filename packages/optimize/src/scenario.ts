import { evaluate, laneEconomics, listsPlatform, type Scenario } from "@tieup/core";
import { type Instance, instanceFromEconomics } from "./problem/instance.js";

/**
 * A scenario as an optimisation instance, with its own sourcing (the units
 * `evaluate` reports per lane) as the baseline. Lanes: plants that list the
 * program's platform or build it in the scenario (own sourcing or a deal);
 * with `footprint`, every plant (the non-native ones need retooling).
 */
export interface ScenarioInstance {
  inst: Instance;
  /** Units per lane in the scenario's own sourcing. */
  baseline: Float64Array;
  warnings: string[];
}

export function scenarioInstance(scenario: Scenario, options: { footprint?: boolean } = {}): ScenarioInstance {
  const results = evaluate(scenario);
  const f = results.flows.data;
  const built = new Set<string>();
  for (let i = 0; i < results.flows.length; i++) built.add(`${f.program?.[i]}\u0000${f.plant?.[i]}`);
  const native = (program: Scenario["programs"][number], plant: Scenario["plants"][number]) =>
    listsPlatform(program, plant) || built.has(`${program.id}\u0000${plant.id}`);
  const economics = laneEconomics(scenario, options.footprint ? () => true : native);
  const programs = new Map(scenario.programs.map((p) => [p.id, p]));
  const plants = new Map(scenario.plants.map((p) => [p.id, p]));
  const inst = instanceFromEconomics(
    economics,
    (id) => programs.get(id)?.platform ?? "",
    (lane) => {
      const program = programs.get(economics.program[lane] as string);
      const plant = plants.get(economics.plant[lane] as string);
      return program !== undefined && plant !== undefined && native(program, plant);
    },
  );
  const index = new Map<string, number>();
  for (let l = 0; l < inst.lanes.length; l++)
    index.set(laneKey(inst.periods[inst.lanes.period[l] as number], inst.lanes.program[l], inst.lanes.plant[l], inst.lanes.market[l]), l);
  const baseline = new Float64Array(inst.lanes.length);
  const warnings = [...economics.warnings];
  for (let i = 0; i < results.flows.length; i++) {
    const units = f.units?.[i] as number;
    const l = index.get(laneKey(f.period?.[i], f.program?.[i], f.plant?.[i], f.market?.[i]));
    if (l !== undefined) baseline[l] = (baseline[l] as number) + units;
    else if (units > 0) warnings.push(`own sourcing of ${f.program?.[i]} at ${f.plant?.[i]} for ${f.market?.[i]} in ${f.period?.[i]} has no lane (not priced)`);
  }
  return { inst, baseline, warnings };
}

function laneKey(...parts: unknown[]): string {
  return parts.join("\u0000");
}
