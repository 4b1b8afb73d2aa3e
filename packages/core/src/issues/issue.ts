import { closest, distance } from "fastest-levenshtein";

/** A problem found in a scenario: where (path into the document), what, and what to do. */
export interface Issue {
  severity: "error" | "warning";
  /** Path into the scenario document, e.g. plants[3].capacity. */
  path: string;
  message: string;
  suggestion?: string;
  /** Id of the entity the path points into, for readers who think in ids. */
  entity?: string;
  /** File the problem was found in, when it is not the scenario itself. */
  file?: string;
}

export function error(path: string, message: string, suggestion?: string, entity?: string): Issue {
  return { severity: "error", path, message, ...(suggestion ? { suggestion } : {}), ...(entity ? { entity } : {}) };
}

export function warning(path: string, message: string, suggestion?: string, entity?: string): Issue {
  return { severity: "warning", path, message, ...(suggestion ? { suggestion } : {}), ...(entity ? { entity } : {}) };
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === "error");
}

/** Formats a path array as plants[3].capacity. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(p))) out += out === "" ? String(p) : `.${String(p)}`;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out === "" ? "(scenario)" : out;
}

/** The closest known name to a misspelt one, when it is close enough to be a likely typo. */
export function didYouMean(name: string, known: Iterable<string>): string | undefined {
  const options = [...known];
  if (options.length === 0) return undefined;
  const best = closest(name, options);
  const limit = Math.max(2, Math.floor(Math.max(name.length, best.length) / 3));
  return distance(name.toLowerCase(), best.toLowerCase()) <= limit ? best : undefined;
}

export function suggestId(name: string, known: Iterable<string>, kind: string): string {
  // A well-formed period outside the horizon is not a typo of a nearby one: name the horizon.
  if (kind === "periods" && wellFormedPeriod(name)) return extendHorizon(name, [...known]);
  const best = didYouMean(name, known);
  return best ? `did you mean \`${best}\`?` : `known ${kind}: ${[...known].slice(0, 12).join(", ")}${[...known].length > 12 ? ", …" : ""}`;
}

/**
 * An unknown period id: one written like a period of some horizon (FY2035)
 * is named against the scenario's horizon ("FY2035 is outside the horizon
 * FY2024–FY2030"), since the nearest id (FY2025) is no likelier than any
 * other; anything else is a likely typo and gets the closest id.
 */
export function unknownPeriod(path: string, id: string, known: Iterable<string>, entity?: string): Issue {
  const periods = [...known];
  if (!wellFormedPeriod(id)) return error(path, `unknown period \`${id}\``, suggestId(id, periods, "periods"), entity);
  return error(path, `${id} is outside the horizon ${horizonRange(periods)}`, extendHorizon(id, periods), entity);
}

const wellFormedPeriod = (id: string) => /^(FY|CY)?\d{4}(-?(Q|H)\d)?$/.test(id);

const horizonRange = (periods: string[]) => (periods.length > 1 ? `${periods[0]}–${periods.at(-1)}` : (periods[0] ?? "(empty)"));

/** What to do about a period outside the horizon: use one of its periods, or move the horizon's end that it lies beyond. */
function extendHorizon(name: string, periods: string[]): string {
  const before = periods[0] !== undefined && name.localeCompare(periods[0], "en", { numeric: true }) < 0;
  return `use one of the horizon's periods (${horizonRange(periods)}), or ${before ? "start the horizon at" : "extend the horizon to"} ${name}`;
}
