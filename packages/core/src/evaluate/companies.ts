import { fxRate, type Model } from "../model/model.js";
import { ownerShares } from "../schema/plant.js";
import type { FlowColumns, FlowKeys } from "./flows.js";
import { DUTY_KINDS, type DutyLines } from "./lines.js";
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
export function companyRows(model: Model, flows: FlowColumns, keys: FlowKeys, plants: PlantRow[], ledger: readonly LedgerEntry[] = []): CompanyRow[] {
  // Speed: accumulators by company code, then period index (no key string per flow).
  const acc: Record<Field, number>[][] = [];
  const get = (company: number, t: number) => {
    let byPeriod = acc[company];
    if (!byPeriod) {
      byPeriod = model.periods.map(() => Object.fromEntries(FIELDS.map((k) => [k, 0])) as Record<Field, number>);
      acc[company] = byPeriod;
    }
    return byPeriod[t] as Record<Field, number>;
  };
  for (let f = 0; f < flows.units.length; f++) {
    const t = keys.period[f] as number;
    const seller = get(keys.seller[f] as number, t);
    seller.units += flows.units[f] as number;
    seller.revenue += flows.revenue[f] as number;
    seller.logistics += flows.logistics[f] as number;
    seller.vehicleDuty += flows.vehicleDuty[f] as number;
    seller.transferOut += flows.transfer[f] as number;
    const builder = get(keys.builder[f] as number, t);
    builder.transferIn += flows.transfer[f] as number;
    builder.variableCost += flows.variableCost[f] as number;
    builder.partsDuty += flows.partsDuty[f] as number;
    builder.offset += flows.offset[f] as number;
  }
  for (const row of plants) {
    const plant = model.plants.get(row.plant);
    const t = model.periodIndex.get(row.period) as number;
    // A joint venture is consolidated proportionally: each owner books its share of the fixed cost.
    for (const [owner, share] of plant ? ownerShares(plant) : [[row.owner, 1] as [string, number]])
      get(keys.companies.code(owner), t).fixedCost += share * row.fixedCost;
  }
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

/** Duties by company, period and measure (offsets negative), in the payer's reporting currency. */
export function companyDutyRows(model: Model, flows: FlowColumns, keys: FlowKeys, duties: DutyLines): CompanyDutyRow[] {
  const order = new Map(model.periods.map((p) => [p.id, p.index]));
  const companyOrder = [...model.companies.keys()];
  return groupDuties(flows, keys, duties)
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
 * appearance. Speed: the group key is a number made of the codes, not a
 * string built per duty line.
 */
function groupDuties(flows: FlowColumns, keys: FlowKeys, duties: DutyLines): DutyGroup[] {
  const periods = keys.period;
  const payers = duties.payers.values;
  const kinds = DUTY_KINDS.length;
  const groupOf = new Map<number, DutyGroup>();
  const out: DutyGroup[] = [];
  for (let i = 0; i < duties.length; i++) {
    const f = duties.flow[i] as number;
    const payer = duties.payer[i] as number;
    const measure = duties.measure[i] as number;
    const kind = duties.kind[i] as number;
    const key = (((periods[f] as number) * payers.length + payer) * duties.measures.length + measure) * kinds + kind;
    let g = groupOf.get(key);
    if (!g) {
      g = {
        period: flows.period[f] as string,
        company: payers[payer] as string,
        measure: duties.measures[measure] as string,
        kind: DUTY_KINDS[kind] as string,
        amountBase: 0,
      };
      groupOf.set(key, g);
      out.push(g);
    }
    g.amountBase += duties.amount[i] as number;
  }
  return out;
}
