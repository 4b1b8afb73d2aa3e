import { fxRate, type Model } from "../model/model.js";
import { ownerShares } from "../schema/plant.js";
import type { Period } from "../time/periods.js";
import type { FlowColumns, FlowKeys } from "./flows.js";
import { DUTY_KINDS, type DutyLines } from "./lines.js";
import { fixedCostAt, openShare } from "./plants.js";
import type { CompanyDutyRow, CompanyRow, PlantRow } from "./tables.js";
import { costProgramSavings, restOfCompany } from "./whole.js";

/** An amount booked by a company outside the flows (e.g. a component supply), base currency. */
export interface LedgerEntry {
  company: string;
  t: number;
  field: LedgerField;
  amount: number;
}
export type LedgerField = "variableCost" | "partsDuty" | "transferIn" | "transferOut";

const FIELDS = [
  "units",
  "revenue",
  "variableCost",
  "logistics",
  "vehicleDuty",
  "partsDuty",
  "offset",
  "transferIn",
  "transferOut",
  "fixedCost",
  "dealCosts",
  "equityIncome",
  "dividends",
  "nonCashCosts",
  "stakeSales",
] as const;
type Field = (typeof FIELDS)[number];

/**
 * Company results per period, in each company's reporting currency at the
 * period's average rate. Who bears what: the seller books revenue, logistics
 * and the duty on the finished vehicle (it is the importer of record); the
 * builder books variable cost, parts duties and offsets (it imports the parts
 * and assembles); the plant owner books fixed cost. A transfer price (contract
 * manufacturing) is revenue of the builder and a cost of the seller, so
 * transfers between companies sum to zero. Deals add one-offs (retooling,
 * closure, development: dealCosts, in operating profit) and equity-method
 * income (below operating profit: profit = operating profit + equity income).
 */
export function companyRows(
  model: Model,
  flows: FlowColumns,
  keys: FlowKeys,
  plants: readonly Pick<PlantRow, "period" | "plant" | "owner" | "fixedCost">[] | undefined,
  ledger: readonly LedgerEntry[] = [],
): CompanyRow[] {
  // Speed: accumulators by company code, then period index (no key string per flow).
  const acc: Record<Field, number>[][] = [];
  const get = (company: number, t: number) => {
    let byPeriod = acc[company];
    if (!byPeriod) {
      byPeriod = model.periods.map(zeroRecord);
      acc[company] = byPeriod;
    }
    return byPeriod[t] as Record<Field, number>;
  };
  addFlowSums(flowSums(flows, keys, model.periods.length), keys.companies.values.length, model.periods.length, get);
  // Each plant's owners once, not once per period (speed).
  const owners = new Map<string, [string, number][]>();
  const addFixedCost = (plantId: string, plantOwner: string, t: number, fixedCost: number) => {
    let shares = owners.get(plantId);
    if (shares === undefined) {
      const plant = model.plants.get(plantId);
      shares = plant ? ownerShares(plant) : [[plantOwner, 1]];
      owners.set(plantId, shares);
    }
    // A joint venture is consolidated proportionally: each owner books its share of the fixed cost.
    for (const [owner, share] of shares) get(keys.companies.code(owner), t).fixedCost += share * fixedCost;
  };
  if (plants) for (const row of plants) addFixedCost(row.plant, row.owner, model.periodIndex.get(row.period) as number, row.fixedCost);
  // Without the plants table, each plant's fixed cost as plantRows computes it, in its order (speed: no row objects).
  else
    for (const period of model.periods)
      for (const plant of model.plants.values()) addFixedCost(plant.id, plant.owner, period.index, fixedCostAt(model, plant, period, openShare(plant, period)));
  for (const o of model.effects.oneOffs) {
    const r = get(keys.companies.code(o.company), o.t);
    if (o.fixedCost) r.fixedCost += o.amount;
    else r.dealCosts += o.amount;
    if (o.cash === false) r.nonCashCosts += o.amount;
  }
  for (const e of ledger) get(keys.companies.code(e.company), e.t)[e.field] += e.amount;
  for (const e of model.effects.equity) {
    const r = get(keys.companies.code(e.company), e.t);
    r.equityIncome += e.income;
    r.dividends += e.dividends;
    r.stakeSales += e.proceeds ?? 0;
  }
  const out: CompanyRow[] = [];
  for (const period of model.periods) {
    for (const company of model.companies.values()) {
      const r = get(keys.companies.code(company.id), period.index);
      const rate = fxRate(model, company.reportingCurrency, period.index);
      const contribution = r.revenue + r.transferIn - r.transferOut - r.variableCost - r.logistics - r.vehicleDuty - r.partsDuty + r.offset;
      const op = contribution - r.fixedCost - r.dealCosts;
      const programs = costProgramSavings(model, company, period.index);
      const other = costProgramSavings(model, company, period.index, "other");
      const rest = restOfCompany(model, company, period.index);
      out.push({
        period: period.id,
        company: company.id,
        currency: company.reportingCurrency,
        fxRate: rate,
        units: r.units,
        revenue: r.revenue * rate,
        variableCost: r.variableCost * rate,
        logistics: r.logistics * rate,
        vehicleDuty: r.vehicleDuty * rate,
        partsDuty: r.partsDuty * rate,
        offset: r.offset * rate,
        netDuty: (r.vehicleDuty + r.partsDuty - r.offset) * rate,
        transferIn: r.transferIn * rate,
        transferOut: r.transferOut * rate,
        netTransfers: (r.transferIn - r.transferOut) * rate,
        contribution: contribution * rate,
        fixedCost: r.fixedCost * rate,
        dealCosts: r.dealCosts * rate,
        operatingProfit: op * rate,
        equityIncome: r.equityIncome * rate,
        profit: (op + r.equityIncome) * rate,
        dividends: r.dividends * rate,
        nonCashCosts: r.nonCashCosts * rate,
        stakeSales: r.stakeSales * rate,
        costPrograms: programs,
        otherPlanned: other,
        restOfCompany: rest,
        companyOperatingProfit: op * rate + programs + other + rest,
        operatingProfitBase: op,
        profitBase: op + r.equityIncome,
      });
    }
  }
  return out;
}

/** A record of zeros, written out: one shape for all (speed: Object.fromEntries per company and period was a twentieth of a small evaluation). */
function zeroRecord(): Record<Field, number> {
  return {
    units: 0,
    revenue: 0,
    variableCost: 0,
    logistics: 0,
    vehicleDuty: 0,
    partsDuty: 0,
    offset: 0,
    transferIn: 0,
    transferOut: 0,
    fixedCost: 0,
    dealCosts: 0,
    equityIncome: 0,
    dividends: 0,
    nonCashCosts: 0,
    stakeSales: 0,
  };
}

/** The fields the flows add to, in the order of the per-company sums (see flowSums). */
const FLOW_FIELDS = ["units", "revenue", "logistics", "vehicleDuty", "transferOut", "transferIn", "variableCost", "partsDuty", "offset"] as const;

/**
 * Sums of the flows by company code, period and FLOW_FIELDS: the seller's
 * units, revenue, logistics, vehicle duty and transfers paid, the builder's
 * transfers received, variable cost, parts duty and offset. Speed: one flat
 * array instead of an object per company and period looked up twice per
 * flow; each sum adds the flows in their order, as before, so the totals are
 * the same to the bit.
 */
function flowSums(flows: FlowColumns, keys: FlowKeys, periods: number): Float64Array {
  const k = FLOW_FIELDS.length;
  const sums = new Float64Array(keys.companies.values.length * periods * k);
  for (let f = 0; f < flows.units.length; f++) {
    const t = keys.period[f] as number;
    const s = ((keys.seller[f] as number) * periods + t) * k;
    const b = ((keys.builder[f] as number) * periods + t) * k;
    sums[s] = (sums[s] as number) + (flows.units[f] as number);
    sums[s + 1] = (sums[s + 1] as number) + (flows.revenue[f] as number);
    sums[s + 2] = (sums[s + 2] as number) + (flows.logistics[f] as number);
    sums[s + 3] = (sums[s + 3] as number) + (flows.vehicleDuty[f] as number);
    sums[s + 4] = (sums[s + 4] as number) + (flows.transfer[f] as number);
    sums[b + 5] = (sums[b + 5] as number) + (flows.transfer[f] as number);
    sums[b + 6] = (sums[b + 6] as number) + (flows.variableCost[f] as number);
    sums[b + 7] = (sums[b + 7] as number) + (flows.partsDuty[f] as number);
    sums[b + 8] = (sums[b + 8] as number) + (flows.offset[f] as number);
  }
  return sums;
}

function addFlowSums(sums: Float64Array, companies: number, periods: number, get: (company: number, t: number) => Record<Field, number>): void {
  const k = FLOW_FIELDS.length;
  for (let c = 0; c < companies; c++) {
    for (let t = 0; t < periods; t++) {
      const at = (c * periods + t) * k;
      let any = false;
      for (let j = 0; j < k; j++) any ||= sums[at + j] !== 0;
      if (!any) continue;
      const r = get(c, t);
      FLOW_FIELDS.forEach((field, j) => {
        r[field] += sums[at + j] as number;
      });
    }
  }
}

/** Duties by company, period and measure (offsets negative), in the payer's reporting currency. */
export function companyDutyRows(model: Model, _flows: FlowColumns, keys: FlowKeys, duties: DutyLines): CompanyDutyRow[] {
  const order = new Map(model.periods.map((p) => [p.id, p.index]));
  const companyOrder = [...model.companies.keys()];
  return groupDuties(model, keys, duties)
    .sort(
      (a, b) =>
        (order.get(a.period) ?? 0) - (order.get(b.period) ?? 0) ||
        companyOrder.indexOf(a.company) - companyOrder.indexOf(b.company) ||
        a.kind.localeCompare(b.kind) ||
        a.measure.localeCompare(b.measure),
    )
    .map((r) => {
      const company = model.companies.get(r.company);
      const currency = company?.reportingCurrency ?? model.base;
      const rate = fxRate(model, currency, order.get(r.period) ?? 0);
      return { ...r, currency, amount: r.amountBase * rate };
    });
}

interface DutyGroup {
  period: string;
  company: string;
  measure: string;
  kind: string;
  amountBase: number;
}

/**
 * Sums duty lines by period, payer, measure and kind, in order of first
 * appearance. Speed: the group of a line is found by a number made of the
 * codes, in a flat table when the codes span a small range (a Map lookup per
 * line otherwise), and summed in a typed array.
 */
function groupDuties(model: Model, keys: FlowKeys, duties: DutyLines): DutyGroup[] {
  const periodCount = model.periods.length;
  const periods = keys.period;
  const payers = duties.payers.values;
  const kinds = DUTY_KINDS.length;
  const size = periodCount * payers.length * duties.measures.length * kinds;
  const table = size <= 1 << 22 ? new Int32Array(size).fill(-1) : undefined;
  const map = table ? undefined : new Map<number, number>();
  const firstLine: number[] = [];
  const sums: number[] = [];
  for (let i = 0; i < duties.length; i++) {
    const f = duties.flow[i] as number;
    const key =
      (((periods[f] as number) * payers.length + (duties.payer[i] as number)) * duties.measures.length + (duties.measure[i] as number)) * kinds +
      (duties.kind[i] as number);
    let g = table ? (table[key] as number) : (map?.get(key) ?? -1);
    if (g < 0) {
      g = sums.length;
      if (table) table[key] = g;
      else map?.set(key, g);
      firstLine.push(i);
      sums.push(0);
    }
    sums[g] = (sums[g] as number) + (duties.amount[i] as number);
  }
  return firstLine.map((i, g) => {
    const f = duties.flow[i] as number;
    return {
      period: (model.periods[keys.period[f] as number] as Period).id,
      company: payers[duties.payer[i] as number] as string,
      measure: duties.measures[duties.measure[i] as number] as string,
      kind: DUTY_KINDS[duties.kind[i] as number] as string,
      amountBase: sums[g] as number,
    };
  });
}
