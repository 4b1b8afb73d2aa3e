import type { Model } from "../model/model.js";
import { type DataOf, tableOfColumns, tableOfRows } from "../results/define.js";
import type { Table } from "../results/table.js";
import { companyDutyRows, companyRows, type LedgerEntry } from "./companies.js";
import { ScheduleCache } from "./duty.js";
import { computeFlows, type FlowColumns, type FlowKeys, numberColumn } from "./flows.js";
import { DUTY_KINDS, type DutyLines } from "./lines.js";
import { capOffsets } from "./offsets.js";
import { plantRows } from "./plants.js";
import { applySupplies } from "./supplies.js";
import { COMPANIES, COMPANY_DUTIES, DUTIES, FLOWS, PLANTS, type PlantRow } from "./tables.js";

export interface Results {
  scenarioId: string;
  base: string;
  periods: string[];
  /** Tariff measure ids in the scenario's order, for presenting duties by measure. */
  measures: string[];
  /** Period × program × plant × market, base currency. */
  flows: Table;
  /** One line per flow and measure: duties positive, offsets negative, base currency. */
  duties: Table;
  /** Plant × period: output, utilisation, fixed cost, break-even (base currency). */
  plants: Table;
  /** Company × period in the company's reporting currency. */
  companies: Table;
  /** Company × period × measure in the company's reporting currency. */
  companyDuties: Table;
  warnings: string[];
}

/** What valuations read of an evaluation: the companies table and its periods (a deal's gains, the price fit, a sweep's outputs). */
export type CompanyResults = Pick<Results, "scenarioId" | "base" | "periods" | "companies">;

export function evaluateModel(model: Model): Results {
  const { flows, duties, keys, ledger, contribution, plantList } = evaluateCore(model);
  const warnings = plantList.flatMap((p) => {
    if (p.capacity === 0 && p.output > 0)
      return [`plant ${p.plant} builds ${p.output.toFixed(0)} units in ${p.period} but has no capacity then (closed, or capacity 0)`];
    if (p.utilisation > 1 + 1e-9) return [`plant ${p.plant} runs at ${(p.utilisation * 100).toFixed(1)}% of capacity in ${p.period}: demand exceeds capacity`];
    return [];
  });
  const { scenarioId, base, periods, companies } = companyResults(model, flows, keys, plantList, ledger);
  // Keys in the order the JSON output has always had.
  return {
    scenarioId,
    base,
    periods,
    measures: model.measures.map((d) => d.measure.id),
    flows: tableOfColumns(FLOWS, { ...flows, contribution }, flows.units.length),
    duties: tableOfColumns(DUTIES, dutyData(flows, duties), duties.length),
    plants: tableOfRows(PLANTS, plantList),
    companies,
    companyDuties: tableOfRows(COMPANY_DUTIES, companyDutyRows(model, flows, keys, duties)),
    warnings,
  };
}

/**
 * The companies table alone, the same numbers as evaluateModel's: the flows,
 * offsets and plants are computed as there, but the flow, duty, plant and
 * duty-by-company tables are not built (a third of an evaluation of the
 * default scenario, and most of its garbage, which a sweep never reads).
 * `schedules`: a cache shared with other models of the same scenario and
 * sale window (see ScheduleCache), else one of its own.
 */
export function evaluateCompanies(model: Model, schedules?: ScheduleCache): CompanyResults {
  const { flows, keys, ledger, plantList } = evaluateCore(model, schedules);
  return companyResults(model, flows, keys, plantList, ledger);
}

function evaluateCore(model: Model, schedules = new ScheduleCache(model)) {
  const { flows, duties, keys } = computeFlows(model, schedules);
  // Before the cap: offsets may offset the duties on supplied components.
  const ledger = applySupplies(model, flows, keys, duties, schedules);
  capOffsets(model, flows, keys, duties);
  const contribution = contributions(flows);
  const plantList = plantRows(model, flows, keys, builderContributions(flows, contribution));
  return { flows, duties, keys, ledger, contribution, plantList };
}

function companyResults(model: Model, flows: FlowColumns, keys: FlowKeys, plantList: PlantRow[], ledger: LedgerEntry[]): CompanyResults {
  return {
    scenarioId: model.scenario.id,
    base: model.base,
    periods: model.periods.map((p) => p.id),
    companies: tableOfRows(COMPANIES, companyRows(model, flows, keys, plantList, ledger)),
  };
}

function contributions(f: FlowColumns): number[] {
  const out = numberColumn(f.units.length);
  for (let i = 0; i < f.units.length; i++) {
    out[i] =
      (f.revenue[i] as number) -
      (f.variableCost[i] as number) -
      (f.logistics[i] as number) -
      (f.vehicleDuty[i] as number) -
      (f.partsDuty[i] as number) +
      (f.offset[i] as number);
  }
  return out;
}

/**
 * What each flow contributes to the plant that builds it: the whole vehicle's
 * contribution when the builder sells it, and transfer price − variable cost
 * − parts duties + offset when it builds for another company (the host's
 * view of fixed-cost absorption).
 */
function builderContributions(f: FlowColumns, contribution: number[]): number[] {
  const out = numberColumn(f.units.length);
  for (let i = 0; i < f.units.length; i++) {
    out[i] =
      f.seller[i] === f.builder[i]
        ? (contribution[i] as number)
        : (f.transfer[i] as number) - (f.variableCost[i] as number) - (f.partsDuty[i] as number) + (f.offset[i] as number);
  }
  return out;
}

/** The duty lines as plain columns, with the keys of their flow; one pass into arrays allocated once (speed). */
function dutyData(f: FlowColumns, d: DutyLines): DataOf<typeof DUTIES> {
  const n = d.length;
  const strings = () => new Array<string>(n);
  const c = {
    period: strings(),
    program: strings(),
    plant: strings(),
    market: strings(),
    measure: strings(),
    kind: strings(),
    payer: strings(),
    amount: numberColumn(n),
  };
  for (let i = 0; i < n; i++) {
    const flow = d.flow[i] as number;
    c.period[i] = f.period[flow] as string;
    c.program[i] = f.program[flow] as string;
    c.plant[i] = f.plant[flow] as string;
    c.market[i] = f.market[flow] as string;
    c.measure[i] = d.measures[d.measure[i] as number] as string;
    c.kind[i] = DUTY_KINDS[d.kind[i] as number] as string;
    c.payer[i] = d.payers.values[d.payer[i] as number] as string;
    c.amount[i] = d.amount[i] as number;
  }
  return c;
}

export * from "./tables.js";
