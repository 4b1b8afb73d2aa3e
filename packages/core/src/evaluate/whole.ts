import { fxRate, type Model, toBase } from "../model/model.js";
import type { Company } from "../schema/company.js";

/**
 * The company beyond the modelled scope, in its reporting currency.
 *
 * Rest of company: the base-year amount (reported total − modelled scope,
 * stated in the scenario), held constant in the reporting currency except
 * for its foreign parts, each translated at the period's rate:
 *
 *   RoC(t) = RoC(b) + Σ_f A_f · (X_f(t) − X_f(b)),   X_f = reporting units per unit of f
 *
 * Cost programmes: the savings stated for the period (against the base
 * year), converted from their currency at the period's rate.
 */
export function restOfCompany(model: Model, company: Company, t: number): number {
  const roc = company.restOfCompany;
  if (!roc) return 0;
  const b = model.periodIndex.get(roc.period);
  if (b === undefined) return 0; // validation refuses a period outside the horizon
  const rep = company.reportingCurrency;
  const per = (currency: string, at: number) => fxRate(model, rep, at) / fxRate(model, currency, at);
  let amount = roc.operatingProfit;
  for (const f of roc.foreign) amount += f.amount * (per(f.currency, t) - per(f.currency, b));
  return amount;
}

/** Savings of the company's cost programmes in period t, reporting currency: fixed and variable ones, or (`other`) its other planned changes. */
export function costProgramSavings(model: Model, company: Company, t: number, which: "programmes" | "other" = "programmes"): number {
  const period = model.periods[t];
  if (!period) return 0;
  const rate = fxRate(model, company.reportingCurrency, t);
  let saved = 0;
  for (const p of model.scenario.costPrograms) {
    if ((p.kind === "other") !== (which === "other")) continue;
    const amount = p.company === company.id ? p.savings[period.id] : undefined;
    if (amount !== undefined) saved += toBase(model, amount, p.currency, t) * rate;
  }
  return saved;
}
