import type { Results } from "../evaluate/index.js";
import { withRates } from "../impact/window.js";
import { type Run, runScenario } from "../pipeline/run.js";
import { tableOfRows } from "../results/define.js";
import { rows, type Table } from "../results/table.js";
import { BRIDGE, BRIDGE_LABELS, BRIDGE_STEPS, type BridgeStep } from "./tables.js";

/** One side of a bridge: a run and the period read from it. */
export interface BridgeSide {
  run: Run;
  period: string;
  /** How the bridge names the side (default: the period). */
  label?: string;
}

type Factors = Record<BridgeStep, number>;

const zero = (): Factors => Object.fromEntries(BRIDGE_STEPS.map((s) => [s, 0])) as Factors;

/**
 * Whole-company operating profit from side A to side B by factor, the way
 * the companies present their results. FX first: B is evaluated again with
 * its period's exchange rates set to A's (B′); FX = OP(B) − OP(B′). B′ and A
 * then share their rates, and the rest telescopes flow by flow (flows matched
 * by program, plant and market; per-unit amounts in reporting currency):
 *
 *   volume and mix    Σ (u_B − u_A) · margin per unit at A (at B for a new flow)
 *   price, costs, tariffs, offsets   Σ u_B · (per-unit item at B′ − at A)
 *   deals             every change on flows built by another company, transfers, deal one-offs, supplies
 *   fixed costs, cost programmes, other planned changes, rest of company   their changes
 *
 * so start + the factors = end exactly (property-tested).
 */
export function profitBridge(a: BridgeSide, b: BridgeSide): Table {
  const atRatesOfA = ratesOf(a, b);
  const prime = runScenario(atRatesOfA, { prices: b.run.prices }).results;
  const out = [];
  for (const company of a.run.scenario.companies) {
    const f = zero();
    const opA = companyOp(a.run.results, company.id, a.period);
    const opB = companyOp(b.run.results, company.id, b.period);
    f.start = opA;
    f.end = opB;
    f.fx = opB - companyOp(prime, company.id, b.period);
    addOperating(f, company.id, a.run.results, a.period, prime, b.period);
    for (const step of BRIDGE_STEPS)
      out.push({
        company: company.id,
        step,
        label: BRIDGE_LABELS[step],
        from: a.label ?? a.period,
        to: b.label ?? b.period,
        currency: company.reportingCurrency,
        amount: f[step],
      });
  }
  return tableOfRows(BRIDGE, out);
}

/** B's scenario with its period's rates set to those of A's period. */
function ratesOf(a: BridgeSide, b: BridgeSide) {
  const rates: Record<string, number> = {};
  for (const [currency, byPeriod] of Object.entries(a.run.scenario.fx.rates)) {
    const r = byPeriod[a.period];
    if (r !== undefined) rates[currency] = r;
  }
  return withRates(b.run.scenario, b.period, rates);
}

function companyRow(r: Results, company: string, period: string): Record<string, unknown> | undefined {
  return rows(r.companies).find((x) => x.company === company && x.period === period);
}

function companyOp(r: Results, company: string, period: string): number {
  return Number(companyRow(r, company, period)?.companyOperatingProfit ?? 0);
}

/** A company's per-unit items on one flow, signed as they enter its operating profit, reporting currency. */
interface FlowItems {
  units: number;
  hosted: boolean;
  price: number;
  costs: number;
  vehicleTariffs: number;
  partsTariffs: number;
  offsets: number;
  transfers: number;
}

const ITEMS = ["price", "costs", "vehicleTariffs", "partsTariffs", "offsets", "transfers"] as const;

function margin(x: FlowItems): number {
  return x.price + x.costs + x.vehicleTariffs + x.partsTariffs + x.offsets + x.transfers;
}

/** Adds the factors of the modelled scope, cost programmes and rest of company from A to B′ (same rates). */
function addOperating(f: Factors, company: string, ra: Results, pa: string, rb: Results, pb: string): void {
  const fa = flowItems(ra, company, pa);
  const fb = flowItems(rb, company, pb);
  for (const [k, xb] of fb) {
    const xa = fa.get(k);
    addFlow(f, xa, xb);
  }
  for (const [k, xa] of fa) if (!fb.has(k)) addFlow(f, xa, undefined);
  const rowA = companyRow(ra, company, pa) ?? {};
  const rowB = companyRow(rb, company, pb) ?? {};
  const n = (row: Record<string, unknown>, c: string) => Number(row[c] ?? 0);
  f.fixedCosts -= n(rowB, "fixedCost") - n(rowA, "fixedCost");
  f.costPrograms += n(rowB, "costPrograms") - n(rowA, "costPrograms");
  f.otherPlanned += n(rowB, "otherPlanned") - n(rowA, "otherPlanned");
  f.restOfCompany += n(rowB, "restOfCompany") - n(rowA, "restOfCompany");
  // What the flows do not hold (deal one-offs, component supplies booked on a ledger) is the deals'.
  const offFlows = (row: Record<string, unknown>, items: Map<string, FlowItems>) =>
    n(row, "operatingProfit") + n(row, "fixedCost") - [...items.values()].reduce((s, x) => s + x.units * margin(x), 0);
  f.deals += offFlows(rowB, fb) - offFlows(rowA, fa);
}

/** One flow's change: volume at A's margin, then each item's per-unit change on B's units; all of it to deals when another company builds it. */
function addFlow(f: Factors, xa: FlowItems | undefined, xb: FlowItems | undefined): void {
  const ref = (xa ?? xb) as FlowItems;
  const ua = xa?.units ?? 0;
  const ub = xb?.units ?? 0;
  const volume = (ub - ua) * margin(xa ?? ref);
  const target = ref.hosted || xb?.hosted ? "deals" : undefined;
  f[target ?? "volume"] += volume;
  if (!xa || !xb) return;
  for (const item of ITEMS) {
    const delta = ub * (xb[item] - xa[item]);
    f[target ?? (item === "transfers" ? "deals" : item)] += delta;
  }
}

/** The company's flows in a period, by program, plant and market, with its per-unit items. */
function flowItems(r: Results, company: string, period: string): Map<string, FlowItems> {
  const rate = rateOf(r, company, period);
  const out = new Map<string, FlowItems>();
  const d = r.flows.data;
  for (let i = 0; i < r.flows.length; i++) {
    if (d.period?.[i] !== period) continue;
    const seller = d.seller?.[i] === company;
    const builder = d.builder?.[i] === company;
    if (!seller && !builder) continue;
    const u = Number(d.units?.[i] ?? 0);
    if (!(u > 0)) continue;
    const per = (c: string) => (Number(d[c]?.[i] ?? 0) * rate) / u;
    const hosted = d.seller?.[i] !== d.builder?.[i];
    out.set(`${d.program?.[i]}\u0000${d.plant?.[i]}\u0000${d.market?.[i]}`, {
      units: u,
      hosted,
      price: seller ? per("revenue") : 0,
      costs: (seller ? -per("logistics") : 0) - (builder ? per("variableCost") : 0),
      vehicleTariffs: seller ? -per("vehicleDuty") : 0,
      partsTariffs: builder ? -per("partsDuty") : 0,
      offsets: builder ? per("offset") : 0,
      transfers: hosted ? (builder ? per("transfer") : 0) - (seller ? per("transfer") : 0) : 0,
    });
  }
  return out;
}

/** Reporting units per base unit of the company in the period (its companies row's rate). */
function rateOf(r: Results, company: string, period: string): number {
  return Number(companyRow(r, company, period)?.fxRate ?? 1);
}
