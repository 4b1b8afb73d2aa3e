import { filterRows, fxSensitivity, profitBridge, profitSummary, type Results, type Run, runScenario, type Table } from "@tieup/core";
import { inputsSheet, resolveInputs } from "../evidence/inputs.js";
import { InputError } from "../io/errors.js";
import { emit, guardOut, printIssues } from "../io/output.js";
import { type CsvFlags, csvOf, jsonTables } from "../report/format.js";
import { renderMarkdown, renderText } from "../report/render.js";
import { bridgeSection, companySection, dutySection, fxSection, headline, plantSection, type Section, wholeCompanySection } from "../report/sections.js";
import { checkWorkbookOut, sourceSheet, tableSheet, writeWorkbook } from "../report/xlsx.js";
import { loadScenario } from "../scenario/load.js";
import { dealTables } from "./deal.js";
import { explainCommand } from "./explain.js";

/** Options shared by the commands that evaluate and print (run, compare). */
export interface RunOptions extends CsvFlags {
  with: string[];
  period?: string;
  format: "table" | "json" | "csv" | "md" | "xlsx";
  table: string;
  out?: string;
  /** A scenario path: print its value, the claim it cites and that claim's source instead of evaluating. */
  explain?: string;
}

export async function runCommand(scenarioPath: string | undefined, opts: RunOptions): Promise<void> {
  if (opts.explain !== undefined) {
    explainCommand(scenarioPath, opts.explain, opts);
    return;
  }
  checkWorkbookOut(opts.format, opts.out);
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
    emit(csvOf(t, results.base, opts), opts.out);
    return;
  }
  const extra = companyTables(run, periods, focus);
  if (opts.format === "xlsx") {
    const s = loaded.scenario;
    const deals = dealTables(s, run.prices, opts.period);
    await writeWorkbook(opts.out as string, [
      ...[...evaluated, ...extra.all, ...deals].map((t) => tableSheet(t, results.base)),
      inputsSheet(resolveInputs(loaded.citations, loaded.files)),
      sourceSheet([
        ["command", `tieup run${opts.with.length ? ` --with ${opts.with.join(",")}` : ""}${opts.period ? ` --period ${opts.period}` : ""}`],
        ["scenario", `${s.id}: ${title}`],
        ["periods", periods.join(", ")],
        ["base currency", results.base],
      ]),
    ]);
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
export function companyTables(run: Run, periods: string[], focus: string): { summary: Table; bridge?: Table; fx: Table; all: Table[] } {
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
