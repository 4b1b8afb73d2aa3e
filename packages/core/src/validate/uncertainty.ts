import type { Uncertainty } from "../schema/uncertainty.js";
import { cholesky, correlationMatrix } from "../uncertainty/copula.js";
import { quantile } from "../uncertainty/marginals.js";
import { formatLocation, getAt, parsePath, resolvePath } from "../uncertainty/paths.js";
import type { CheckContext } from "./context.js";
import { error, type Issue, suggestId, warning } from "./issue.js";

/**
 * Checks of the uncertainty block: every path reaches numbers of this
 * scenario, no number is set by two parameters, correlations name known
 * parameters and form a valid correlation matrix, and draws stay where the
 * number they replace can go (no negative draws for a quantity that is not).
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
        const negative = negativeDraw(p.distribution, p.mode, getAt(ctx.s, loc) as number);
        if (negative)
          issues.push(
            warning(`${at}.distribution`, `${key} is ${getAt(ctx.s, loc)} but draws can be ${negative}`, "use a lognormal or a triangular distribution", p.id),
          );
      }
    });
  });
  return issues;
}

/** A draw at the 0.1% quantile that would turn a non-negative number negative, if any. */
function negativeDraw(d: Uncertainty["parameters"][number]["distribution"], mode: "set" | "scale", base: number): string | undefined {
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
