import { didYouMean } from "../issues/issue.js";

/**
 * Paths to numbers of a validated scenario, written as a reader thinks of
 * them: `tariffs[jp-auto-15].rate`, `fx.rates.JPY.FY2026`,
 * `deals[canton-pickup].volume.*`. A bracket selects a list entry by id (or
 * by index when it is a number); `*` matches every key or entry.
 */
export type Step = { key: string } | { id: string } | { index: number } | { any: true };

/** A concrete location: keys and list indices from the scenario's root. */
export type Location = (string | number)[];

/** Top-level keys a draw may not change: they shape the periods or are not model inputs. */
const FIXED_ROOTS = new Set(["tieup", "id", "title", "description", "horizon", "overrides", "uncertainty"]);

export function parsePath(text: string): Step[] | string {
  const steps: Step[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]|(\.)/gy;
  let m: RegExpExecArray | null = re.exec(text);
  let last = 0;
  while (m !== null) {
    if (m[1] !== undefined) steps.push(m[1] === "*" ? { any: true } : { key: m[1] });
    else if (m[2] !== undefined) {
      const inner = m[2].trim();
      if (inner === "") return `empty [] in "${text}"`;
      steps.push(inner === "*" ? { any: true } : /^\d+$/.test(inner) ? { index: Number(inner) } : { id: inner });
    }
    last = re.lastIndex;
    m = re.exec(text);
  }
  if (last !== text.length || steps.length === 0) return `"${text}" is not a path; write e.g. tariffs[jp-auto-15].rate`;
  return steps;
}

export type Resolution = { locations: Location[] } | { error: string; suggestion?: string };

/** Every number the path reaches, or why it reaches none. */
export function resolvePath(root: unknown, steps: Step[]): Resolution {
  const first = steps[0];
  if (first && "key" in first && FIXED_ROOTS.has(first.key))
    return { error: `\`${first.key}\` cannot vary between draws`, suggestion: "vary a model input: a tariff rate, an FX rate, a price, a cost, a volume" };
  let frontier: { at: Location; value: unknown }[] = [{ at: [], value: root }];
  for (const [k, step] of steps.entries()) {
    const next: { at: Location; value: unknown }[] = [];
    for (const node of frontier) {
      const found = stepInto(node.value, step);
      if ("error" in found) return { ...found, error: `${describe(steps.slice(0, k + 1), node.at)}: ${found.error}` };
      for (const [key, value] of found.children) next.push({ at: [...node.at, key], value });
    }
    frontier = next;
  }
  const notNumber = frontier.find((n) => typeof n.value !== "number");
  if (notNumber) {
    const keys = notNumber.value !== null && typeof notNumber.value === "object" ? Object.keys(notNumber.value).slice(0, 12) : [];
    return {
      error: `${formatLocation(notNumber.at)} is ${notNumber.value === undefined ? "not set" : `not a number (${Array.isArray(notNumber.value) ? "a list" : typeof notNumber.value})`}`,
      ...(keys.length ? { suggestion: `go one step further: ${keys.join(", ")}` } : {}),
    };
  }
  if (frontier.length === 0) return { error: "matches nothing" };
  return { locations: frontier.map((n) => n.at) };
}

type Found = { children: [string | number, unknown][] } | { error: string; suggestion?: string };

function stepInto(value: unknown, step: Step): Found {
  if (Array.isArray(value)) {
    if ("any" in step) return { children: value.map((v, i) => [i, v]) };
    if ("index" in step)
      return step.index < value.length ? { children: [[step.index, value[step.index]]] } : { error: `no entry ${step.index} (the list has ${value.length})` };
    const id = "id" in step ? step.id : step.key;
    const ids = value
      .map((e) => (e !== null && typeof e === "object" ? (e as { id?: unknown }).id : undefined))
      .filter((x): x is string => typeof x === "string");
    const at = value.findIndex((e) => e !== null && typeof e === "object" && (e as { id?: unknown }).id === id);
    if (at >= 0) return { children: [[at, value[at]]] };
    return { error: `no entry with id \`${id}\``, ...suggestion(id, ids, "ids") };
  }
  if (value !== null && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    if ("any" in step) return { children: Object.entries(obj).filter(([, v]) => v !== undefined) };
    const key = "key" in step ? step.key : "id" in step ? step.id : String(step.index);
    if (obj[key] !== undefined) return { children: [[key, obj[key]]] };
    return { error: `no key \`${key}\``, ...suggestion(key, Object.keys(obj), "keys") };
  }
  return { error: "is a number, not a list or an object", suggestion: "the path ends before this step" };
}

function suggestion(name: string, known: string[], kind: string): { suggestion?: string } {
  if (known.length === 0) return {};
  const best = didYouMean(name, known);
  return { suggestion: best ? `did you mean \`${best}\`?` : `known ${kind}: ${known.slice(0, 12).join(", ")}${known.length > 12 ? ", …" : ""}` };
}

function describe(steps: Step[], at: Location): string {
  const shown = formatLocation(at);
  const step = steps[steps.length - 1];
  const name = !step ? "" : "key" in step ? step.key : "id" in step ? `[${step.id}]` : "index" in step ? `[${step.index}]` : "*";
  return shown === "" || name.startsWith("[") ? `${shown}${name}` : `${shown}.${name}`;
}

export function formatLocation(at: Location): string {
  return at.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("");
}

/** A copy of `root` with the number at `at` replaced; only the objects along the path are copied. */
export function setAt<T>(root: T, at: Location, value: number): T {
  if (at.length === 0) return value as T;
  const [head, ...rest] = at as [string | number, ...Location];
  const node = root as unknown as Record<string | number, unknown>;
  const copy = (Array.isArray(root) ? [...root] : { ...node }) as Record<string | number, unknown>;
  copy[head] = setAt(node[head], rest, value);
  return copy as T;
}

export function getAt(root: unknown, at: Location): unknown {
  let v = root;
  for (const k of at) v = (v as Record<string | number, unknown> | undefined)?.[k];
  return v;
}
