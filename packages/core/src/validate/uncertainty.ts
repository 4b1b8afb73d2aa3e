import { error, type Issue, suggestId, warning } from "../issues/issue.js";
import type { Distribution, Uncertainty } from "../schema/uncertainty.js";
import { type Bounds, schemaBounds } from "../uncertainty/bounds.js";
import { cholesky, correlationMatrix } from "../uncertainty/copula.js";
import { quantile, reachableRange } from "../uncertainty/marginals.js";
import { formatLocation, getAt, type Location, parsePath, resolvePath } from "../uncertainty/paths.js";
import type { CheckContext } from "./context.js";

/**
 * Checks of the uncertainty block: every path reaches numbers of this
 * scenario, no number is set by two parameters, correlations name known
 * parameters and form a valid correlation matrix, and every value a draw can
 * reach stays within the range the schema allows the number it replaces (an
 * error: a sweep does not re-validate its draws one by one).
 */
export function checkUncertainty(ctx: CheckContext): Issue[] {
  const u = ctx.s.uncertainty;
  if (!u) return [];
  return [...checkParameters(ctx, u), ...checkCorrelations(u)];
}

function checkParameters(ctx: CheckContext, u: Uncertainty): Issue[] {
  const issues: Issue[] = [];
  const ids = new Set<string>();
  const owner = new Map<string, string>();
  u.parameters.forEach((p, i) => {
    const at = `uncertainty.parameters[${i}]`;
    if (ids.has(p.id)) issues.push(error(`${at}.id`, `parameter id \`${p.id}\` is used twice`, undefined, p.id));
    ids.add(p.id);
    const paths = Array.isArray(p.path) ? p.path : [p.path];
    paths.forEach((text, j) => {
      const where = Array.isArray(p.path) ? `${at}.path[${j}]` : `${at}.path`;
      const steps = parsePath(text);
      const r = typeof steps === "string" ? { error: steps } : resolvePath(ctx.s, steps);
      if ("error" in r) {
        issues.push(error(where, `path \`${text}\`: ${r.error}`, "suggestion" in r ? r.suggestion : undefined, p.id));
        return;
      }
      for (const loc of r.locations) {
        const key = formatLocation(loc);
        const other = owner.get(key);
        if (other !== undefined && other !== p.id)
          issues.push(error(where, `${key} is already set by parameter \`${other}\``, "give each number one distribution", p.id));
        owner.set(key, p.id);
      }
      issues.push(...checkRange(ctx, p, `${at}.distribution`, r.locations));
    });
  });
  return issues;
}

type Parameter = Uncertainty["parameters"][number];

/**
 * Draws outside the schema's range for the number are an error, reported once
 * per path with its first offending location: the reachable range (see
 * reachableRange) is exact, so a normal whose mean is 8.3 sd or more above a
 * bound of 0 passes and one that can cross it does not. Numbers the schema
 * leaves unbounded only get a warning when a draw can turn a non-negative
 * written value negative.
 */
function checkRange(ctx: CheckContext, p: Parameter, where: string, locations: Location[]): Issue[] {
  const out: { key: string; message: string; bounds: Bounds }[] = [];
  const warnings: Issue[] = [];
  for (const loc of locations) {
    const base = getAt(ctx.s, loc) as number;
    const key = formatLocation(loc);
    const bounds = schemaBounds(ctx.s, loc);
    if (!bounds) {
      const negative = negativeDraw(p.distribution, p.mode, base);
      if (negative) warnings.push(warning(where, `${key} is ${base} but draws can be ${negative}`, "use a lognormal or a triangular distribution", p.id));
      continue;
    }
    const [lo, hi] = drawnRange(p.distribution, p.mode, base);
    if (bounds.min !== undefined && lo < bounds.min) out.push({ key, bounds, message: `must be at least ${bounds.min} but draws reach ${show(lo)}` });
    else if (bounds.max !== undefined && hi > bounds.max) out.push({ key, bounds, message: `must be at most ${bounds.max} but draws reach ${show(hi)}` });
  }
  const [first] = out;
  if (!first) return warnings.slice(0, 1);
  const more = out.length > 1 ? ` (and ${out.length - 1} more of its numbers)` : "";
  return [error(where, `${first.key} ${first.message}${more}`, rangeSuggestion(p.distribution, p.mode, first.bounds), p.id)];
}

/** The lowest and highest number a draw can write: the draw itself (set) or the written value times it (scale). */
function drawnRange(d: Distribution, mode: "set" | "scale", base: number): [number, number] {
  const [lo, hi] = reachableRange(d);
  if (mode === "set") return [lo, hi];
  return [Math.min(base * lo, base * hi), Math.max(base * lo, base * hi)];
}

function rangeSuggestion(d: Distribution, mode: "set" | "scale", b: Bounds): string {
  const range = b.max === undefined ? `≥ ${b.min}` : b.min === undefined ? `≤ ${b.max}` : `within [${b.min}, ${b.max}]`;
  const why = d.type === "normal" ? "a normal reaches about 8.2 sd either side of its mean; " : "";
  const positive = b.max === undefined && (b.min ?? 0) <= 1e-6 ? "a lognormal (always positive) or " : "";
  return `${why}keep ${mode === "scale" ? "the scaled values" : "the draws"} ${range}: use ${positive}a triangular or uniform range inside it`;
}

const show = (x: number) => +x.toPrecision(4);

/** A draw at the 0.1% quantile that would turn a non-negative number negative, if any. */
function negativeDraw(d: Distribution, mode: "set" | "scale", base: number): string | undefined {
  if (!(base >= 0)) return undefined;
  const q = quantile(d, 0.001);
  const value = mode === "scale" ? base * q : q;
  return value < 0 ? `negative (P0.1 = ${+value.toPrecision(4)})` : undefined;
}

function checkCorrelations(u: Uncertainty): Issue[] {
  const issues: Issue[] = [];
  const index = new Map(u.parameters.map((p, i) => [p.id, i]));
  const seen = new Set<string>();
  const pairs: { i: number; j: number; rank: number }[] = [];
  u.correlations.forEach((c, k) => {
    const at = `uncertainty.correlations[${k}]`;
    const ends = c.between.map((id, e) => {
      const i = index.get(id);
      if (i === undefined) issues.push(error(`${at}.between[${e}]`, `unknown parameter \`${id}\``, suggestId(id, index.keys(), "parameters")));
      return i;
    });
    const [i, j] = ends;
    if (i === undefined || j === undefined) return;
    if (i === j) issues.push(error(`${at}.between`, `a parameter cannot be correlated with itself`));
    const pair = [Math.min(i, j), Math.max(i, j)].join("|");
    if (seen.has(pair)) issues.push(error(`${at}.between`, `the pair ${c.between.join(" / ")} is correlated twice`));
    seen.add(pair);
    if (i !== j) pairs.push({ i, j, rank: c.rank });
  });
  if (issues.length === 0 && pairs.length > 0 && !cholesky(correlationMatrix(u.parameters.length, pairs)))
    issues.push(
      error("uncertainty.correlations", "these rank correlations cannot hold together (the matrix is not positive semi-definite)", "weaken the strongest ones"),
    );
  return issues;
}
