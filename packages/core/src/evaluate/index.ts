import type { Model } from "../model/model.js";
import { type Cell, type ColumnMeta, createTable, pushRow, type Table } from "../results/table.js";
import { companyDutyRows, companyRows } from "./companies.js";
import { computeFlows, type FlowColumns, numberColumn } from "./flows.js";
import { DUTY_KINDS, type DutyLines } from "./lines.js";
import { capOffsets } from "./offsets.js";
import { plantRows } from "./plants.js";
import { applySupplies } from "./supplies.js";

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

const money = (name: string, description: string, unit = "base"): ColumnMeta => ({ name, role: "value", unit, description });
const key = (name: string, description: string): ColumnMeta => ({ name, role: "key", description });

export const FLOW_COLUMNS: ColumnMeta[] = [
  key("period", "Period id"),
  key("program", "Program id"),
  { name: "seller", role: "value", description: "Company selling the vehicle (importer of record)" },
  key("plant", "Plant id"),
  { name: "builder", role: "value", description: "Company that owns the plant" },
  key("market", "Market id"),
  { name: "units", role: "value", unit: "units", description: "Vehicles built and sold" },
  money("price", "Net price per unit after any pass-through"),
  money("revenue", "Units × price"),
  money("variableCost", "Variable cost of the units"),
  money("logistics", "Logistics cost of the lane"),
  money("vehicleDuty", "Duties on the finished vehicle (all measures)"),
  money("partsDuty", "Duties on imported parts of the vehicle"),
  money("offset", "US-assembly offset credited, after the cap"),
  money("transfer", "Transfer price paid by the seller to the builder (contract manufacturing)"),
  money("contribution", "Revenue - variable cost - logistics - duties + offset (the vehicle's, whoever books it)"),
];

export function evaluateModel(model: Model): Results {
  const { flows, duties, keys } = computeFlows(model);
  // Before the cap: offsets may offset the duties on supplied components.
  const ledger = applySupplies(model, flows, keys, duties);
  capOffsets(model, flows, keys, duties);
  const contribution = contributions(flows);
  const plantList = plantRows(model, flows, keys, builderContributions(flows, contribution));
  const warnings = plantList.flatMap((p) => {
    if (p.capacity === 0 && p.output > 0)
      return [`plant ${p.plant} builds ${p.output.toFixed(0)} units in ${p.period} but has no capacity then (closed, or capacity 0)`];
    if (p.utilisation > 1 + 1e-9) return [`plant ${p.plant} runs at ${(p.utilisation * 100).toFixed(1)}% of capacity in ${p.period}: demand exceeds capacity`];
    return [];
  });
  return {
    scenarioId: model.scenario.id,
    base: model.base,
    periods: model.periods.map((p) => p.id),
    measures: model.measures.map((d) => d.measure.id),
    flows: flowTable(flows, contribution),
    duties: dutyTable(flows, duties),
    plants: objectTable("plants", plantList, PLANT_COLUMNS),
    companies: objectTable("companies", companyRows(model, flows, keys, plantList, ledger), COMPANY_COLUMNS),
    companyDuties: objectTable("companyDuties", companyDutyRows(model, flows, keys, duties), COMPANY_DUTY_COLUMNS),
    warnings,
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

function flowTable(f: FlowColumns, contribution: number[]): Table {
  return { name: "flows", columns: FLOW_COLUMNS, data: { ...f, contribution }, length: f.units.length };
}

function dutyTable(f: FlowColumns, d: DutyLines): Table {
  return {
    name: "duties",
    columns: [
      key("period", "Period id"),
      key("program", "Program id"),
      key("plant", "Plant id"),
      key("market", "Market id"),
      key("measure", "Tariff measure id"),
      key("kind", "vehicle, parts or offset"),
      { name: "payer", role: "value", description: "Company that pays (or is credited)" },
      money("amount", "Duty (offsets negative)"),
    ],
    data: dutyData(f, d),
    length: d.length,
  };
}

/** The duty lines as plain columns, with the keys of their flow; one pass into arrays allocated once (speed). */
function dutyData(f: FlowColumns, d: DutyLines): Record<string, Cell[]> {
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

const PLANT_COLUMNS: ColumnMeta[] = [
  key("period", "Period id"),
  key("plant", "Plant id"),
  { name: "owner", role: "value", description: "Owning company" },
  { name: "country", role: "value", description: "Country of the plant" },
  { name: "output", role: "value", unit: "units", description: "Vehicles built" },
  { name: "capacity", role: "value", unit: "units", description: "Capacity in the period (annual capacity × years × share open)" },
  { name: "utilisation", role: "value", unit: "fraction", description: "Output ÷ capacity" },
  money("fixedCost", "Fixed cost in the period"),
  money("contribution", "Contribution of the vehicles built"),
  money("contributionPerUnit", "Contribution per vehicle built"),
  { name: "breakEvenUtilisation", role: "value", unit: "fraction", description: "Fixed cost ÷ (capacity × contribution per unit)" },
  { name: "breakEvenReported", role: "value", unit: "fraction", description: "Break-even utilisation reported by a source" },
  { name: "headcount", role: "value", unit: "people", description: "Employees" },
];

export const COMPANY_COLUMNS: ColumnMeta[] = [
  key("period", "Period id"),
  key("company", "Company id"),
  { name: "currency", role: "value", description: "Reporting currency of the amounts" },
  { name: "units", role: "value", unit: "units", description: "Vehicles sold" },
  ...[
    "revenue",
    "variableCost",
    "logistics",
    "vehicleDuty",
    "partsDuty",
    "offset",
    "transferIn",
    "transferOut",
    "contribution",
    "fixedCost",
    "dealCosts",
    "operatingProfit",
    "equityIncome",
    "profit",
    "dividends",
  ].map((n) => money(n, n, "reporting")),
  money("operatingProfitBase", "Operating profit in the base currency"),
  money("profitBase", "Operating profit plus equity income, base currency"),
];

const COMPANY_DUTY_COLUMNS: ColumnMeta[] = [
  key("period", "Period id"),
  key("company", "Company id"),
  key("measure", "Tariff measure id"),
  key("kind", "vehicle, parts or offset"),
  { name: "currency", role: "value", description: "Reporting currency" },
  money("amountBase", "Amount in the base currency"),
  money("amount", "Amount in the reporting currency", "reporting"),
];

function objectTable<T extends object>(name: string, list: T[], columns: ColumnMeta[]): Table {
  const t = createTable(name, columns);
  for (const r of list) pushRow(t, r as Record<string, never>);
  return t;
}
