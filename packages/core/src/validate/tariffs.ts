import { error, type Issue } from "../issues/issue.js";
import type { TariffMeasure } from "../schema/tariff.js";
import { dayNumber } from "../time/dates.js";
import type { CheckContext } from "./context.js";

/** Dates in order, fields that fit the kind, and no two measures claiming one slot with contradictory stacking. */
export function checkTariffs({ s }: CheckContext): Issue[] {
  const issues: Issue[] = [];
  s.tariffs.forEach((m, i) => {
    issues.push(...checkMeasure(m, i));
  });
  for (let i = 0; i < s.tariffs.length; i++) {
    for (let j = i + 1; j < s.tariffs.length; j++) {
      const a = s.tariffs[i] as TariffMeasure;
      const b = s.tariffs[j] as TariffMeasure;
      const clash = contradiction(a, b);
      if (clash && overlap(a, b))
        issues.push(
          error(
            `tariffs[${j}]`,
            `${b.id} and ${a.id} (tariffs[${i}]) cover the same importer, origin, category and dates, and ${clash}`,
            `end one before the other starts, narrow its origins, or add supersedes: [${a.id}] to ${b.id}`,
            b.id,
          ),
        );
    }
  }
  return issues;
}

function checkMeasure(m: TariffMeasure, i: number): Issue[] {
  const at = `tariffs[${i}]`;
  const issues: Issue[] = [];
  if (m.to !== undefined && dayNumber(m.to) < dayNumber(m.from))
    issues.push(error(`${at}.to`, `${m.id} ends (${m.to}) before it starts (${m.from})`, "dates are inclusive; swap them", m.id));
  if (m.kind === "offset" && m.basis !== "msrp") issues.push(error(`${at}.basis`, `offset ${m.id} must be charged on the MSRP`, 'set basis: "msrp"', m.id));
  if (m.kind !== "offset" && m.basis === "msrp")
    issues.push(
      error(
        `${at}.basis`,
        `duty ${m.id} cannot be charged on the MSRP: customs duty is on the declared import value`,
        'use "full-value" or excludeContentOf',
        m.id,
      ),
    );
  if (m.kind === "offset" && m.offsets.length === 0)
    issues.push(error(`${at}.offsets`, `offset ${m.id} names no duty it offsets`, "list the parts duty measures, e.g. offsets: [s232-parts]", m.id));
  if (m.kind !== "offset" && m.offsets.length > 0)
    issues.push(error(`${at}.offsets`, `only offset measures offset others (${m.id} is ${m.kind})`, undefined, m.id));
  if (m.kind !== "all-in" && m.inclusiveOf.length > 0)
    issues.push(error(`${at}.inclusiveOf`, `only all-in measures are inclusive of others (${m.id} is ${m.kind})`, "use supersedes for anti-stacking", m.id));
  for (const key of ["inclusiveOf", "supersedes", "offsets"] as const) {
    const twice = m[key].find((id, k) => m[key].indexOf(id) !== k);
    if (twice) issues.push(error(`${at}.${key}`, `${twice} is listed twice`, "list each measure once", m.id));
  }
  if (m.supersedes.includes(m.id)) issues.push(error(`${at}.supersedes`, `${m.id} supersedes itself`, undefined, m.id));
  return issues;
}

/** Why two measures on one slot contradict each other, if they do. */
function contradiction(a: TariffMeasure, b: TariffMeasure): string | undefined {
  const ordered = a.supersedes.includes(b.id) || b.supersedes.includes(a.id);
  if (a.supersedes.includes(b.id) && b.supersedes.includes(a.id)) return "each supersedes the other";
  if (ordered) return undefined;
  if (a.kind === "mfn" && b.kind === "mfn") return "both are the base (MFN) duty";
  if (a.kind === "all-in" && b.kind === "all-in") return "both are all-in rates";
  if (
    (a.kind === "all-in" && a.inclusiveOf.includes(b.id) && b.supersedes.includes(a.id)) ||
    (b.kind === "all-in" && b.inclusiveOf.includes(a.id) && a.supersedes.includes(b.id))
  )
    return "one folds in the other which supersedes it";
  return undefined;
}

export function overlap(a: TariffMeasure, b: TariffMeasure): boolean {
  if (a.importer !== b.importer) return false;
  if (!a.categories.some((c) => b.categories.includes(c))) return false;
  if (a.usmca !== undefined && b.usmca !== undefined && a.usmca !== b.usmca) return false;
  if (!originsIntersect(a, b)) return false;
  const end = (m: TariffMeasure) => (m.to === undefined ? Number.POSITIVE_INFINITY : dayNumber(m.to));
  return dayNumber(a.from) <= end(b) && dayNumber(b.from) <= end(a);
}

function originsIntersect(a: TariffMeasure, b: TariffMeasure): boolean {
  const coversOrigin = (m: TariffMeasure, o: string) => (m.origins.includes(o) || m.origins.includes("*")) && !m.exceptOrigins.includes(o);
  if (a.origins.includes("*") && b.origins.includes("*")) return true;
  const named = [...a.origins, ...b.origins].filter((o) => o !== "*");
  return named.some((o) => coversOrigin(a, o) && coversOrigin(b, o));
}
