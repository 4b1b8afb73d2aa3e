import { fxRate, type Model } from "../model.js";
import { type DutyColumns, type FlowColumns, flowPeriods } from "./flows.js";
import type { PlantRow } from "./plants.js";

export interface CompanyRow {
  period: string;
  company: string;
  currency: string;
  units: number;
  revenue: number;
  variableCost: number;
  logistics: number;
  vehicleDuty: number;
  partsDuty: number;
  offset: number;
  contribution: number;
  fixedCost: number;
  operatingProfit: number;
  operatingProfitBase: number;
}

const KIND_INDEX = { vehicle: 0, parts: 1, offset: 2 } as const;

const FIELDS = ["units", "revenue", "variableCost", "logistics", "vehicleDuty", "partsDuty", "offset", "fixedCost"] as const;
type Field = (typeof FIELDS)[number];

/**
 * Company results per period, in each company's reporting currency at the
 * period's average rate. Who bears what: the seller books revenue, logistics
 * and the duty on the finished vehicle (it is the importer of record); the
 * builder books variable cost, parts duties and offsets (it imports the parts
 * and assembles); the plant owner books fixed cost.
 */
export function companyRows(model: Model, flows: FlowColumns, plants: PlantRow[]): CompanyRow[] {
  // Speed: accumulators by company, then period index (no key string per flow).
  const acc = new Map<string, Record<Field, number>[]>();
  const get = (company: string, t: number) => {
    let byPeriod = acc.get(company);
    if (!byPeriod) {
      byPeriod = model.periods.map(() => ({ units: 0, revenue: 0, variableCost: 0, logistics: 0, vehicleDuty: 0, partsDuty: 0, offset: 0, fixedCost: 0 }));
      acc.set(company, byPeriod);
    }
    return byPeriod[t] as Record<Field, number>;
  };
  const periods = flowPeriods(model, flows);
  for (let f = 0; f < flows.units.length; f++) {
    const t = periods[f] as number;
    const seller = get(flows.seller[f] as string, t);
    seller.units += flows.units[f] as number;
    seller.revenue += flows.revenue[f] as number;
    seller.logistics += flows.logistics[f] as number;
    seller.vehicleDuty += flows.vehicleDuty[f] as number;
    const builder = get(flows.builder[f] as string, t);
    builder.variableCost += flows.variableCost[f] as number;
    builder.partsDuty += flows.partsDuty[f] as number;
    builder.offset += flows.offset[f] as number;
  }
  for (const row of plants) get(row.owner, model.periodIndex.get(row.period) as number).fixedCost += row.fixedCost;
  const out: CompanyRow[] = [];
  for (const period of model.periods) {
    for (const company of model.companies.values()) {
      const r = get(company.id, period.index);
      const rate = fxRate(model, company.reportingCurrency, period.index);
      const contribution = r.revenue - r.variableCost - r.logistics - r.vehicleDuty - r.partsDuty + r.offset;
      const op = contribution - r.fixedCost;
      out.push({
        period: period.id,
        company: company.id,
        currency: company.reportingCurrency,
        units: r.units,
        revenue: r.revenue * rate,
        variableCost: r.variableCost * rate,
        logistics: r.logistics * rate,
        vehicleDuty: r.vehicleDuty * rate,
        partsDuty: r.partsDuty * rate,
        offset: r.offset * rate,
        contribution: contribution * rate,
        fixedCost: r.fixedCost * rate,
        operatingProfit: op * rate,
        operatingProfitBase: op,
      });
    }
  }
  return out;
}

/** Duties by company, period and measure (offsets negative), in the payer's reporting currency. */
export function companyDutyRows(model: Model, flows: FlowColumns, duties: DutyColumns) {
  const order = new Map(model.periods.map((p) => [p.id, p.index]));
  const companyOrder = [...model.companies.keys()];
  return groupDuties(model, flows, duties)
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
 * appearance. Speed: nested lookups by period index, then by the strings as
 * they are, so no key string is built per duty line.
 */
function groupDuties(model: Model, flows: FlowColumns, duties: DutyColumns): DutyGroup[] {
  const groups = model.periods.map(() => new Map<string, Map<string, DutyGroup[]>>());
  const periods = flowPeriods(model, flows);
  const out: DutyGroup[] = [];
  for (let i = 0; i < duties.flow.length; i++) {
    const f = duties.flow[i] as number;
    const payer = duties.payer[i] as string;
    const measure = duties.measure[i] as string;
    const kind = duties.kind[i] as DutyColumns["kind"][number];
    const byPayer = groups[periods[f] as number] as Map<string, Map<string, DutyGroup[]>>;
    let byMeasure = byPayer.get(payer);
    if (!byMeasure) {
      byMeasure = new Map();
      byPayer.set(payer, byMeasure);
    }
    let byKind = byMeasure.get(measure);
    if (!byKind) {
      byKind = [];
      byMeasure.set(measure, byKind);
    }
    let g = byKind[KIND_INDEX[kind]];
    if (!g) {
      g = { period: flows.period[f] as string, company: payer, measure, kind, amountBase: 0 };
      byKind[KIND_INDEX[kind]] = g;
      out.push(g);
    }
    g.amountBase += duties.amount[i] as number;
  }
  return out;
}
