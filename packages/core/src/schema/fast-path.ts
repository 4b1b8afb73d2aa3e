import type { z } from "zod";

type Parse = z.ZodType["_zod"]["parse"];
type Payload = Parameters<Parse>[0];
type Context = Parameters<Parse>[1];

/**
 * Puts a shortcut in front of a schema's parse: `fast` returns the result
 * for the inputs it can settle cheaply and undefined for the rest, which the
 * schema parses as written. A shortcut must give the value and issues the
 * schema would (each one says why it does, and has a test comparing the two).
 *
 * It replaces the instance's parse (zod v4's `_zod.parse`, and `_zod.run`,
 * which zod sets to the same function on a schema without checks), so the
 * definition, and the JSON Schema and reference generated from it, are
 * unchanged. A copy (`.meta()`, `.describe()`) has no shortcut.
 */
export function withFastPath<T extends z.ZodType>(schema: T, fast: (payload: Payload, ctx: Context) => Payload | undefined): T {
  const internals = schema._zod;
  const full = internals.parse;
  const runIsParse = internals.run === full;
  const parse: Parse = (payload, ctx) => fast(payload, ctx) ?? full(payload, ctx);
  internals.parse = parse;
  if (runIsParse) internals.run = parse;
  return schema;
}

/**
 * A union that tries one of its options first when a cheap test of the input
 * shows that every option before it must fail.
 *
 * Zod tries a union's options in order and keeps the first that passes, so a
 * demand written by period ({ FY2025: 1200, … }) first fails the single
 * quantity (number, string, then a cited value refusing every period key),
 * with all of that failure's issues built and discarded: 60% of parsing a
 * large scenario. When the earlier options cannot pass, the option that
 * passes is the one the union would have kept; when it fails too, the union
 * runs as written, so a failure reports exactly the issues it did.
 */
export function tryFirstWhen<T extends z.ZodUnion>(union: T, index: number, earlierMustFail: (input: unknown) => boolean): T {
  const option = union._zod.def.options[index];
  if (option === undefined) throw new Error(`the union has no option ${index}`);
  return withFastPath(union, (payload, ctx) => {
    if (!earlierMustFail(payload.value)) return undefined;
    const first = option._zod.run({ value: payload.value, issues: [] }, ctx);
    return first instanceof Promise || first.issues.length > 0 ? undefined : first;
  });
}

/** A plain object without a `value`: never a cited value (`{ value, unit, source }`), which requires one. */
export const isObjectWithoutValue = (input: unknown): boolean =>
  typeof input === "object" && input !== null && !Array.isArray(input) && (input as { value?: unknown }).value === undefined;
