import { filterRows, fxSensitivity, profitBridge, profitSummary, type Results, type Run, runScenario, type Table } from "@tieup/core";
import { InputError } from "../io/errors.js";
import { emit, guardOut, printIssues, writeAtomic } from "../io/output.js";
import { csvTable, jsonTables } from "../report/format.js";
import { renderMarkdown, renderText } from "../report/render.js";
import { bridgeSection, companySection, dutySection, fxSection, headline, plantSection, type Section, wholeCompanySection } from "../report/sections.js";
import { workbook } from "../report/xlsx.js";
import { loadScenario } from "../scenario/load.js";
import { explainCommand } from "./explain.js";

/** Options shared by the commands that evaluate and print (run, compare). */
export interface RunOptions {
  with: string[];
  period?: string;
  format: "table" | "json" | "csv" | "md" | "xlsx";
  table: string;
  out?: string;
  /** A scenario path: print its value, the claim it cites and that claim's source instead of evaluating. */
  explain?: string;
  /** CSV: decimals to round numbers to. */
  round?: string;
  /** CSV: units in the header. */
  units?: boolean;
}

export async function runCommand(scenarioPath: string | undefined, opts: RunOptions): Promise<void> {
  if (opts.explain !== undefined) {
    explainCommand(scenarioPath, opts.explain, opts);
    return;
  }
  if (opts.format === "xlsx" && !opts.out)
    throw new InputError([{ severity: "error", path: "--out", message: "a workbook is binary: it needs a file", suggestion: "add --out results.xlsx" }]);
  const loaded = loadScenario(scenarioPath, opts.with);
  guardOut(opts.out, loaded.files);
  printIssues(loaded.issues.filter((i) => i.severity === "warning"));
  const run = runScenario(loaded.scenario, { headline: true });
  const { results, headline: figures } = run;
  const periods = selectPeriods(results, opts.period);
  const focus = opts.period ?? run.focus;
  const title = loaded.scenario.title || loaded.scenario.id;
  const evaluated = RESULT_TABLES.map((name) => byPeriods(results[name], periods));
  if (opts.format === "csv") {
    // The report's own tables cost evaluations of their own (FX moves, the bridge): only when one is asked for.
    const extra = (EXTRA_TABLES as readonly string[]).includes(opts.table) ? companyTables(run, periods, focus) : undefined;
    const available = [...evaluated, ...(extra?.all ?? [])];
    const t = available.find((x) => x.name === opts.table);
    if (!t) {
      const names = [...RESULT_TABLES, ...(extra ? extra.all.map((x) => x.name) : EXTRA_TABLES)];
      throw new InputError([{ severity: "error", path: "--table", message: `unknown table \`${opts.table}\``, suggestion: `one of ${names.join(", ")}` }]);
    }
    emit(csvTable(t, csvOptions(opts, results.base)), opts.out);
    return;
  }
  const extra = companyTables(run, periods, focus);
  if (opts.format === "xlsx") {
    writeAtomic(opts.out as string, await workbook([...evaluated, ...extra.all], results.base, loaded.citations));
    return;
  }
  if (opts.format === "json") {
    emit(
      `${JSON.stringify({ scenario: loaded.scenario.id, title, base: results.base, periods, overrides: opts.with, warnings: results.warnings, headline: figures, tables: jsonTables([...evaluated, ...extra.all]) }, null, 2)}\n`,
      opts.out,
    );
    return;
  }
  const span = periods.length === 1 ? `period ${periods[0]}` : `periods ${periods[0]}–${periods.at(-1)}`;
  const intro = [
    `scenario ${loaded.scenario.id}${opts.with.length ? ` with ${opts.with.join(", ")}` : ""} · ${span} · base currency ${results.base}`,
    ...headline(extra.summary, focus, figures, extra.fx),
    ...(loaded.scenario.headline
      ? [`tariff cost = duties of the measures in force from ${loaded.scenario.headline.tariffsSince} on, net of US-assembly offsets, on the modelled flows`]
      : []),
  ];
  const sections: Section[] = [
    ...wholeCompanySection(extra.summary, periods),
    ...(extra.bridge ? bridgeSection(extra.bridge) : []),
    fxSection(extra.fx),
    ...companySection(results, periods),
    ...dutySection(results, periods),
    plantSection(results, periods, focus),
  ];
  const render = opts.format === "md" ? renderMarkdown : renderText;
  emit(render(title, intro, sections, results.warnings), opts.out);
}

const RESULT_TABLES = ["companies", "companyDuties", "plants", "flows", "duties"] as const;
/** The tables the report adds (companyTables), by name. */
const EXTRA_TABLES = ["profitSummary", "bridge", "fxSensitivity"] as const;

/**
 * The company-level tables a report adds to the evaluation: whole-company
 * profit with the tariff's effect (all shown periods), the bridge from the
 * period before the focus one to it, and the focus period's FX sensitivity.
 */
function companyTables(run: Run, periods: string[], focus: string): { summary: Table; bridge?: Table; fx: Table; all: Table[] } {
  const summary = profitSummary(run, periods);
  const at = run.model.periodIndex.get(focus) ?? 0;
  const before = run.model.periods[at - 1]?.id;
  const bridge = before ? profitBridge({ run, period: before }, { run, period: focus }) : undefined;
  const currencies = Object.keys(run.scenario.fx.rates).filter((c) => run.scenario.fx.rates[c]?.[focus] !== undefined);
  const fx = fxSensitivity(run, focus, currencies);
  return { summary, fx, all: [summary, ...(bridge ? [bridge] : []), fx], ...(bridge ? { bridge } : {}) };
}

function selectPeriods(results: Results, period?: string): string[] {
  if (period === undefined) return results.periods;
  checkPeriod(period, results.periods);
  return [period];
}

/** An unknown --period is bad input, for every command that takes one. */
export function checkPeriod(period: string | undefined, periods: readonly string[]): void {
  if (period !== undefined && !periods.includes(period)) {
    throw new InputError([{ severity: "error", path: "--period", message: `unknown period \`${period}\``, suggestion: `periods are ${periods.join(", ")}` }]);
  }
}

function byPeriods(t: Table, periods: string[]): Table {
  return periods.length === 0 ? t : filterRows(t, (r) => periods.includes(String(r.period)));
}

/** --round and --units of a CSV: decimals (0 to 12) and units in the header. */
function csvOptions(opts: RunOptions, base: string): { digits?: number; unitsOf?: string } {
  const digits = opts.round === undefined ? undefined : Number(opts.round);
  if (digits !== undefined && !(Number.isInteger(digits) && digits >= 0 && digits <= 12))
    throw new InputError([
      { severity: "error", path: "--round", message: `--round takes a number of decimals from 0 to 12, got "${opts.round}"`, suggestion: "e.g. --round 2" },
    ]);
  return { ...(digits !== undefined ? { digits } : {}), ...(opts.units ? { unitsOf: base } : {}) };
}
