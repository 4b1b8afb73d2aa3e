import { col, defineTable, type RowOf } from "../results/define.js";

const { key, label, measure, optional } = col;

/** Money in the base currency, per flow or line. */
const base = <N extends string>(name: N, description: string) => measure(name, "base", description);
/** Money in the row's company's reporting currency (its `currency` column). */
const reporting = <N extends string>(name: N, description: string) => measure(name, "reporting", description);

export const FLOWS = defineTable(
  "flows",
  "One row per period × program × plant × market: the vehicles built at a plant and sold in a market, in the base currency.",
  [
    key("period", "Period id"),
    key("program", "Program id"),
    label("seller", "Company selling the vehicle (importer of record)"),
    key("plant", "Plant id"),
    label("builder", "Company that owns the plant"),
    key("market", "Market id"),
    measure("units", "units", "Vehicles built and sold"),
    base("price", "Net price per unit after any pass-through"),
    base("revenue", "Units × price"),
    base("variableCost", "Variable cost of the units"),
    base("logistics", "Logistics cost of the lane"),
    base("vehicleDuty", "Duties on the finished vehicle (all measures)"),
    base("partsDuty", "Duties on imported parts of the vehicle"),
    base("offset", "US-assembly offset credited, after the cap"),
    base("transfer", "Transfer price paid by the seller to the builder (contract manufacturing)"),
    base("contribution", "Revenue − variable cost − logistics − duties + offset (the vehicle's, whoever books it)"),
  ],
);

export const DUTIES = defineTable("duties", "One line per flow and tariff measure charged: duties positive, offsets negative, in the base currency.", [
  key("period", "Period id"),
  key("program", "Program id"),
  key("plant", "Plant id"),
  key("market", "Market id"),
  key("measure", "Tariff measure id"),
  key("kind", "vehicle, parts or offset"),
  label("payer", "Company that pays (or is credited)"),
  base("amount", "Duty (offsets negative)"),
]);

export const PLANTS = defineTable("plants", "One row per plant and period: output, capacity, utilisation and break-even, money in the base currency.", [
  key("period", "Period id"),
  key("plant", "Plant id"),
  label("owner", "Owning company (of a joint plant: the operator)"),
  label("owners", "Owners and their shares, e.g. `toyota 50% + mazda 50%` for a joint plant; the owner alone otherwise"),
  label("country", "Country of the plant"),
  measure("output", "units", "Vehicles built"),
  measure("capacity", "units", "Capacity in the period (annual capacity × years × share open)"),
  measure("utilisation", "fraction", "Output ÷ capacity"),
  base("fixedCost", "Fixed cost in the period"),
  base("contribution", "Contribution of the vehicles built (the builder's: transfer price − costs for another company's vehicles)"),
  optional("contributionPerUnit", "base", "Contribution per vehicle built; null when the plant built nothing"),
  optional("breakEvenUtilisation", "fraction", "Fixed cost ÷ (capacity × contribution per unit); null when the plant earns no contribution"),
  optional("breakEvenReported", "fraction", "Break-even utilisation reported by a source"),
  optional("headcount", "people", "Employees"),
]);
export type PlantRow = RowOf<typeof PLANTS>;

export const COMPANIES = defineTable(
  "companies",
  "One row per company and period, in the company's reporting currency at the period's average rate (and operating profit in the base currency).",
  [
    key("period", "Period id"),
    key("company", "Company id"),
    label("currency", "Reporting currency of the amounts"),
    measure("fxRate", "reporting/base", "Average rate of the period: reporting-currency units per base-currency unit"),
    measure("units", "units", "Vehicles sold"),
    reporting("revenue", "Units sold × net price"),
    reporting("variableCost", "Variable cost of the vehicles the company builds"),
    reporting("logistics", "Logistics of the vehicles it sells"),
    reporting("vehicleDuty", "Duties on the finished vehicles it imports (as importer of record)"),
    reporting("partsDuty", "Duties on the parts it imports for the vehicles it builds"),
    reporting("offset", "US-assembly offsets credited (positive), after the cap"),
    reporting("netDuty", "vehicleDuty + partsDuty − offset: its net tariff bill"),
    reporting("transferIn", "Transfer prices received from other companies (contract manufacturing, component supply)"),
    reporting("transferOut", "Transfer prices paid to other companies"),
    reporting("netTransfers", "transferIn − transferOut"),
    reporting("contribution", "Revenue + net transfers − variable cost − logistics − net duty"),
    reporting("fixedCost", "Fixed cost of the plants it owns"),
    reporting("dealCosts", "One-offs of deals: retooling, development, closure costs (sale proceeds negative)"),
    reporting("operatingProfit", "Operating profit of the modelled scope: contribution − fixed cost − deal costs"),
    reporting("equityIncome", "Equity-method income of its stakes (below operating profit)"),
    reporting("profit", "Operating profit + equity income"),
    reporting("dividends", "Dividends received on its stakes (cash, not profit)"),
    reporting("nonCashCosts", "The part of deal costs that is not cash (write-offs)"),
    reporting("stakeSales", "Cash from selling shares of its stakes (capital ties): not profit"),
    reporting("costPrograms", "Savings of the company's cost programmes against the base year (whole company, beside the modelled scope)"),
    reporting(
      "otherPlanned",
      "The company's other planned changes against the base year (cost programmes of kind `other`: inflation, selling costs), negative for a cost",
    ),
    reporting(
      "restOfCompany",
      "Operating profit of the businesses the model leaves out: the base-year plug, its foreign parts translated at the period's rate",
    ),
    reporting(
      "companyOperatingProfit",
      "Whole-company operating profit: the modelled scope's operating profit + cost programmes + other planned changes + rest of company",
    ),
    base("operatingProfitBase", "Operating profit (modelled scope) in the base currency"),
    base("profitBase", "Operating profit plus equity income, base currency"),
  ],
);
export type CompanyRow = RowOf<typeof COMPANIES>;

export const COMPANY_DUTIES = defineTable("companyDuties", "One row per company, period, tariff measure and kind: what the company pays (offsets negative).", [
  key("period", "Period id"),
  key("company", "Company id"),
  key("measure", "Tariff measure id"),
  key("kind", "vehicle, parts or offset"),
  label("currency", "Reporting currency"),
  base("amountBase", "Amount in the base currency"),
  reporting("amount", "Amount in the reporting currency"),
]);
export type CompanyDutyRow = RowOf<typeof COMPANY_DUTIES>;

/** The tables of an evaluation, in the order reports list them. */
export const RESULT_TABLES = [COMPANIES, COMPANY_DUTIES, PLANTS, FLOWS, DUTIES] as const;
