import { error, formatPath, type Issue } from "./issue.js";

type Doc = Record<string, unknown>;

/** Money attributes by entity list, and where the currency they must be in comes from. */
const MONEY: Record<string, string[]> = {
  plants: ["fixedCost"],
  programs: ["variableCost", "partsValue"],
  lanes: ["costPerUnit"],
};

/**
 * A money value written with an explicit currency must be in the currency
 * of the entity that holds it (prices: the market's). The model never
 * converts inside an entity, so a mismatch is an error, not a conversion.
 */
export function checkCurrencies(doc: unknown, base = "USD"): Issue[] {
  if (doc === null || typeof doc !== "object") return [];
  const d = doc as Doc;
  const issues: Issue[] = [];
  const check = (value: unknown, expected: string, path: PropertyKey[], entity?: string) => {
    const cur = (value as { currency?: unknown } | null)?.currency;
    if (typeof cur === "string" && cur !== expected)
      issues.push(
        error(
          formatPath(path),
          `amount given in ${cur}, but this attribute is in ${expected}`,
          `convert it to ${expected}, or set the entity's currency to ${cur}`,
          entity,
        ),
      );
  };
  for (const [list, fields] of Object.entries(MONEY)) {
    const items = Array.isArray(d[list]) ? (d[list] as Doc[]) : [];
    items.forEach((e, i) => {
      const cur = typeof e?.currency === "string" ? e.currency : base;
      for (const f of fields) check(e?.[f], cur, [list, i, f], typeof e?.id === "string" ? e.id : undefined);
    });
  }
  const markets = new Map((Array.isArray(d.markets) ? (d.markets as Doc[]) : []).map((m) => [m?.id, m?.currency]));
  (Array.isArray(d.programs) ? (d.programs as Doc[]) : []).forEach((p, i) => {
    for (const [m, pm] of Object.entries((p?.markets ?? {}) as Record<string, Doc>)) {
      const cur = markets.get(m);
      if (typeof cur !== "string") continue;
      for (const f of ["price", "msrp"]) check(pm?.[f], cur, ["programs", i, "markets", m, f], typeof p?.id === "string" ? p.id : undefined);
    }
  });
  return issues;
}
