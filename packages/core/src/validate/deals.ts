import { demandIn } from "../model.js";
import type { ContractManufacturing, Deal } from "../schema/deal.js";
import type { CheckContext } from "./context.js";
import { checkCapital, missingRates } from "./deal-capital.js";
import { checkJoint } from "./deal-joint.js";
import { checkPlantAction } from "./deal-plant.js";
import { checkSupply } from "./deal-supply.js";
import { error, type Issue, suggestId, warning } from "./issue.js";

/** Checks of each deal by type; every type's references must exist and fit. */
export function checkDeals(ctx: CheckContext): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  ctx.s.deals.forEach((deal, i) => {
    if (seen.has(deal.id)) issues.push(error(`deals[${i}].id`, `deal id \`${deal.id}\` is used twice`, undefined, deal.id));
    seen.add(deal.id);
    issues.push(...checkDeal(ctx, deal, `deals[${i}]`));
  });
  return issues;
}

function checkDeal(ctx: CheckContext, deal: Deal, at: string): Issue[] {
  switch (deal.type) {
    case "contract-manufacturing":
      return checkContract(ctx, deal, at);
    case "capital-tie":
      return checkCapital(ctx, deal, at);
    case "plant-action":
      return checkPlantAction(ctx, deal, at);
    case "joint-development":
      return checkJoint(ctx, deal, at);
    case "component-supply":
      return checkSupply(ctx, deal, at);
    default:
      return [error(`${at}.type`, `deals of type ${(deal as Deal).type} are not evaluated yet`, "remove the deal for now", (deal as Deal).id)];
  }
}

/** Shared reference checks for deal modules. */
export function refs(ctx: CheckContext, deal: Deal, at: string) {
  const issues: Issue[] = [];
  const check = (path: string, id: string, known: Set<string>, kind: string) => {
    if (!known.has(id)) issues.push(error(`${at}.${path}`, `unknown ${kind} \`${id}\``, suggestId(id, known, `${kind}s`), deal.id));
    return known.has(id);
  };
  const period = (path: string, id: string) => check(path, id, ctx.periodIds, "period");
  return { issues, check, period };
}

function checkContract(ctx: CheckContext, d: ContractManufacturing, at: string): Issue[] {
  const { issues, check, period } = refs(ctx, d, at);
  check("host", d.host, ctx.companyIds, "company");
  check("client", d.client, ctx.companyIds, "company");
  for (const p of Object.keys(d.volume)) period(`volume.${p}`, p);
  if (d.retooling && period("retooling.period", d.retooling.period))
    issues.push(...missingRates(ctx, { id: d.id, currency: d.retooling.currency }, `${at}.retooling`, [d.retooling.period]));
  if (d.retooling && typeof d.retooling.paidBy === "object" && Math.abs(d.retooling.paidBy.host + d.retooling.paidBy.client - 1) > 1e-9) {
    issues.push(
      error(
        `${at}.retooling.paidBy`,
        `host and client shares sum to ${d.retooling.paidBy.host + d.retooling.paidBy.client}, not 1`,
        "the retooling is paid in full by the two of them",
        d.id,
      ),
    );
  }
  issues.push(...volumeAgainstDemand(ctx, d, at));
  if (d.host === d.client) issues.push(error(`${at}.client`, "host and client are the same company", "contract manufacturing is between two companies", d.id));
  if (check("plant", d.plant, ctx.plantIds, "plant")) {
    const plant = ctx.s.plants.find((p) => p.id === d.plant);
    if (plant && plant.owner !== d.host) issues.push(error(`${at}.plant`, `${d.plant} belongs to ${plant.owner}, not the host ${d.host}`, undefined, d.id));
    const program = ctx.s.programs.find((p) => p.id === d.program);
    if (plant && program && !plant.platforms.includes(program.platform))
      issues.push(error(`${at}.plant`, `${d.plant} cannot build platform ${program.platform}`, `add ${program.platform} to its platforms (retooling)`, d.id));
  }
  if (check("program", d.program, ctx.programIds, "program")) {
    const program = ctx.s.programs.find((p) => p.id === d.program);
    if (program && program.seller !== d.client)
      issues.push(error(`${at}.program`, `${d.program} is sold by ${program.seller}, not the client ${d.client}`, undefined, d.id));
  }
  if ("plant" in d.counterfactual && check("counterfactual.plant", d.counterfactual.plant, ctx.plantIds, "plant")) {
    const cf = ctx.s.plants.find((p) => p.id === (d.counterfactual as { plant: string }).plant);
    const program = ctx.s.programs.find((p) => p.id === d.program);
    if (cf && program && !cf.platforms.includes(program.platform))
      issues.push(
        error(
          `${at}.counterfactual.plant`,
          `${cf.id} cannot build platform ${program.platform}, so it cannot be the client's alternative`,
          `add ${program.platform} to its platforms, or choose another plant`,
          d.id,
        ),
      );
    const owner = cf?.owner;
    if (owner !== d.client)
      issues.push(error(`${at}.counterfactual.plant`, `the counterfactual plant belongs to ${owner}, not the client ${d.client}`, undefined, d.id));
  }
  return issues;
}

/** Hosted volume is carved out of the program's demand: more than the demand is cut, and a program built only under the deal sells no more than it. */
function volumeAgainstDemand(ctx: CheckContext, d: ContractManufacturing, at: string): Issue[] {
  const program = ctx.s.programs.find((p) => p.id === d.program);
  if (!program) return [];
  const issues: Issue[] = [];
  const hostedOnly = !Array.isArray(program.sourcing) && Object.keys(program.sourcing).length === 0;
  for (const period of ctx.periods) {
    const volume = d.volume[period.id] ?? 0;
    const demand = Object.values(program.markets).reduce((s, m) => s + demandIn(m, period), 0);
    if (volume > demand + 1e-9)
      issues.push(
        warning(
          `${at}.volume.${period.id}`,
          `deal volume ${volume} exceeds ${d.program}'s demand ${demand}; only ${demand} are built`,
          "raise the program's demand, or lower the volume",
          d.id,
        ),
      );
    else if (hostedOnly && demand > volume + 1e-9)
      issues.push(
        warning(
          `${at}.volume.${period.id}`,
          `${d.program} is built only under the deal, but its demand ${demand} exceeds the volume ${volume}; the rest is not sold`,
          "match the program's demand to the deal volume, or give it a plant of its own",
          d.id,
        ),
      );
  }
  return issues;
}
