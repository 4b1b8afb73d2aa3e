import { z } from "zod";
import { Scenario } from "../scenario/schema.js";
import type { Location } from "./paths.js";

/** The range the scenario schema allows a number: `min`/`max` absent when that side is open. */
export interface Bounds {
  min?: number;
  max?: number;
}

type Schema = z.ZodType;
interface Def {
  type: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  valueType?: Schema;
  innerType?: Schema;
  in?: Schema;
  options?: Schema[];
  getter?: () => Schema;
  left?: Schema;
  right?: Schema;
  values?: unknown[];
}

const defOf = (s: Schema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"]);

/**
 * The bounds the scenario schema puts on the number at `at` (read from the
 * quantity's `minimum`/`maximum` metadata or a plain number's checks), so a
 * sweep can refuse distributions that would draw what the schema refuses:
 * a negative capacity, a fraction above 1. Undefined when the schema sets
 * none. Where a union leaves several schemas possible, the loosest bound wins
 * (validation should not refuse what some reading of the path allows).
 */
export function schemaBounds(root: unknown, at: Location, schema: Schema = Scenario): Bounds | undefined {
  const leaves = walk(schema, root, at).map(boundsOf);
  if (leaves.length === 0 || leaves.some((b) => b === undefined)) return undefined;
  const bs = leaves as Bounds[];
  const min = bs.every((b) => b.min !== undefined) ? Math.min(...bs.map((b) => b.min as number)) : undefined;
  const max = bs.every((b) => b.max !== undefined) ? Math.max(...bs.map((b) => b.max as number)) : undefined;
  return min === undefined && max === undefined ? undefined : { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

/** The schemas that can describe the value at `at`, following the value itself through unions. */
function walk(schema: Schema, value: unknown, at: Location): Schema[] {
  const def = defOf(schema);
  if (at.length === 0 && boundsOf(schema)) return [schema];
  if (WRAPPERS.has(def.type) && def.innerType) return walk(def.innerType, value, at);
  if (def.type === "lazy" && def.getter) return walk(def.getter(), value, at);
  if (def.type === "union") return (def.options ?? []).filter((o) => fits(o, value)).flatMap((o) => walk(o, value, at));
  if (def.type === "intersection" && def.left && def.right) return [...walk(def.left, value, at), ...walk(def.right, value, at)];
  if (at.length === 0) return [schema];
  if (def.type === "pipe" && def.in) return walk(def.in, value, at);
  const [head, ...rest] = at as [string | number, ...Location];
  const child = value !== null && typeof value === "object" ? (value as Record<string | number, unknown>)[head] : undefined;
  if (def.type === "object") {
    const next = def.shape?.[String(head)];
    return next ? walk(next, child, rest) : [];
  }
  if (def.type === "array" && def.element && typeof head === "number") return walk(def.element, child, rest);
  if (def.type === "record" && def.valueType) return walk(def.valueType, child, rest);
  return [];
}

/** Whether a union's option can describe `value`: containers by shape, objects by their literal discriminators. */
function fits(option: Schema, value: unknown): boolean {
  let def = defOf(option);
  while (WRAPPERS.has(def.type) && def.innerType) def = defOf(def.innerType);
  const isObject = value !== null && typeof value === "object" && !Array.isArray(value);
  if (def.type === "array") return Array.isArray(value);
  if (def.type === "record") return isObject;
  if (def.type !== "object") return true;
  if (!isObject) return false;
  return Object.entries(def.shape ?? {}).every(([key, s]) => {
    const d = defOf(s);
    return d.type !== "literal" || (d.values ?? []).includes((value as Record<string, unknown>)[key]);
  });
}

function boundsOf(schema: Schema): Bounds | undefined {
  const meta = z.globalRegistry.get(schema) as { minimum?: unknown; maximum?: unknown } | undefined;
  let min = typeof meta?.minimum === "number" ? meta.minimum : undefined;
  let max = typeof meta?.maximum === "number" ? meta.maximum : undefined;
  if (schema instanceof z.ZodNumber) {
    if (Number.isFinite(schema.minValue)) min = schema.minValue as number;
    if (Number.isFinite(schema.maxValue)) max = schema.maxValue as number;
  }
  return min === undefined && max === undefined ? undefined : { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}
