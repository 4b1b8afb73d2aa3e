import { z } from "zod";
import { formatMoney, moneyUnit } from "../../format/numbers.js";
import { error, type Issue, warning } from "../../issues/issue.js";
import { Currency, Id, Source } from "../../schema/common.js";
import { quantity } from "../../schema/quantity.js";
import type { DealCheckContext } from "../check.js";
import type { DealEffects, DealOptions, EffectContext } from "../effects.js";
import { type DealModule, type DealTerms, ownCurrencyMoney, type TermsContext } from "../module.js";
import { closureJobs } from "./plant-action.js";

export const Programme = z
  .strictObject({
    id: Id,
    type: z.literal("programme"),
    name: z.string(),
    company: Id.meta({ description: "Company whose programme it is" }),
    deals: z.array(Id).min(1).meta({ description: "The deals it groups (plant actions, supply or capital deals), valued together" }),
    currency: Currency.meta({ description: "Currency of the announced figures" }),
    announced: z
      .strictObject({
        cost: quantity({ unit: "money", description: "Announced one-off cost of the whole programme", min: 0 }).optional(),
        saving: quantity({ unit: "money/year", description: "Announced annual saving of the whole programme" }).optional(),
        by: z.string().optional().meta({ description: "Period by which the saving is reached, e.g. FY2026" }),
        jobs: quantity({ unit: "units", description: "Jobs the programme cuts", min: 0 }).optional(),
        plants: z.string().optional().meta({ description: "Plants before and after, as announced, e.g. 17 -> 10" }),
        source: Source.optional(),
        note: z.string().optional(),
      })
      .default({})
      .meta({ description: "What the company announced for the whole programme, set beside the modelled members" }),
    source: Source.optional(),
    note: z.string().optional(),
  })
  .meta({
    title: "Programme",
    description:
      "Several deals valued as one (a restructuring plan): its counterfactual replaces every member by its own; set beside the announced cost and saving.",
  });
export type Programme = z.infer<typeof Programme>;

/** A programme has no effect of its own: its members carry them, and its counterfactual replaces them all (DealModule.members). */
function effects(_deal: Programme, _ctx: EffectContext, _opts: DealOptions, _out: DealEffects): void {}

/**
 * Members exist, are named once, are not the programme itself or another
 * programme (one level of grouping keeps the counterfactual clear), and
 * belong to the company (a warning otherwise: a plan may include a partner's part).
 */
function check(d: Programme, ctx: DealCheckContext, at: string): Issue[] {
  const issues: Issue[] = [];
  if (!ctx.companyIds.has(d.company))
    issues.push(error(`${at}.company`, `unknown company \`${d.company}\``, `companies: ${[...ctx.companyIds].join(", ")}`, d.id));
  const seen = new Set<string>();
  d.deals.forEach((id, k) => {
    const path = `${at}.deals[${k}]`;
    const member = ctx.s.deals.find((x) => x.id === id);
    if (seen.has(id)) issues.push(error(path, `${id} is named twice`, "name each member once", d.id));
    seen.add(id);
    if (id === d.id) issues.push(error(path, "a programme cannot contain itself", "name the deals it groups", d.id));
    else if (!member) issues.push(error(path, `unknown deal \`${id}\``, `deals: ${ctx.s.deals.map((x) => x.id).join(", ")}`, d.id));
    else if (member.type === "programme") issues.push(error(path, `${id} is itself a programme`, "list its members here instead", d.id));
    else if (member.type === "plant-action" && ctx.s.plants.find((p) => p.id === member.plant)?.owner !== d.company)
      issues.push(warning(path, `${id} acts on a plant ${d.company} does not own`, "check the member belongs to this programme", d.id));
  });
  return issues;
}

/** The modelled members against the announcement: one-offs, the fixed cost saved at the horizon's end, jobs at the closed plants. */
function terms(d: Programme, ctx: TermsContext): DealTerms {
  const company = ctx.scenario.companies.find((c) => c.id === d.company);
  const cur = company?.reportingCurrency ?? ctx.scenario.fx.base;
  const m = (x: number, c = cur) => `${formatMoney(x, c)} ${moneyUnit(c)}`;
  const last = ctx.periods.at(-1);
  const t = ctx.periods.map((p) => p.index);
  const oneOffs = t.reduce((s, i) => s + ctx.delta(d.company, "dealCosts", i), 0);
  // The run-rate saving: fixed cost that stops (net of what stays) and any recurring deal cost of the last period.
  const lastT = last?.index ?? 0;
  const runRate = last ? -(ctx.delta(d.company, "fixedCost", lastT) + ctx.delta(d.company, "dealCosts", lastT)) / last.years : 0;
  const jobs = d.deals.reduce((s, id) => {
    const member = ctx.scenario.deals.find((x) => x.id === id);
    if (member?.type !== "plant-action" || member.action !== "close") return s;
    const plant = ctx.scenario.plants.find((p) => p.id === member.plant);
    return plant ? s + closureJobs(member, plant, ctx.scenario.parameters.jobsPerThousandUnits) : s;
  }, 0);
  const a = d.announced;
  const lines = [
    `members: ${d.deals.join(", ")}, valued together (each replaced by its own counterfactual)`,
    `modelled: closure costs ${m(oneOffs)} over the horizon, operating profit ${m(runRate)} a year better in ${last?.id ?? "the last period"} (fixed cost saved less what stays), ${Math.round(jobs).toLocaleString("en-US")} jobs at the closed plants`,
  ];
  const announced = [
    a.cost === undefined ? null : `cost ${m(a.cost, d.currency)}`,
    a.saving === undefined ? null : `saving ${m(a.saving, d.currency)} a year${a.by ? ` by ${a.by}` : ""}`,
    a.jobs === undefined ? null : `${Math.round(a.jobs).toLocaleString("en-US")} jobs`,
    a.plants === undefined ? null : `plants ${a.plants}`,
  ].filter((x): x is string => x !== null);
  if (announced.length > 0) {
    const share =
      a.saving && a.saving > 0 && last
        ? `; the modelled members make ${((ctx.convert(runRate, cur, d.currency, lastT) / a.saving) * 100).toFixed(1)}% of the announced saving`
        : "";
    lines.push(`announced for the whole programme: ${announced.join(", ")}${share}`);
  }
  return { lines, figures: { currency: cur, oneOffs, runRateSaving: runRate, jobs, announced: a } };
}

export const programme = {
  type: "programme",
  schema: Programme,
  summary: "several deals valued as one (a restructuring plan), set beside its announced cost, saving and jobs",
  effects,
  check,
  terms,
  members: (d) => d.deals,
  money: (raw, { base }) =>
    ownCurrencyMoney(raw, base, [
      ["announced", "cost"],
      ["announced", "saving"],
    ]),
} satisfies DealModule<Programme>;
