import { moduleOf } from "../deals/registry.js";
import { error, type Issue } from "../issues/issue.js";
import type { CheckContext } from "./context.js";

/** Deal ids are unique; each deal is checked by its type's module. */
export function checkDeals(ctx: CheckContext): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  ctx.s.deals.forEach((deal, i) => {
    if (seen.has(deal.id)) issues.push(error(`deals[${i}].id`, `deal id \`${deal.id}\` is used twice`, undefined, deal.id));
    seen.add(deal.id);
    issues.push(...moduleOf(deal).check(deal, ctx, `deals[${i}]`));
  });
  return issues;
}
