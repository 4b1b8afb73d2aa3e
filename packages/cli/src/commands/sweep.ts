import { availableParallelism } from "node:os";
import { join } from "node:path";
import {
  defaultMetricNames,
  drawPlan,
  type Metric,
  resolveMetrics,
  type Scenario,
  SweepSummary,
  sensitivity,
  sobol,
  sobolTable,
  sweepTable,
  tornadoExportTable,
} from "@tieup/core";
import { type Command, Option } from "commander";
import { EXIT_INTERRUPTED, InputError, setExitCode } from "../io/errors.js";
import { SCENARIOS_DIR } from "../io/library.js";
import { emit, guardOut, printIssues } from "../io/output.js";
import { type CsvFlags, csvOf } from "../report/format.js";
import { renderMarkdown, renderText } from "../report/render.js";
import { checkWorkbookOut, sourceSheet, tableSheet, writeWorkbook } from "../report/xlsx.js";
import { type Loaded, loadScenario } from "../scenario/load.js";
import { sobolSection, sweepSections, tornadoSection } from "../sweep/format.js";
import { runPool } from "../sweep/pool.js";
import { Progress } from "../sweep/progress.js";
import { withCsvFlags } from "./csv-flags.js";

const collect = (value: string, previous: string[]) => [...previous, ...value.split(",").filter(Boolean)];
const formatOption = () =>
  new Option("--format <format>", "output format (xlsx: a workbook, with --out)").choices(["table", "json", "csv", "md", "xlsx"]).default("table");

interface Common extends CsvFlags {
  with: string[];
  format: "table" | "json" | "csv" | "md" | "xlsx";
  out?: string;
}
interface SweepOptions extends Common {
  draws: string;
  seed: string;
  workers?: string;
  output: string[];
  keepDraws?: boolean;
  quiet?: boolean;
  timing?: boolean;
}
interface SensitivityOptions extends Common {
  output: string[];
  sobol?: string;
  seed: string;
}

/** The default scenario with distributions: the built-in case plus its uncertainty block. */
export function defaultUncertainPath(): string {
  return join(SCENARIOS_DIR, "nissan-honda-us-uncertain.yaml");
}

/** Adds `sweep` (Monte Carlo) and `sensitivity` (tornado) to the program. */
export function registerSweep(program: Command): void {
  const sweep = program
    .command("sweep")
    .description("Monte Carlo over the scenario's uncertainty block: percentiles of each output and the probability that each deal is win-win")
    .argument("[scenario]", "scenario file with an uncertainty: block (default: scenarios/nissan-honda-us-uncertain.yaml)")
    .option("--with <override>", "apply a named override (repeatable)", collect, [])
    .option("--draws <n>", "number of draws", "1000")
    .option("--seed <s>", "seed: the same seed gives the same numbers whatever the number of workers", "1")
    .option("--workers <w>", "worker threads (default: the number of CPUs)")
    .option("--output <metric>", "output(s), e.g. company.honda.FY2026.operatingProfit or deal.canton-pickup.winwin (repeatable)", collect, [])
    .option("--keep-draws", "keep every draw: exact median, and the draws in --format json")
    .option("--quiet", "no progress bar and no timing line (both are off anyway when standard error is not a terminal)")
    .option("--timing", "print the timing line (draws, seconds, draws/s) to standard error even when it is not a terminal")
    .addOption(formatOption());
  withCsvFlags(sweep)
    .option("--out <file>", "write to a file (atomically) instead of standard output")
    .action((scenario, opts) => sweepCommand(scenario, opts));
  const sensitivity = program
    .command("sensitivity")
    .description("one-at-a-time sensitivity for a tornado chart: each uncertain parameter from its low to its high value, ranked by effect on an output")
    .argument("[scenario]", "scenario file with an uncertainty: block (default: scenarios/nissan-honda-us-uncertain.yaml)")
    .option("--with <override>", "apply a named override (repeatable)", collect, [])
    .option("--output <metric>", "the output to rank by (default: the first company's FY2026 operating profit)", collect, [])
    .option("--sobol <n>", "also variance-based (Sobol) indices from n rows of Saltelli sampling: n × (parameters + 2) evaluations")
    .option("--seed <s>", "seed of the Sobol sample", "1")
    .addOption(formatOption());
  withCsvFlags(sensitivity)
    .option("--out <file>", "write to a file (atomically) instead of standard output")
    .action((scenario, opts) => sensitivityCommand(scenario, opts));
}

async function sweepCommand(scenarioArg: string | undefined, opts: SweepOptions): Promise<void> {
  checkWorkbookOut(opts.format, opts.out);
  const draws = integer("--draws", opts.draws, 1, 10_000_000);
  const seed = integer("--seed", opts.seed, -(2 ** 31), 2 ** 31 - 1);
  const workers = opts.workers === undefined ? availableParallelism() : integer("--workers", opts.workers, 1, 256);
  // Ctrl-C stops the sweep and reports the draws done so far, labelled as such (a second Ctrl-C ends the process).
  const cancel = new AbortController();
  const onInterrupt = () => cancel.abort();
  process.once("SIGINT", onInterrupt);
  try {
    await sweepDraws(scenarioArg, opts, { draws, seed, workers }, cancel.signal);
  } finally {
    process.removeListener("SIGINT", onInterrupt);
  }
}

async function sweepDraws(
  scenarioArg: string | undefined,
  opts: SweepOptions,
  { draws, seed, workers }: { draws: number; seed: number; workers: number },
  signal: AbortSignal,
): Promise<void> {
  const loaded = loadUncertain(scenarioArg, opts);
  const metrics = resolveOutputs(loaded.scenario, opts.output);
  if (opts.keepDraws === true) checkKept(draws, metrics.length);
  const summary = new SweepSummary(metrics, draws, opts.keepDraws === true);
  const progress = new Progress(draws, opts.quiet === true);
  const done = await runPool(
    { scenario: loaded.scenario, metrics, seed, draws, workers },
    (rows, n) => {
      summary.addRows(rows);
      progress.update(n);
    },
    signal,
  );
  const seconds = progress.finish();
  // Timing is for the person watching; standard output stays the same whatever the machine.
  if (opts.timing || (!opts.quiet && process.stderr.isTTY === true)) process.stderr.write(`${timingLine(done, seconds, workers)}\n`);
  const interrupted = done < draws;
  if (interrupted && done === 0) {
    process.stderr.write("sweep interrupted before any draw finished: nothing to report\n");
    setExitCode(EXIT_INTERRUPTED);
    return;
  }
  const outputs = summary.summaries();
  const s = loaded.scenario;
  const parameters = (s.uncertainty?.parameters ?? []).map((p) => `${p.id} (${p.distribution.type})`).join(", ");
  const label = `INTERRUPTED after ${done} of ${draws} draws: the statistics of the first ${done} draws (the same as --draws ${done} --seed ${seed})`;
  if (opts.format === "json")
    emit(
      `${JSON.stringify({ scenario: s.id, draws: done, seed, ...(interrupted ? { interrupted: true, requested: draws } : {}), parameters: s.uncertainty?.parameters, outputs }, null, 2)}\n`,
      opts.out,
    );
  else if (opts.format === "csv") emit(csvOf(sweepTable(outputs), s.fx.base, opts), opts.out);
  else if (opts.format === "xlsx")
    await writeWorkbook(opts.out as string, [
      tableSheet(sweepTable(outputs), s.fx.base),
      sourceSheet([
        ["command", "tieup sweep"],
        ["scenario", `${s.id}: ${s.title || s.id}`],
        ["draws", interrupted ? label : `${done}, seed ${seed}`],
        ["uncertain", parameters],
      ]),
    ]);
  else {
    const render = opts.format === "md" ? renderMarkdown : renderText;
    const intro = [...(interrupted ? [label] : []), `${done} draws, seed ${seed}; uncertain: ${parameters}`];
    emit(render(`Monte Carlo of ${s.title || s.id}`, intro, sweepSections(outputs), []), opts.out);
  }
  if (interrupted) {
    process.stderr.write(`${label}\n`);
    setExitCode(EXIT_INTERRUPTED);
  }
}

async function sensitivityCommand(scenarioArg: string | undefined, opts: SensitivityOptions): Promise<void> {
  checkWorkbookOut(opts.format, opts.out);
  const loaded = loadUncertain(scenarioArg, opts);
  const s = loaded.scenario;
  if (opts.output.length > 1)
    throw new InputError([{ severity: "error", path: "--output", message: "sensitivity ranks by one output", suggestion: "give one --output" }]);
  const [metric] = resolveOutputs(s, opts.output.length ? opts.output : [defaultMetricNames(s, {})[0] as string]) as [Metric];
  const plan = drawPlan(s);
  const { base, swings } = sensitivity(s, plan, metric);
  const rows = opts.sobol === undefined ? undefined : integer("--sobol", opts.sobol, 16, 1_000_000);
  const global = rows === undefined ? undefined : sobol(s, plan, metric, rows, integer("--seed", opts.seed, -(2 ** 31), 2 ** 31 - 1));
  if (opts.format === "json")
    emit(`${JSON.stringify({ scenario: s.id, output: metric, base, swings, ...(global ? { sobol: global } : {}) }, null, 2)}\n`, opts.out);
  else if (opts.format === "csv") emit(csvOf(global ? sobolTable(global.indices) : tornadoExportTable(swings, metric), s.fx.base, opts), opts.out);
  else if (opts.format === "xlsx")
    await writeWorkbook(opts.out as string, [
      tableSheet(tornadoExportTable(swings, metric), s.fx.base),
      ...(global ? [tableSheet(sobolTable(global.indices), s.fx.base)] : []),
      sourceSheet([
        ["command", "tieup sensitivity"],
        ["scenario", `${s.id}: ${s.title || s.id}`],
        ["output", `${metric.name} (${metric.unit}); at the base case ${base}`],
      ]),
    ]);
  else {
    const render = opts.format === "md" ? renderMarkdown : renderText;
    const correlated = (s.uncertainty?.correlations.length ?? 0) > 0;
    const sections = [tornadoSection(metric, base, swings), ...(global ? [sobolSection(metric, global, correlated)] : [])];
    emit(render(`Sensitivity of ${s.title || s.id}`, [], sections, []), opts.out);
  }
}

function loadUncertain(scenarioArg: string | undefined, opts: Common): Loaded {
  const loaded = loadScenario(scenarioArg ?? defaultUncertainPath(), opts.with);
  guardOut(opts.out, loaded.files);
  printIssues(loaded.issues.filter((i) => i.severity === "warning"));
  if (!loaded.scenario.uncertainty)
    throw new InputError([
      {
        severity: "error",
        path: "uncertainty",
        message: "the scenario has no uncertainty block: nothing to draw",
        suggestion: "add uncertainty: {parameters: [...]} (see docs/uncertainty.md and scenarios/nissan-honda-us-uncertain.yaml)",
      },
    ]);
  return loaded;
}

/** The outputs asked for, or the defaults; unknown names are input errors with a suggestion. */
function resolveOutputs(s: Scenario, names: string[]): Metric[] {
  const { metrics, issues } = resolveMetrics(s, names, () => "--output");
  if (issues.length) throw new InputError(issues);
  return metrics;
}

/** `1000 draws in 18.0 s (55.7 draws/s, 2 workers)` */
export function timingLine(draws: number, seconds: number, workers: number): string {
  return `${draws} draws in ${seconds.toFixed(1)} s (${(draws / seconds).toFixed(1)} draws/s, ${workers} worker${workers === 1 ? "" : "s"})`;
}

/** Draws × outputs that --keep-draws may hold: 80 MB of numbers, and about 200 MB of them in --format json. */
export const MAX_KEPT_VALUES = 10_000_000;

/** Keeping every draw costs memory and output in proportion; the statistics alone do not grow with the draws. */
function checkKept(draws: number, outputs: number): void {
  if (draws * outputs <= MAX_KEPT_VALUES) return;
  const most = Math.floor(MAX_KEPT_VALUES / Math.max(1, outputs));
  throw new InputError([
    {
      severity: "error",
      path: "--keep-draws",
      message: `keeping ${draws.toLocaleString("en-US")} draws of ${outputs} outputs is ${(draws * outputs).toLocaleString("en-US")} numbers; at most ${MAX_KEPT_VALUES.toLocaleString("en-US")} are kept`,
      suggestion: `keep at most ${most.toLocaleString("en-US")} draws of these outputs, name fewer with --output, or leave out --keep-draws: P5/P95 stay exact up to 100,000 draws and within 0.1% beyond`,
    },
  ]);
}

function integer(option: string, text: string, min: number, max: number): number {
  const v = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || v < min || v > max)
    throw new InputError([{ severity: "error", path: option, message: `${option} must be a whole number from ${min} to ${max}, got "${text}"` }]);
  return v;
}
