import { error, type Issue, suggestId, unknownPeriod } from "../issues/issue.js";
import type { CheckContext } from "./context.js";

/** Reported results, rest of company and cost programmes name periods of the horizon, known companies and currencies with rates. */
export function checkCompanyResults(ctx: CheckContext): Issue[] {
  const issues: Issue[] = [];
  const period = (path: string, id: string, entity?: string) => {
    if (!ctx.periodIds.has(id)) issues.push(unknownPeriod(path, id, ctx.periodIds, entity));
  };
  const rated = (path: string, currency: string, entity?: string) => {
    const { base, rates } = ctx.s.fx;
    const missing = currency === base ? [] : ctx.periods.filter((p) => rates[currency]?.[p.id] === undefined).map((p) => p.id);
    if (missing.length > 0)
      issues.push(error(path, `no ${currency} rate for ${missing.join(", ")}`, `add fx.rates.${currency}.${missing[0]}: <${currency} per ${base}>`, entity));
  };
  ctx.s.companies.forEach((c, i) => {
    if (c.reported) period(`companies[${i}].reported.period`, c.reported.period, c.id);
    if (c.restOfCompany) {
      period(`companies[${i}].restOfCompany.period`, c.restOfCompany.period, c.id);
      c.restOfCompany.foreign.forEach((f, k) => {
        rated(`companies[${i}].restOfCompany.foreign[${k}].currency`, f.currency, c.id);
      });
    }
  });
  const g = ctx.s.parameters.terminalGrowth;
  if (g !== undefined && ctx.s.parameters.exitMultiple !== undefined)
    issues.push(
      error("parameters.exitMultiple", "both terminalGrowth and exitMultiple are set: a deal has one terminal value", "keep one of the two", undefined),
    );
  if (g !== undefined)
    ctx.s.companies.forEach((c, i) => {
      const r = c.discountRate ?? ctx.s.parameters.discountRate;
      if (g >= r)
        issues.push(
          error(
            "parameters.terminalGrowth",
            `growth ${g} is not below ${c.id}'s discount rate ${r}: a growing perpetuity has no finite value`,
            `lower parameters.terminalGrowth below ${r}, or raise companies[${i}].discountRate`,
            c.id,
          ),
        );
    });
  const seen = new Set<string>();
  ctx.s.costPrograms.forEach((p, i) => {
    const at = `costPrograms[${i}]`;
    if (seen.has(p.id)) issues.push(error(`${at}.id`, `cost programme id \`${p.id}\` is used twice`, undefined, p.id));
    seen.add(p.id);
    if (!ctx.companyIds.has(p.company))
      issues.push(error(`${at}.company`, `unknown company \`${p.company}\``, suggestId(p.company, ctx.companyIds, "companies"), p.id));
    for (const id of Object.keys(p.savings)) period(`${at}.savings.${id}`, id, p.id);
    rated(`${at}.currency`, p.currency, p.id);
  });
  return issues;
}
