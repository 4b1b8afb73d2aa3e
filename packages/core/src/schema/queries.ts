import type { Lane } from "./lane.js";
import type { Plant } from "./plant.js";
import type { ProgramMarket } from "./program.js";

/** Units sold of a program in one of its markets in a period. */
export function demandIn(pm: ProgramMarket, period: { id: string }): number {
  const d = pm.demand;
  if (typeof d === "number") return d;
  return d[period.id] ?? 0;
}

/** The lane a plant ships to a market on: its own lane, else its country's. */
export function findLane(lanes: readonly Lane[], plant: Plant, marketId: string): Lane | undefined {
  return lanes.find((l) => l.to === marketId && l.from === plant.id) ?? lanes.find((l) => l.to === marketId && l.from === plant.country);
}

/** A program's content shares at a plant: the plant's own where given, else the program's. */
export function contentAt(
  program: { content: Readonly<Record<string, number>>; plantContent?: Readonly<Record<string, Readonly<Record<string, number>>>> },
  plantId: string,
) {
  return program.plantContent?.[plantId] ?? program.content;
}
