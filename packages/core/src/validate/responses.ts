import { error, type Issue, suggestId } from "../issues/issue.js";
import type { CheckContext } from "./context.js";

/** Price responses name a known market and sellers, with dates in order. */
export function checkPriceResponses(ctx: CheckContext): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  ctx.s.priceResponses.forEach((r, i) => {
    const at = `priceResponses[${i}]`;
    if (seen.has(r.id)) issues.push(error(`${at}.id`, `price response id \`${r.id}\` is used twice`, undefined, r.id));
    seen.add(r.id);
    if (!ctx.marketIds.has(r.market)) issues.push(error(`${at}.market`, `unknown market \`${r.market}\``, suggestId(r.market, ctx.marketIds, "markets"), r.id));
    (r.companies ?? []).forEach((c, k) => {
      if (!ctx.companyIds.has(c)) issues.push(error(`${at}.companies[${k}]`, `unknown company \`${c}\``, suggestId(c, ctx.companyIds, "companies"), r.id));
    });
    if (r.to !== undefined && r.to < r.from)
      issues.push(error(`${at}.to`, `the response ends (${r.to}) before it starts (${r.from})`, "swap from and to", r.id));
  });
  return issues;
}
