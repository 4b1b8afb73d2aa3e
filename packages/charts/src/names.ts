import type { Metric } from "@tieup/core";

/**
 * What the workspace calls things: the scenario's names for its companies,
 * programs, plants, markets, tariff measures and deals (the id when a name
 * is missing or blank), and words for the results' columns and the sweep's
 * output paths, so no label shows `s232-usmca` or
 * `company.honda.FY2026.operatingProfit`.
 */

type Named = { id: string; name?: string | undefined };

/** The entity's name, else its id. */
export function nameOf(list: readonly Named[] | undefined, id: string): string {
  const name = list?.find((x) => x.id === id)?.name?.trim();
  return name ? name : id;
}

export const companyName = (companies: readonly Named[], id: string) => nameOf(companies, id);

/** Id → name lookups for one scenario, for chart builders that get plain data. */
export interface Names {
  company: (id: string) => string;
  measure: (id: string) => string;
  program: (id: string) => string;
  plant: (id: string) => string;
  market: (id: string) => string;
  deal: (id: string) => string;
}

/** The lists a scenario names things in (the web's scenario summary, or a scenario itself). */
export interface NamedLists {
  companies: readonly Named[];
  measures: readonly Named[];
  programs: readonly Named[];
  plants: readonly Named[];
  markets: readonly Named[];
  deals: readonly Named[];
}

export function namesOf(meta: NamedLists): Names {
  const by = (list: readonly Named[]) => {
    const m = new Map(list.map((x) => [x.id, x.name?.trim() || x.id]));
    return (id: string) => m.get(id) ?? id;
  };
  return {
    company: by(meta.companies),
    measure: by(meta.measures),
    program: by(meta.programs),
    plant: by(meta.plants),
    market: by(meta.markets),
    deal: by(meta.deals),
  };
}

/** Names that keep the ids: for builders called without a scenario. */
export const ID_NAMES: Names = { company: String, measure: String, program: String, plant: String, market: String, deal: String };

/**
 * A label cut to `max` characters with an ellipsis in the middle, keeping
 * its start and its end ("Nissan builds a Ho… · NPV of Honda's gain"): axis
 * labels that must fit a margin; the tooltip keeps the whole.
 */
export function fitLabel(text: string, max: number): string {
  if (text.length <= max) return text;
  const keep = Math.max(2, max - 1);
  const head = Math.ceil(keep / 2);
  return `${text.slice(0, head).trimEnd()}…${text.slice(text.length - (keep - head)).trimStart()}`;
}

/** Words for the companies table's columns as the reports say them; other columns are spelled out from their camelCase. */
const COLUMN_WORDS: Record<string, string> = {
  operatingProfit: "operating profit",
  companyOperatingProfit: "operating profit, whole company",
  operatingProfitBase: "operating profit (base currency)",
  profit: "profit with equity income",
  profitBase: "profit with equity income (base currency)",
  vehicleDuty: "vehicle duty",
  partsDuty: "parts duty",
  netDuty: "net duty",
  offset: "US-assembly offsets",
  fxRate: "exchange rate",
  units: "vehicles sold",
  netTransfers: "net transfers",
  dealCosts: "deal costs",
  equityIncome: "equity income",
  costPrograms: "cost programmes",
  otherPlanned: "other planned changes",
  restOfCompany: "rest of company",
};

/** operatingProfit → "operating profit"; an unknown fooBarBaz → "foo bar baz". */
export function columnWords(column: string): string {
  return COLUMN_WORDS[column] ?? column.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

/** A sweep output in words: "Honda · FY2026 operating profit", "Canton pickup · NPV of Honda's gain", "Canton pickup · P(win-win)". */
export function metricLabel(m: Metric, names: Names): string {
  switch (m.kind) {
    case "company":
      return `${names.company(m.company)} · ${m.period} ${columnWords(m.column)}`;
    case "npv":
      return `${names.deal(m.deal)} · NPV of ${names.company(m.company)}'s gain`;
    case "jointSurplus":
      return `${names.deal(m.deal)} · joint surplus (NPV)`;
    case "winwin":
      return `${names.deal(m.deal)} · P(win-win)`;
    case "zone":
      return `${names.deal(m.deal)} · P(zone of agreement)`;
  }
}
