import { col, defineTable } from "../results/define.js";

const { key, label, measure } = col;

/** Steps of the operating-profit bridge, in the order a waterfall draws them. */
export const BRIDGE_STEPS = [
  "start",
  "volume",
  "price",
  "costs",
  "fixedCosts",
  "vehicleTariffs",
  "partsTariffs",
  "offsets",
  "deals",
  "costPrograms",
  "otherPlanned",
  "fx",
  "restOfCompany",
  "end",
] as const;
export type BridgeStep = (typeof BRIDGE_STEPS)[number];

export const BRIDGE_LABELS: Readonly<Record<BridgeStep, string>> = {
  start: "operating profit (from)",
  volume: "volume and mix",
  price: "price and incentives",
  costs: "variable cost and logistics per unit",
  fixedCosts: "fixed costs",
  vehicleTariffs: "tariffs on vehicles",
  partsTariffs: "tariffs on parts",
  offsets: "US-assembly offsets",
  deals: "deals",
  costPrograms: "cost programmes",
  otherPlanned: "other planned changes",
  fx: "exchange rates",
  restOfCompany: "rest of company",
  end: "operating profit (to)",
};

export const BRIDGE = defineTable(
  "bridge",
  "Whole-company operating profit from one side to the other (two periods of a scenario, or two scenarios), by factor: `start` + the factors = `end` exactly.",
  [
    key("company", "Company id"),
    key("step", `start, the factors (${BRIDGE_STEPS.slice(1, -1).join(", ")}), end`),
    label("label", "The step's name as a report shows it"),
    label("from", "The side the bridge starts from, e.g. FY2024 or the base scenario"),
    label("to", "The side it ends at"),
    label("currency", "Reporting currency"),
    measure("amount", "reporting", "start and end: whole-company operating profit; factors: their contribution to the change"),
  ],
);

export const FX_SENSITIVITY = defineTable(
  "fxSensitivity",
  "Change in whole-company operating profit when one currency weakens against the base currency in a period, the rest as written, beside the company's published sensitivity.",
  [
    key("company", "Company id"),
    key("period", "Period id"),
    key("fxCurrency", "The currency moved"),
    label("move", "How far: ¥1 per unit of the base currency for the yen (weaker), +1% otherwise"),
    label("currency", "Reporting currency of the change"),
    measure("modelledScope", "reporting", "Change in the modelled scope's operating profit"),
    measure("wholeCompany", "reporting", "Change in whole-company operating profit (scope, cost programmes and rest of company)"),
    col.optional("published", "reporting", "The company's published sensitivity for the same move, where the scenario states one"),
  ],
);

export const PROFIT_SUMMARY = defineTable(
  "profitSummary",
  "Per company and period: whole-company operating profit and its parts, and the headline tariff cost with its effect on net income and earnings per share.",
  [
    key("company", "Company id"),
    key("period", "Period id"),
    label("currency", "Reporting currency"),
    measure("wholeCompany", "reporting", "Whole-company operating profit: modelled scope + cost programmes + other planned changes + rest of company"),
    measure("modelledScope", "reporting", "Operating profit of the modelled scope (the programs and plants in the scenario)"),
    measure("costPrograms", "reporting", "Savings of the company's cost programmes against the base year"),
    measure("otherPlanned", "reporting", "The company's other planned changes against the base year (negative for a cost)"),
    measure("restOfCompany", "reporting", "Operating profit of the businesses outside the modelled scope"),
    col.optional("tariffGross", "reporting", "Headline tariff cost before offsets: the new duties on vehicles and parts (headline period only)"),
    col.optional("tariffOffsets", "reporting", "US-assembly offsets credited against them (negative)"),
    col.optional("tariffNet", "reporting", "Net tariff cost: gross + offsets"),
    col.optional(
      "tariffNetIncome",
      "reporting",
      "The tariff's effect on net income: −operating profit lost × (1 − tax rate) × (1 − minority share); null without a tax rate",
    ),
    col.optional("tariffEps", "reporting", "The same per share outstanding; null without a share count"),
  ],
);
