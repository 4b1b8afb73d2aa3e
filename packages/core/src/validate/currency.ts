import { moduleNamed } from "../deals/registry.js";
import { error, formatPath, type Issue } from "../issues/issue.js";
import { parseUnit } from "../schema/quantity.js";

type Doc = Record<string, unknown>;

/** Money attributes by entity list, and where the currency they must be in comes from. */
const MONEY: Record<string, string[]> = {
  plants: ["fixedCost"],
  programs: ["variableCost", "partsValue"],
  lanes: ["costPerUnit"],
};

/** The currency a value is written in, if it says: `currency:`, or a code in its unit ("JPY million/year", "400 JPY"). */
function currencyOf(value: unknown): string | undefined {
  if (typeof value === "string") return parseUnit(value.replace(/^[\d.,\s-]+/, "")).currency;
  if (value === null || typeof value !== "object") return undefined;
  const v = value as { currency?: unknown; unit?: unknown };
  if (typeof v.currency === "string") return v.currency;
  return typeof v.unit === "string" ? parseUnit(v.unit).currency : undefined;
}

/**
 * A money value written with an explicit currency must be in the currency
 * of the entity that holds it (prices: the market's; deal amounts: the
 * deal's). The model never converts inside an entity, so a mismatch is an
 * error, not a conversion.
 */
export function checkCurrencies(doc: unknown, base = "USD"): Issue[] {
  if (doc === null || typeof doc !== "object") return [];
  const d = doc as Doc;
  const issues: Issue[] = [];
  const check = (value: unknown, expected: string, path: PropertyKey[], entity?: string) => {
    const cur = currencyOf(value);
    if (cur !== undefined && cur !== expected) {
      issues.push(
        error(
          formatPath(path),
          `amount given in ${cur}, but this attribute is in ${expected}`,
          `convert it to ${expected}, or set the entity's currency to ${cur}`,
          entity,
        ),
      );
    }
  };
  const list = (k: string) => (Array.isArray(d[k]) ? (d[k] as Doc[]) : []);
  const idOf = (e: Doc | undefined) => (typeof e?.id === "string" ? e.id : undefined);
  for (const [name, fields] of Object.entries(MONEY)) {
    list(name).forEach((e, i) => {
      const cur = typeof e?.currency === "string" ? e.currency : base;
      for (const f of fields) check(e?.[f], cur, [name, i, f], idOf(e));
    });
  }
  const markets = new Map(list("markets").map((m) => [m?.id, m?.currency]));
  const programCurrencies = new Map(list("programs").map((p) => [p?.id, typeof p?.currency === "string" ? p.currency : base]));
  list("programs").forEach((p, i) => {
    for (const [m, pm] of Object.entries((p?.markets ?? {}) as Record<string, Doc>)) {
      const cur = markets.get(m);
      if (typeof cur === "string") for (const f of ["price", "msrp"]) check(pm?.[f], cur, ["programs", i, "markets", m, f], idOf(p));
    }
  });
  list("companies").forEach((c, i) => {
    const cur = typeof c?.reportingCurrency === "string" ? c.reportingCurrency : base;
    const reported = (c?.reported ?? {}) as Doc;
    const segment = (reported.segment ?? {}) as Doc;
    const rest = (c?.restOfCompany ?? {}) as Doc;
    check(reported.operatingProfit, cur, ["companies", i, "reported", "operatingProfit"], idOf(c));
    for (const f of ["operatingProfit", "revenue"]) check(segment[f], cur, ["companies", i, "reported", "segment", f], idOf(c));
    check(rest.operatingProfit, cur, ["companies", i, "restOfCompany", "operatingProfit"], idOf(c));
    (Array.isArray(rest.foreign) ? (rest.foreign as Doc[]) : []).forEach((f, k) => {
      if (typeof f?.currency === "string") check(f.amount, f.currency, ["companies", i, "restOfCompany", "foreign", k, "amount"], idOf(c));
    });
  });
  list("costPrograms").forEach((p, i) => {
    const cur = typeof p?.currency === "string" ? p.currency : base;
    for (const [k, x] of Object.entries((p?.savings ?? {}) as Doc)) check(x, cur, ["costPrograms", i, "savings", k], idOf(p));
  });
  const programCurrency = (id: unknown) => programCurrencies.get(id) ?? base;
  list("deals").forEach((deal, i) => {
    for (const m of moduleNamed(deal?.type)?.money?.(deal ?? {}, { base, programCurrency }) ?? [])
      check(m.value, m.currency, ["deals", i, ...m.path], idOf(deal));
  });
  return issues;
}
