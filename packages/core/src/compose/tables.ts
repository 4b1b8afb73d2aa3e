import { parse } from "csv-parse/sync";
import { error, type Issue } from "../issues/issue.js";
import { RESERVED_NAMES, RESERVED_SUGGESTION } from "./reserved.js";

type Doc = Record<string, unknown>;

/** CSV tables a scenario may reference under `tables:` and where their rows go. */
export const TABLES = {
  demand: { columns: ["program", "market", "period", "units"], into: "programs[program].markets[market].demand[period]" },
  fx: { columns: ["currency", "period", "rate"], into: "fx.rates[currency][period]" },
} as const;
export type TableName = keyof typeof TABLES;

export function parseCsv(text: string, file: string): { rows: Record<string, string>[]; issues: Issue[] } {
  try {
    // relax_column_count: a row may leave out its trailing (optional) source cell.
    const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true, relax_column_count: true }) as Record<string, string>[];
    return { rows, issues: [] };
  } catch (e) {
    return { rows: [], issues: [{ ...error("(table)", `cannot read CSV: ${(e as Error).message}`), file }] };
  }
}

/** Writes a table's rows into the document; a cited row keeps its source. */
export function applyTable(doc: Doc, name: TableName, rows: Record<string, string>[], file: string): Issue[] {
  const issues: Issue[] = [];
  const spec = TABLES[name];
  const header = rows[0] ? Object.keys(rows[0]) : [];
  const missing = spec.columns.filter((c) => rows.length > 0 && !header.includes(c));
  if (missing.length > 0)
    return [{ ...error(`tables.${name}`, `the CSV lacks column(s) ${missing.join(", ")}`, `expected columns: ${spec.columns.join(", ")}[, source]`), file }];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const where = `tables.${name} row ${i + 2}`;
    const key = spec.columns
      .slice(0, -1)
      .map((c) => row[c])
      .join("|");
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({
        ...error(where, `repeats row ${first} (${key.replace(/\|/g, ", ")})`, "keep one row per key: a later row would silently replace the earlier"),
        file,
      });
      return;
    }
    seen.set(key, i + 2);
    const bad = checkValue(name, row[spec.columns.at(-1) as string] ?? "");
    if (bad) {
      issues.push({
        ...error(where, bad, name === "demand" ? "units are whole or decimal numbers ≥ 0, e.g. 45000" : "rates are numbers > 0, e.g. 150.67"),
        file,
      });
      return;
    }
    const reserved = spec.columns.slice(0, -1).find((c) => RESERVED_NAMES.has(row[c] ?? ""));
    if (reserved) {
      issues.push({ ...error(`${where}.${reserved}`, `\`${row[reserved]}\` is a reserved name`, RESERVED_SUGGESTION), file });
      return;
    }
    const value = Number(row[spec.columns.at(-1) as string]);
    const cell = row.source ? { value, source: row.source } : value;
    const problem = name === "demand" ? setDemand(doc, row, cell) : setFx(doc, row, cell);
    if (problem) issues.push({ ...error(where, problem.message, problem.suggestion), file });
  });
  return issues;
}

const isRecord = (x: unknown): x is Doc => typeof x === "object" && x !== null && !Array.isArray(x);

/**
 * Puts a demand row into its program's market. A market the scenario wrote
 * as something else than a mapping is left for the schema to report; keys
 * are looked up as own properties only.
 */
function setDemand(doc: Doc, row: Record<string, string>, cell: unknown): { message: string; suggestion?: string } | undefined {
  const programs = Array.isArray(doc.programs) ? (doc.programs as unknown[]) : [];
  const program = programs.find((p): p is Doc => isRecord(p) && p.id === row.program);
  if (!program) return { message: `unknown program \`${row.program}\``, suggestion: "every program in the table must be defined in the scenario" };
  const markets = program.markets;
  const market = isRecord(markets) && Object.hasOwn(markets, row.market as string) ? markets[row.market as string] : undefined;
  if (market === undefined)
    return {
      message: `program ${row.program} has no market \`${row.market}\``,
      suggestion: `add markets.${row.market} (with its price) to program ${row.program}`,
    };
  if (!isRecord(market)) return undefined; // the schema says what is wrong with it
  const demand = isRecord(market.demand) ? market.demand : {};
  market.demand = { ...demand, [row.period as string]: cell };
  return undefined;
}

function setFx(doc: Doc, row: Record<string, string>, cell: unknown): undefined {
  const fx = isRecord(doc.fx) ? doc.fx : {};
  const rates = isRecord(fx.rates) ? fx.rates : {};
  const currency = row.currency as string;
  const before = Object.hasOwn(rates, currency) && isRecord(rates[currency]) ? (rates[currency] as Doc) : {};
  doc.fx = { ...fx, rates: { ...rates, [currency]: { ...before, [row.period as string]: cell } } };
  return undefined;
}

/** The value cell of a row: a plain decimal number (no hex, no blanks), units ≥ 0 and rates > 0. */
function checkValue(name: TableName, text: string): string | undefined {
  if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return `"${text}" is not a number`;
  const value = Number(text);
  if (name === "demand" && value < 0) return `units must be at least 0, got ${value}`;
  if (name === "fx" && value <= 0) return `a rate must be more than 0, got ${value}`;
  return undefined;
}
