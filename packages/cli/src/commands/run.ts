import { filterRows, type Results, runScenario, type Table } from "@tieup/core";
import { InputError } from "../io/errors.js";
import { emit, guardOut, printIssues } from "../io/output.js";
import { csvTable, jsonTables } from "../report/format.js";
import { renderMarkdown, renderText } from "../report/render.js";
import { companySection, dutySection, headline, plantSection, type Section } from "../report/sections.js";
import { loadScenario } from "../scenario/load.js";
import { explainCommand } from "./explain.js";

/** Options shared by the commands that evaluate and print (run, compare). */
export interface RunOptions {
  with: string[];
  period?: string;
  format: "table" | "json" | "csv" | "md";
  table: string;
  out?: string;
  /** A scenario path: print its value, the claim it cites and that claim's source instead of evaluating. */
  explain?: string;
}

export function runCommand(scenarioPath: string | undefined, opts: RunOptions): void {
  if (opts.explain !== undefined) {
    explainCommand(scenarioPath, opts.explain, opts);
    return;
  }
  const loaded = loadScenario(scenarioPath, opts.with);
  guardOut(opts.out, loaded.files);
  printIssues(loaded.issues.filter((i) => i.severity === "warning"));
  const run = runScenario(loaded.scenario, { headline: true });
  const { results, headline: figures } = run;
  const periods = selectPeriods(results, opts.period);
  const title = loaded.scenario.title || loaded.scenario.id;
  if (opts.format === "json") {
    const tables = [results.companies, results.companyDuties, results.plants, results.flows, results.duties].map((t) => byPeriods(t, periods));
    emit(
      `${JSON.stringify({ scenario: loaded.scenario.id, title, base: results.base, periods, overrides: opts.with, warnings: results.warnings, headline: figures, tables: jsonTables(tables) }, null, 2)}\n`,
      opts.out,
    );
    return;
  }
  if (opts.format === "csv") {
    const t = (results as unknown as Record<string, Table | undefined>)[opts.table];
    if (!t || typeof t !== "object" || !("columns" in t))
      throw new InputError([
        {
          severity: "error",
          path: "--table",
          message: `unknown table \`${opts.table}\``,
          suggestion: "one of companies, companyDuties, plants, flows, duties",
        },
      ]);
    emit(csvTable(byPeriods(t, periods)), opts.out);
    return;
  }
  const focus = opts.period ?? run.focus;
  const span = periods.length === 1 ? `period ${periods[0]}` : `periods ${periods[0]}–${periods.at(-1)}`;
  const intro = [
    `scenario ${loaded.scenario.id}${opts.with.length ? ` with ${opts.with.join(", ")}` : ""} · ${span} · base currency ${results.base}`,
    ...headline(results, focus, figures),
    ...(loaded.scenario.headline
      ? [`tariff cost = duties of the measures in force from ${loaded.scenario.headline.tariffsSince} on, net of US-assembly offsets, on the modelled flows`]
      : []),
  ];
  const sections: Section[] = [...companySection(results, periods), ...dutySection(results, periods), plantSection(results, periods, focus)];
  const render = opts.format === "md" ? renderMarkdown : renderText;
  emit(render(title, intro, sections, results.warnings), opts.out);
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
