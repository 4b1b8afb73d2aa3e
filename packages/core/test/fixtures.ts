/**
 * Builders for small scenarios in code. Every builder returns plain scenario
 * input (what a user writes in YAML); `build` runs it through `Scenario.parse`
 * so tests exercise the same schema defaults and unit conversions as users.
 */
import { type Cell, evaluate, type Results, rows, Scenario, type ScenarioInput, type Table } from "../src/index.js";

type Input = ScenarioInput;
export type CompanyIn = Input["companies"][number];
export type PlantIn = Input["plants"][number];
export type ProgramIn = Input["programs"][number];
export type MarketIn = Input["markets"][number];
export type MeasureIn = NonNullable<Input["tariffs"]>[number];
export type LaneIn = NonNullable<Input["lanes"]>[number];

export const company = (id: string, extra: Partial<CompanyIn> = {}): CompanyIn => ({
  id,
  name: id,
  reportingCurrency: "USD",
  fiscalYearStartMonth: 4,
  ...extra,
});

export const market = (id: string, country: string, currency = "USD"): MarketIn => ({ id, name: id, country, currency });

export const plant = (id: string, owner: string, country: string, extra: Partial<PlantIn> = {}): PlantIn => ({
  id,
  name: id,
  owner,
  country,
  capacity: 100_000,
  fixedCost: 0,
  platforms: ["p"],
  ...extra,
});

/** A program sold in market `us` at price 30 000 with demand 1 000 per period, built at `plants` (id → share). */
export const program = (id: string, seller: string, sourcing: ProgramIn["sourcing"], extra: Partial<ProgramIn> = {}): ProgramIn => ({
  id,
  name: id,
  seller,
  brand: id,
  category: "passenger-car",
  platform: "p",
  variableCost: 20_000,
  sourcing,
  markets: { us: { price: 30_000, demand: 1_000 } },
  ...extra,
});

/** A tariff measure of the US on passenger cars from every origin, in force from 1990, full value. */
export const measure = (id: string, rate: number, extra: Partial<MeasureIn> = {}): MeasureIn => ({
  id,
  name: id,
  importer: "US",
  origins: ["*"],
  categories: ["passenger-car"],
  kind: "additional",
  rate,
  from: "1990-01-01",
  ...extra,
});

export const FY2025 = { fiscalYears: { from: 2025, to: 2025, startMonth: 4 } } as const;

/** The twelve calendar months of FY2025 (April 2025 to March 2026) as explicit periods. */
export const FY2025_MONTHS = {
  periods: Array.from({ length: 12 }, (_, i) => {
    const year = i < 9 ? 2025 : 2026;
    const month = ((i + 3) % 12) + 1;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const mm = String(month).padStart(2, "0");
    return { id: `M${year}-${mm}`, start: `${year}-${mm}-01`, end: `${year}-${mm}-${String(last).padStart(2, "0")}` };
  }),
};

/** Calendar month (1-12) of the i-th month of FY2025 (0 = April 2025). */
export const fyMonth = (i: number): number => ((i + 3) % 12) + 1;

/** A one-company, one-market scenario (US market, USD) over FY2025; override any part. */
export function scenario(parts: Partial<Input> = {}): Input {
  return {
    id: "test",
    horizon: FY2025,
    companies: [company("maker")],
    markets: [market("us", "US")],
    plants: [plant("ohio", "maker", "US")],
    programs: [program("car", "maker", { ohio: 1 })],
    lanes: [],
    tariffs: [],
    ...parts,
  };
}

export const build = (input: Input): Scenario => Scenario.parse(input);
export const run = (input: Input): Results => evaluate(Scenario.parse(input));

const rowCache = new WeakMap<Table, Record<string, Cell>[]>();

/** The rows of a table that match every given key/value (rows are read once per table). */
export function where(t: Table, match: Record<string, Cell>): Record<string, Cell>[] {
  let all = rowCache.get(t);
  if (!all) {
    all = rows(t);
    rowCache.set(t, all);
  }
  const entries = Object.entries(match);
  return entries.length === 0 ? all : all.filter((r) => entries.every(([k, v]) => r[k] === v));
}

/** The single row of a table that matches; throws when there is not exactly one. */
export function one(t: Table, match: Record<string, Cell>): Record<string, Cell> {
  const found = where(t, match);
  if (found.length !== 1) throw new Error(`expected one ${t.name} row for ${JSON.stringify(match)}, found ${found.length}`);
  return found[0] as Record<string, Cell>;
}

/** A numeric cell of the single matching row. */
export function num(t: Table, match: Record<string, Cell>, column: string): number {
  const v = one(t, match)[column];
  if (typeof v !== "number") throw new Error(`${t.name}.${column} for ${JSON.stringify(match)} is ${String(v)}, not a number`);
  return v;
}

/** Σ of a numeric column over the rows that match. */
export function total(t: Table, column: string, match: Record<string, Cell> = {}): number {
  return where(t, match).reduce((s, r) => s + (typeof r[column] === "number" ? (r[column] as number) : 0), 0);
}
