import type { z } from "zod";

/**
 * Finds the zod schema at a document path, to name the keys and options it
 * accepts in suggestions (and to generate the reference docs). Unwraps
 * optional, default, pipe/transform and picks object options of unions.
 */
type AnySchema = z.ZodType;

interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  element?: AnySchema;
  valueType?: AnySchema;
  options?: AnySchema[];
  shape?: Record<string, AnySchema>;
}

export function defOf(s: AnySchema): Def {
  return (s as unknown as { _zod: { def: Def } })._zod.def;
}

export function unwrap(s: AnySchema): AnySchema {
  let cur = s;
  for (;;) {
    const d = defOf(cur);
    if ((d.type === "optional" || d.type === "default" || d.type === "nullable" || d.type === "prefault") && d.innerType) cur = d.innerType;
    else if (d.type === "pipe" && d.in) cur = d.in;
    else return cur;
  }
}

export function shapeOf(s: AnySchema): Record<string, AnySchema> | undefined {
  const d = defOf(unwrap(s));
  if (d.type === "object") return d.shape;
  if (d.type === "union" && d.options) {
    const merged: Record<string, AnySchema> = {};
    for (const o of d.options) Object.assign(merged, shapeOf(o) ?? {});
    return Object.keys(merged).length ? merged : undefined;
  }
  return undefined;
}

export function childAt(s: AnySchema, key: PropertyKey): AnySchema | undefined {
  const u = unwrap(s);
  const d = defOf(u);
  if (d.type === "array" && typeof key === "number") return d.element;
  if (d.type === "record") return d.valueType;
  if (d.type === "union" && d.options) {
    for (const o of d.options) {
      const c = childAt(o, key);
      if (c) return c;
    }
    return undefined;
  }
  return shapeOf(u)?.[String(key)];
}

export function schemaAt(root: AnySchema, path: readonly PropertyKey[]): AnySchema | undefined {
  let cur: AnySchema | undefined = root;
  for (const p of path) {
    if (!cur) return undefined;
    cur = childAt(cur, p);
  }
  return cur;
}
