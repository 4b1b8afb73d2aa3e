import { plantsBuilding } from "../deals/registry.js";
import { error, type Issue, unknownPeriod } from "../issues/issue.js";
import { findLane } from "../schema/queries.js";
import type { CheckContext } from "./context.js";

/** Every currency used needs a rate for every period; every plant-to-market flow needs a lane. */
export function checkFx(ctx: CheckContext): Issue[] {
  const { s } = ctx;
  const used = new Map<string, string>();
  const note = (cur: string, where: string) => {
    if (cur !== s.fx.base && !used.has(cur)) used.set(cur, where);
  };
  s.companies.forEach((c, i) => {
    note(c.reportingCurrency, `companies[${i}].reportingCurrency`);
  });
  s.markets.forEach((m, i) => {
    note(m.currency, `markets[${i}].currency`);
  });
  s.plants.forEach((p, i) => {
    note(p.currency, `plants[${i}].currency`);
  });
  s.programs.forEach((p, i) => {
    note(p.currency, `programs[${i}].currency`);
  });
  s.lanes.forEach((l, i) => {
    note(l.currency, `lanes[${i}].currency`);
  });
  for (const [origin, cur] of Object.entries(s.parameters.costCurrencies.parts)) note(cur, `parameters.costCurrencies.parts.${origin}`);
  const issues: Issue[] = [];
  for (const [cur, where] of used) {
    const rates = s.fx.rates[cur];
    const missing = ctx.periods.filter((p) => rates?.[p.id] === undefined).map((p) => p.id);
    if (missing.length > 0) {
      issues.push(
        error(`fx.rates.${cur}`, `no ${cur} rate for ${missing.join(", ")} (used by ${where})`, `add fx.rates.${cur}.${missing[0]}: <${cur} per ${s.fx.base}>`),
      );
    }
  }
  for (const cur of Object.keys(s.fx.rates)) {
    for (const period of Object.keys(s.fx.rates[cur] ?? {})) {
      if (!ctx.periodIds.has(period)) issues.push(unknownPeriod(`fx.rates.${cur}.${period}`, period, ctx.periodIds));
    }
  }
  return issues;
}

export function checkLanes(ctx: CheckContext): Issue[] {
  const issues: Issue[] = [];
  // Each plant-market pair is looked up once (many programs share one); a missing lane is reported at the first program that needs it.
  const checked = new Map<string, Set<string>>();
  ctx.s.programs.forEach((p, i) => {
    const steps = Array.isArray(p.sourcing) ? p.sourcing.map((x) => x.shares) : [p.sourcing];
    const plants = new Set(steps.flatMap((x) => Object.keys(x)));
    for (const plant of plantsBuilding(ctx.s.deals, p.id)) plants.add(plant);
    for (const plantId of plants) {
      const plant = ctx.plantById.get(plantId);
      if (!plant) continue;
      const markets = checked.get(plantId) ?? new Set<string>();
      checked.set(plantId, markets);
      for (const m of Object.keys(p.markets)) {
        if (!ctx.marketIds.has(m) || markets.has(m)) continue;
        markets.add(m);
        if (findLane(ctx.s.lanes, plant, m)) continue;
        issues.push(
          error(
            `programs[${i}].markets.${m}`,
            `no lane from ${plantId} (${plant.country}) to market ${m}`,
            `add a lane { from: ${plant.country}, to: ${m}, costPerUnit: … } (or from: ${plantId})`,
            p.id,
          ),
        );
      }
    }
  });
  return issues;
}
