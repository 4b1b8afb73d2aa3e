import { z } from "zod";
import { error, type Issue, warning } from "../../issues/issue.js";
import { Currency, Id, Source } from "../../schema/common.js";
import type { Program } from "../../schema/program.js";
import { quantity } from "../../schema/quantity.js";
import { type DealCheckContext, missingRates, refs } from "../check.js";
import type { DealEffects, DealOptions, EffectContext } from "../effects.js";
import { type DealModule, ownCurrencyMoney } from "../module.js";

export const ComponentSupply = z
  .strictObject({
    id: Id,
    type: z.literal("component-supply"),
    name: z.string(),
    supplier: Id.meta({ description: "Company that supplies the component" }),
    plant: Id.meta({ description: "Supplier's plant that makes it; its country is the component's origin for duties" }),
    buyer: Id.meta({ description: "Company whose programs use the component" }),
    programs: z.array(Id).min(1).meta({ description: "Buyer's programs that use it, one component per vehicle" }),
    currency: Currency.default("USD"),
    price: quantity({ unit: "money/unit", description: "Price per component the buyer pays the supplier", min: 0 }),
    supplierCost: quantity({ unit: "money/unit", description: "Supplier's variable cost per component", min: 0 }),
    replacedCost: quantity({
      unit: "money/unit",
      description: "Buyer's cost per unit of what the component replaces (its counterfactual), already in the programs' variable cost",
      min: 0,
    }),
    from: z.string().meta({ description: "First period of supply" }),
    source: Source.optional(),
    note: z.string().optional(),
  })
  .meta({ title: "Component supply", description: "One company supplies a component to another's programs; duties apply when it crosses a border." });
export type ComponentSupply = z.infer<typeof ComponentSupply>;

/**
 * Component supply: from period `from` on, the supplier's plant makes one
 * component per vehicle of the buyer's listed programs, at `price`, replacing
 * what the buyer would otherwise make or buy (`replacedCost`, already in the
 * programs' variable cost). The evaluator settles it after the flows (see
 * evaluate/supplies.ts). Without the deal nothing happens: the buyer keeps
 * its own component, which its variable cost already holds.
 */
function effects(deal: ComponentSupply, ctx: EffectContext, opts: DealOptions, out: DealEffects): void {
  if (opts.counterfactual?.has(deal.id)) return;
  const plant = ctx.plants.get(deal.plant);
  const from = ctx.periodIndex.get(deal.from);
  if (!plant || from === undefined) return; // validation refuses unknown references
  // Amounts before `from` are never used; leaving them 0 needs no FX rate for those periods.
  const perUnit = (amount: number) => ctx.periods.map((p) => (p.index < from ? 0 : ctx.toBase(amount, deal.currency, p.index)));
  out.supplies.push({
    deal: deal.id,
    supplier: deal.supplier,
    buyer: deal.buyer,
    programs: new Set(deal.programs),
    origin: plant.country,
    from,
    price: perUnit(deal.price),
    supplierCost: perUnit(deal.supplierCost),
    replacedCost: perUnit(deal.replacedCost),
  });
}

/**
 * A component supply: two different companies; the plant is the supplier's
 * (its country is the component's origin); the programs are the buyer's,
 * each listed once; the first period exists and the deal's currency has a
 * rate from it on; the replaced cost fits inside each program's variable
 * cost (it is part of it), and a price below the supplier's cost is flagged.
 */
function check(d: ComponentSupply, ctx: DealCheckContext, at: string): Issue[] {
  const { issues, check, period } = refs(ctx, d, at);
  const supplier = check("supplier", d.supplier, ctx.companyIds, "company");
  check("buyer", d.buyer, ctx.companyIds, "company");
  if (d.supplier === d.buyer)
    issues.push(
      error(`${at}.buyer`, "supplier and buyer are the same company", "a component supply is between two companies; in-house parts are in variable cost", d.id),
    );
  if (check("plant", d.plant, ctx.plantIds, "plant") && supplier) issues.push(...plantIssues(ctx, d, at));
  const from = period("from", d.from) ? ctx.periods.findIndex((p) => p.id === d.from) : -1;
  const rated = from >= 0 ? ctx.periods.slice(from).map((p) => p.id) : [];
  issues.push(...missingRates(ctx, d, at, rated));
  const seen = new Set<string>();
  d.programs.forEach((id, j) => {
    if (seen.has(id)) issues.push(error(`${at}.programs[${j}]`, `${id} is listed twice`, "list each program once: one component per vehicle", d.id));
    seen.add(id);
    const program = ctx.s.programs.find((p) => p.id === id);
    // A program that failed the schema is known (no second error) but not checked against.
    if (check(`programs[${j}]`, id, ctx.programIds, "program") && program) issues.push(...programIssues(ctx, d, program, j, from, at));
  });
  if (d.price < d.supplierCost)
    issues.push(
      warning(
        `${at}.price`,
        `the price ${d.price} is below the supplier's cost ${d.supplierCost}: the supplier loses on every component`,
        "check the price and the cost",
        d.id,
      ),
    );
  return issues;
}

function plantIssues(ctx: DealCheckContext, d: ComponentSupply, at: string): Issue[] {
  const owner = ctx.s.plants.find((p) => p.id === d.plant)?.owner;
  if (owner === d.supplier) return [];
  return [error(`${at}.plant`, `${d.plant} belongs to ${owner}, not the supplier ${d.supplier}`, `name one of ${d.supplier}'s plants`, d.id)];
}

/** A listed program is the buyer's, and the cost the component replaces is no more than the program's whole variable cost. */
function programIssues(ctx: DealCheckContext, d: ComponentSupply, program: Program, j: number, from: number, at: string): Issue[] {
  const path = `${at}.programs[${j}]`;
  if (program.seller !== d.buyer)
    return [error(path, `${program.id} is sold by ${program.seller}, not the buyer ${d.buyer}`, "list only the buyer's programs (one deal per buyer)", d.id)];
  const replaced = inBase(ctx, d.replacedCost, d.currency, from);
  const variable = inBase(ctx, program.variableCost, program.currency, from);
  if (replaced === undefined || variable === undefined || replaced <= variable * (1 + 1e-9)) return [];
  const i = ctx.s.programs.indexOf(program);
  return [
    error(
      `${at}.replacedCost`,
      `the replaced cost ${d.replacedCost} ${d.currency} is more than the whole variable cost of ${program.id} (${program.variableCost} ${program.currency})`,
      `it is the part of programs[${i}].variableCost that the component replaces: lower it, or raise the variable cost`,
      d.id,
    ),
  ];
}

/** An amount in the base currency at period t's rate; undefined when the rate is missing (reported elsewhere). */
function inBase(ctx: DealCheckContext, amount: number, currency: string, t: number): number | undefined {
  const { base, rates } = ctx.s.fx;
  if (currency === base) return amount;
  const period = ctx.periods[Math.max(0, t)];
  const rate = period ? rates[currency]?.[period.id] : undefined;
  return rate === undefined || rate <= 0 ? undefined : amount / rate;
}

export const componentSupply = {
  type: "component-supply",
  schema: ComponentSupply,
  summary: "one company supplies a component to another's programs; duties apply when it crosses a border",
  effects,
  check,
  money: (raw, { base }) => ownCurrencyMoney(raw, base, [["price"], ["supplierCost"], ["replacedCost"]]),
} satisfies DealModule<ComponentSupply>;
