import { parse } from "csv-parse/sync";
import { error, type Issue } from "../issues/issue.js";

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
    const value = Number(row[spec.columns.at(-1) as string]);
    const cell = row.source ? { value, source: row.source } : value;
    const problem = name === "demand" ? setDemand(doc, row, cell) : setFx(doc, row, cell);
    if (problem) issues.push({ ...error(where, problem.message, problem.suggestion), file });
  });
  return issues;
}

function setDemand(doc: Doc, row: Record<string, string>, cell: unknown): { message: string; suggestion?: string } | undefined {
  const programs = Array.isArray(doc.programs) ? (doc.programs as Doc[]) : [];
  const program = programs.find((p) => p?.id === row.program);
  if (!program) return { message: `unknown program \`${row.program}\``, suggestion: "every program in the table must be defined in the scenario" };
  const markets = (program.markets ?? {}) as Doc;
  const market = markets[row.market as string] as Doc | undefined;
  if (!market)
    return {
      message: `program ${row.program} has no market \`${row.market}\``,
      suggestion: `add markets.${row.market} (with its price) to program ${row.program}`,
    };
  const demand = typeof market.demand === "object" && market.demand !== null ? (market.demand as Doc) : {};
  market.demand = { ...demand, [row.period as string]: cell };
  return undefined;
}

function setFx(doc: Doc, row: Record<string, string>, cell: unknown): undefined {
  const fx = (doc.fx ?? {}) as Doc;
  const rates = (fx.rates ?? {}) as Record<string, Doc>;
  rates[row.currency as string] = { ...(rates[row.currency as string] ?? {}), [row.period as string]: cell };
  doc.fx = { ...fx, rates };
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
