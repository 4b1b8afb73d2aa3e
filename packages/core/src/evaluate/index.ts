import type { Model } from "../model/model.js";
import { type DataOf, tableOfLazyColumns, tableOfRows } from "../results/define.js";
import type { Table } from "../results/table.js";
import { companyDutyRows, companyRows, type LedgerEntry } from "./companies.js";
import type { ScheduleCache } from "./duty.js";
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

/** Every table of a model's results. `schedules`: a cache shared with other models of the same scenario and deal options only (see evaluateCompanies). */
export function evaluateModel(model: Model, schedules?: ScheduleCache): Results {
  const { flows, duties, keys, ledger } = evaluateCore(model, schedules);
  const plantList = plantRows(model, flows, keys);
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
    flows: tableOfLazyColumns(FLOWS, flowTableColumns(flows), flows.units.length),
    duties: tableOfLazyColumns(DUTIES, dutyColumns(flows, duties), duties.length),
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
  const { flows, keys, ledger } = evaluateCore(model, schedules);
  // No plants table: companyRows computes the plants' fixed costs, all it reads of it.
  return companyResults(model, flows, keys, undefined, ledger);
}

function evaluateCore(model: Model, given?: ScheduleCache) {
  const { flows, duties, keys, schedules } = computeFlows(model, given);
  // Before the cap: offsets may offset the duties on supplied components.
  const ledger = applySupplies(model, flows, keys, duties, schedules);
  capOffsets(model, flows, keys, duties);
  return { flows, duties, keys, ledger };
}

function companyResults(model: Model, flows: FlowColumns, keys: FlowKeys, plantList: readonly PlantRow[] | undefined, ledger: LedgerEntry[]): CompanyResults {
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

/** The flow columns as results columns: the texts and the contribution are built when read (see LazyFlowColumns). */
function flowTableColumns(f: FlowColumns): { [K in keyof DataOf<typeof FLOWS>]: () => DataOf<typeof FLOWS>[K] } {
  return {
    period: () => f.period,
    program: () => f.program,
    seller: () => f.seller,
    plant: () => f.plant,
    builder: () => f.builder,
    market: () => f.market,
    units: () => f.units,
    price: () => f.price,
    revenue: () => f.revenue,
    variableCost: () => f.variableCost,
    logistics: () => f.logistics,
    vehicleDuty: () => f.vehicleDuty,
    partsDuty: () => f.partsDuty,
    offset: () => f.offset,
    transfer: () => f.transfer,
    contribution: () => contributions(f),
  };
}

/**
 * The duty lines as results columns, each built on first read (see
 * tableOfLazyColumns): the text columns from their flow's, by index. The
 * lines and the flow columns they read are not changed after the evaluation.
 */
function dutyColumns(f: FlowColumns, d: DutyLines): { [K in keyof DataOf<typeof DUTIES>]: () => DataOf<typeof DUTIES>[K] } {
  const n = d.length;
  const byLine =
    <T>(value: (i: number) => T) =>
    () => {
      const out = new Array<T>(n);
      for (let i = 0; i < n; i++) out[i] = value(i);
      return out;
    };
  const ofFlow = (column: string[]) => byLine((i) => column[d.flow[i] as number] as string);
  return {
    period: ofFlow(f.period),
    program: ofFlow(f.program),
    plant: ofFlow(f.plant),
    market: ofFlow(f.market),
    measure: byLine((i) => d.measures[d.measure[i] as number] as string),
    kind: byLine((i) => DUTY_KINDS[d.kind[i] as number] as string),
    payer: byLine((i) => d.payers.values[d.payer[i] as number] as string),
    amount: () => {
      const out = numberColumn(n);
      for (let i = 0; i < n; i++) out[i] = d.amount[i] as number;
      return out;
    },
  };
}

export * from "./tables.js";
