import { focusPeriod } from "@tieup/core";
import { exportOutcome, type FootprintOptions, optimizeObjective, optimizeTables, proven, type ScenarioInstance, scenarioInstance } from "@tieup/optimize";
import { type Command, Option } from "commander";
import { inputsSheet, resolveInputs } from "../evidence/inputs.js";
import { EXIT_NOT_PROVEN, InputError, setExitCode } from "../io/errors.js";
import { emit, guardOut, printIssues, writeAtomic } from "../io/output.js";
import { optimizeTableList, renderOptimize } from "../optimize/report.js";
import { checkWorkbookOut, sourceSheet, tableSheet, writeWorkbook } from "../report/xlsx.js";
import { loadScenario } from "../scenario/load.js";
import { withCsvFlags } from "./csv-flags.js";

const collect = (value: string, previous: string[]) => [...previous, ...value.split(",").filter(Boolean)];

export interface OptimizeCliOptions {
  with: string[];
  objective: string;
  footprint?: boolean;
  demand: "ceiling" | "meet";
  timeLimit?: string;
  gap?: string;
  minUtilisation: string;
  retoolCost: string;
  decideFrom?: string;
  closureYears: string;
  retoolPlatforms: "any" | "own";
  discount?: boolean;
  presolve?: "on" | "off";
  export?: string;
  period?: string;
  format: "table" | "json" | "csv" | "md" | "xlsx";
  table: string;
  out?: string;
  round?: string;
  raw?: boolean;
}

/** Adds the `optimize` command to the program. */
export function registerOptimize(program: Command): void {
  const cmd = program
    .command("optimize")
    .description("where should each vehicle be built? the optimal allocation (LP) or footprint (MILP) with HiGHS, and the value of cooperation")
    .argument("[scenario]", "scenario file (default: the built-in scenario)")
    .option("--with <override>", "apply a named override (repeatable)", collect, [])
    .option("--objective <objective>", "company:<id> (stand-alone), alliance, or alliance-fair (no company below its stand-alone optimum)", "alliance")
    .option("--footprint", "also decide which plants to keep and which platforms to add (MILP)")
    .addOption(
      new Option("--demand <rule>", "demand is a ceiling (sell up to it if profitable) or must be met").choices(["ceiling", "meet"]).default("ceiling"),
    )
    .option("--time-limit <seconds>", "HiGHS time limit")
    .option("--gap <fraction>", "relative MIP gap at which to stop, e.g. 0.01")
    .addOption(
      new Option(
        "--presolve <on|off>",
        "HiGHS presolve (default: on for the LP, off for the MILP, where HiGHS' presolve can return a worse answer as optimal)",
      ).choices(["on", "off"]),
    )
    .option("--min-utilisation <fraction>", "with --footprint: minimum utilisation of a kept plant", "0.3")
    .option("--retool-cost <amount>", "with --footprint: one-off cost of adding a platform to a plant, base currency", "300e6")
    .option("--closure-years <n>", "with --footprint: a closure costs this many years of fixed cost, for plants that state no closureCost", "1")
    .addOption(
      new Option("--retool-platforms <rule>", "with --footprint: a plant may add any platform, or only its owner's (own)")
        .choices(["any", "own"])
        .default("any"),
    )
    .option("--discount", "weigh each company's money by its discount factors, profits as NPVs (default with --footprint)")
    .option("--no-discount", "sum each company's money over the horizon undiscounted (default without --footprint)")
    .option(
      "--decide-from <period>",
      "with --footprint: the first period plants may close or retool; earlier ones run as they did (default: the scenario's headline period)",
    )
    .option("--period <id>", "period of the allocation and plant tables (default: the scenario's headline period)")
    .option("--export <file>", "also write the model as model.lp or model.mps (by extension) for another solver")
    .addOption(
      new Option("--format <format>", "output format (xlsx: every table, with --out)").choices(["table", "json", "csv", "md", "xlsx"]).default("table"),
    )
    .option("--table <name>", "table for --format csv: companies, changes, plants, flows, crossBuilt, cooperation", "changes");
  withCsvFlags(cmd)
    .option("--out <file>", "write to a file (atomically) instead of standard output")
    .action((scenario, opts) => optimizeCommand(scenario, opts));
}

export async function optimizeCommand(scenarioPath: string | undefined, opts: OptimizeCliOptions): Promise<void> {
  checkWorkbookOut(opts.format, opts.out);
  const loaded = loadScenario(scenarioPath, opts.with);
  guardOut(opts.out, loaded.files);
  if (opts.export) guardOut(opts.export, loaded.files);
  printIssues(loaded.issues.filter((i) => i.severity === "warning"));
  const exportFormat = opts.export ? formatOf(opts.export) : undefined;
  const si = scenarioInstance(loaded.scenario, { footprint: opts.footprint === true });
  if (opts.period !== undefined && !si.inst.periods.includes(opts.period))
    throw bad("--period", `unknown period \`${opts.period}\``, `periods are ${si.inst.periods.join(", ")}`);
  const request = {
    footprint: opts.footprint ? { ...footprintOptions(opts), ...history(opts.decideFrom ?? focusPeriod(loaded.scenario), si) } : undefined,
    demand: opts.demand,
    discount: opts.discount,
    timeLimit: positive(opts.timeLimit, "--time-limit"),
    gap: fraction(opts.gap, "--gap"),
    presolve: opts.presolve === undefined ? undefined : opts.presolve === "on",
  };
  const { outcome, issues } = await optimizeObjective(loaded.scenario, opts.objective, request, si);
  if (!outcome) throw new InputError(issues);
  // Written before the statuses are checked: an infeasible model is the one most worth reading in another solver.
  if (exportFormat && opts.export) writeAtomic(opts.export, await exportOutcome(outcome, exportFormat));
  if (issues.length > 0) throw new InputError(issues);
  if (opts.format === "xlsx") {
    const s = loaded.scenario;
    await writeWorkbook(opts.out as string, [
      ...optimizeTableList(optimizeTables(outcome)).map((t) => tableSheet(t, outcome.si.inst.base)),
      inputsSheet(resolveInputs(loaded.citations, loaded.files)),
      sourceSheet([
        [
          "command",
          `tieup optimize --objective ${opts.objective}${opts.footprint ? " --footprint" : ""}${opts.with.length ? ` --with ${opts.with.join(",")}` : ""}`,
        ],
        ["scenario", `${s.id}: ${s.title || s.id}`],
        ["solver", outcome.result.detail],
      ]),
    ]);
  } else
    emit(
      renderOptimize(outcome, {
        format: opts.format,
        table: opts.table,
        title: loaded.scenario.title || loaded.scenario.id,
        overrides: opts.with,
        period: opts.period,
        ...(opts.round !== undefined ? { round: opts.round } : {}),
        ...(opts.raw ? { raw: true } : {}),
      }),
      opts.out,
    );
  // An answer not proven optimal is printed, but a script must not take it for one.
  if (!proven(outcome)) setExitCode(EXIT_NOT_PROVEN);
}

function footprintOptions(opts: OptimizeCliOptions): FootprintOptions {
  const minUtilisation = fraction(opts.minUtilisation, "--min-utilisation") ?? 0;
  const retoolCost = Number(opts.retoolCost);
  if (!Number.isFinite(retoolCost) || retoolCost < 0)
    throw bad("--retool-cost", `\`${opts.retoolCost}\` is not an amount`, "a non-negative number in the base currency, e.g. 300e6");
  const years = Number(opts.closureYears);
  if (!Number.isFinite(years) || years < 0)
    throw bad("--closure-years", `\`${opts.closureYears}\` is not a number of years`, "a non-negative number, e.g. 1.5");
  return { minUtilisation, retoolCost, closureYears: years, platforms: opts.retoolPlatforms };
}

/** The periods before the first decision, frozen at the scenario's own sourcing. */
function history(period: string, si: ScenarioInstance): { firstDecision: number; frozen: Float64Array } {
  const firstDecision = si.inst.periods.indexOf(period);
  if (firstDecision < 0) throw bad("--decide-from", `unknown period \`${period}\``, `periods are ${si.inst.periods.join(", ")}`);
  return { firstDecision, frozen: si.baseline };
}

function formatOf(path: string): "lp" | "mps" {
  if (/\.lp$/i.test(path)) return "lp";
  if (/\.mps$/i.test(path)) return "mps";
  throw bad("--export", `cannot tell the format of \`${path}\``, "name the file *.lp or *.mps");
}

function positive(text: string | undefined, path: string): number | undefined {
  if (text === undefined) return undefined;
  const x = Number(text);
  if (!Number.isFinite(x) || x <= 0) throw bad(path, `\`${text}\` is not a positive number of seconds`, "e.g. --time-limit 60");
  return x;
}

function fraction(text: string | undefined, path: string): number | undefined {
  if (text === undefined) return undefined;
  const x = Number(text);
  if (!Number.isFinite(x) || x < 0 || x > 1) throw bad(path, `\`${text}\` is not a fraction between 0 and 1`, "e.g. 0.01");
  return x;
}

function bad(path: string, message: string, suggestion: string): InputError {
  return new InputError([{ severity: "error", path, message, suggestion }]);
}
