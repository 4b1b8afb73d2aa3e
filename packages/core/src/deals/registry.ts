import { z } from "zod";
import type { DealModule } from "./module.js";
import { capitalInjection } from "./types/capital-injection.js";
import { capitalTie } from "./types/capital-tie.js";
import { componentSupply } from "./types/component-supply.js";
import { contractManufacturing } from "./types/contract-manufacturing.js";
import { jointDevelopment } from "./types/joint-development.js";
import { plantAction } from "./types/plant-action.js";
import { programme } from "./types/programme.js";

export * from "./types/capital-injection.js";
export * from "./types/capital-tie.js";
export * from "./types/component-supply.js";
export * from "./types/contract-manufacturing.js";
export * from "./types/joint-development.js";
export * from "./types/plant-action.js";
export * from "./types/programme.js";

/** Every deal type tieup knows, one module each (see module.ts). Adding a type: a module in types/ and one entry here. */
export const DEAL_MODULES = [contractManufacturing, jointDevelopment, componentSupply, capitalTie, capitalInjection, plantAction, programme] as const;

type Schemas<T extends readonly unknown[]> = { -readonly [K in keyof T]: T[K] extends { schema: infer S } ? S : never };

export const Deal = z
  .discriminatedUnion("type", DEAL_MODULES.map((m) => m.schema) as unknown as Schemas<typeof DEAL_MODULES>)
  .meta({ title: "Deal", description: "A cooperation between companies, or a company's action on its footprint, analysed against its counterfactual." });
export type Deal = z.infer<typeof Deal>;
export type DealType = Deal["type"];

const BY_TYPE = new Map<string, DealModule<Deal>>(DEAL_MODULES.map((m) => [m.type, m as unknown as DealModule<Deal>]));

/** The module of a deal's type (every validated deal has one). */
export function moduleOf<D extends Deal>(deal: D): DealModule<D> {
  const m = BY_TYPE.get(deal.type);
  if (!m) throw new Error(`internal: no module for deal type ${deal.type}`);
  return m as unknown as DealModule<D>;
}

/** The deals a deal's counterfactual replaces: itself, and the members of a programme. */
export function replacedBy(deal: Deal): Set<string> {
  return new Set([deal.id, ...(moduleOf(deal).members?.(deal) ?? [])]);
}

/** The module of a type named in a document, if tieup knows it. */
export function moduleNamed(type: unknown): DealModule<Deal> | undefined {
  return typeof type === "string" ? BY_TYPE.get(type) : undefined;
}

/** Plants at which the scenario's deals build a program (as agreed and as counterfactual). */
export function plantsBuilding(deals: readonly Deal[], programId: string): string[] {
  return deals.flatMap((d) => (moduleOf(d).builds?.(d) ?? []).filter((b) => b.program === programId).flatMap((b) => b.plants));
}

/** Programs that some deal of a document builds, read from the deals as written (valid or not). */
export function programsBuiltRaw(deals: unknown): Set<string> {
  const out = new Set<string>();
  if (!Array.isArray(deals)) return out;
  for (const d of deals) {
    if (d === null || typeof d !== "object") continue;
    for (const p of moduleNamed((d as { type?: unknown }).type)?.rawPrograms?.(d as Record<string, unknown>) ?? []) out.add(p);
  }
  return out;
}
