import { error, type Issue } from "../issues/issue.js";
import type { CheckContext } from "./context.js";

/** Largest plausible amounts in US dollars: beyond them a unit or scale slipped. */
const PER_UNIT = 1_000_000;
const PER_YEAR = 100_000_000_000;

/**
 * Money limits depend on the currency (¥7 million is a plausible variable cost,
 * $7 million is not), so they are checked here, in the base currency at the
 * first period's rate, rather than in the schema.
 */
export function checkMagnitudes(ctx: CheckContext): Issue[] {
  const { s } = ctx;
  const first = ctx.periods[0]?.id;
  // Limits are in US dollars: with another base currency, judge amounts at its dollar rate (no rate, no check).
  const usdPerBase = s.fx.base === "USD" ? 1 : first ? s.fx.rates.USD?.[first] : undefined;
  const rate = (cur: string) => {
    const r = cur === s.fx.base ? 1 : first ? s.fx.rates[cur]?.[first] : undefined;
    return r === undefined || usdPerBase === undefined ? undefined : r / usdPerBase;
  };
  const issues: Issue[] = [];
  // The path is built only for an amount over its limit: a large scenario has millions of amounts.
  const limit = (path: () => string, amount: number | undefined, cur: string, max: number, what: string, entity?: string) => {
    const r = rate(cur);
    if (amount === undefined || r === undefined || amount / r <= max) return;
    issues.push(
      error(
        path(),
        `${amount.toLocaleString("en-US")} ${cur} is implausibly large for ${what} (over ${max.toLocaleString("en-US")} USD)`,
        "check the unit, the scale (thousand / million) and the currency",
        entity,
      ),
    );
  };
  const currencyOf = new Map<string, string>();
  for (const m of s.markets) if (!currencyOf.has(m.id)) currencyOf.set(m.id, m.currency);
  s.plants.forEach((p, i) => {
    limit(() => `plants[${i}].fixedCost`, p.fixedCost, p.currency, PER_YEAR, "a plant's fixed cost per year", p.id);
  });
  s.lanes.forEach((l, i) => {
    limit(() => `lanes[${i}].costPerUnit`, l.costPerUnit, l.currency, PER_UNIT, "logistics per vehicle");
  });
  s.programs.forEach((p, i) => {
    limit(() => `programs[${i}].variableCost`, p.variableCost, p.currency, PER_UNIT, "a variable cost per vehicle", p.id);
    limit(() => `programs[${i}].partsValue`, p.partsValue, p.currency, PER_UNIT, "a parts value per vehicle", p.id);
    for (const [m, pm] of Object.entries(p.markets)) {
      const cur = currencyOf.get(m) ?? s.fx.base;
      limit(() => `programs[${i}].markets.${m}.price`, pm.price, cur, PER_UNIT, "a price per vehicle", p.id);
      limit(() => `programs[${i}].markets.${m}.msrp`, pm.msrp, cur, PER_UNIT, "an MSRP", p.id);
    }
  });
  return issues;
}
