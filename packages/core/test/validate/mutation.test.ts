import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, validateScenario } from "../../src/index.js";
import { sampleDoc } from "./sample.js";

type Path = (string | number)[];

/** Every path to a value in a document. */
function pathsOf(v: unknown, prefix: Path = []): Path[] {
  if (v === null || typeof v !== "object" || v instanceof Date) return [prefix];
  const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
  return [prefix, ...entries.flatMap(([k, x]) => pathsOf(x, [...prefix, k]))];
}

function parentOf(doc: unknown, path: Path): Record<string | number, unknown> | undefined {
  let cur: unknown = doc;
  for (const k of path.slice(0, -1)) cur = (cur as Record<string | number, unknown>)?.[k];
  return cur !== null && typeof cur === "object" ? (cur as Record<string | number, unknown>) : undefined;
}

const mutation = fc.oneof(
  fc.constant({ kind: "delete" as const }),
  fc.record({
    kind: fc.constant("set" as const),
    value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(-1, 0, 1e12, Number.NaN, "25%", "abc", "2025-02-30", [], {})),
  }),
  fc.constant({ kind: "duplicate" as const }),
);

function mutate(doc: Record<string, unknown>, pathIndex: number, m: { kind: "delete" | "set" | "duplicate"; value?: unknown }): void {
  const paths = pathsOf(doc).filter((p) => p.length > 0);
  const path = paths[pathIndex % paths.length] as Path;
  const parent = parentOf(doc, path);
  const key = path.at(-1) as string | number;
  if (!parent) return;
  if (m.kind === "delete") {
    if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
    else delete parent[key];
  } else if (m.kind === "set") parent[key] = m.value;
  else if (Array.isArray(parent) && typeof key === "number") parent.push(structuredClone(parent[key]));
}

describe("random mutations of a valid scenario", () => {
  it("never crash validation: they give issues with paths, or a scenario that evaluates to finite numbers", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 }), (steps) => {
        const doc = sampleDoc();
        for (const [i, m] of steps) mutate(doc, i, m);
        const v = validateScenario(doc);
        for (const issue of v.issues) {
          expect(issue.path.length).toBeGreaterThan(0);
          expect(issue.message.length).toBeGreaterThan(0);
        }
        if (v.scenario) {
          const r = evaluate(v.scenario);
          for (const x of r.companies.data.operatingProfit ?? []) expect(Number.isFinite(x)).toBe(true);
        } else expect(v.issues.some((i) => i.severity === "error")).toBe(true);
      }),
      { seed: 20251116, numRuns: 300 },
    );
  });
});
