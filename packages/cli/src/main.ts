import { Command, CommanderError, Option } from "commander";
import { registerCalibrate } from "./commands/calibrate.js";
import { registerChart } from "./commands/chart.js";
import { compareCommand } from "./commands/compare.js";
import { withCsvFlags } from "./commands/csv-flags.js";
import { dealCommand } from "./commands/deal.js";
import { registerEvidence } from "./commands/evidence.js";
import { registerInit } from "./commands/init.js";
import { registerOptimize } from "./commands/optimize.js";
import { runCommand } from "./commands/run.js";
import { schemaCommand } from "./commands/schema.js";
import { registerServe } from "./commands/serve.js";
import { registerSweep } from "./commands/sweep.js";
import { registerToken } from "./commands/token.js";
import { validateCommand } from "./commands/validate.js";
import { registerWorker } from "./commands/worker.js";
import { InputError, takeExitCode } from "./io/errors.js";
import { DEFAULT_MAX_FILE_MB, setReadPolicy } from "./io/files.js";
import { printIssues } from "./io/output.js";
import { red } from "./io/style.js";

const EXIT_INPUT = 2;

/** --root, --max-file-mb and --max-entities, checked, for every command that reads a scenario. */
function applyReadOptions(o: { root?: string; maxFileMb?: string; maxEntities?: string }): void {
  const positive = (flag: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    const x = Number(v);
    if (!Number.isFinite(x) || x <= 0)
      throw new InputError([{ severity: "error", path: flag, message: `expected a number above 0, got \`${v}\``, suggestion: `e.g. ${flag} 64` }]);
    return x;
  };
  const maxFileMb = positive("--max-file-mb", o.maxFileMb);
  const maxEntities = positive("--max-entities", o.maxEntities);
  setReadPolicy({
    ...(o.root !== undefined ? { root: o.root } : {}),
    ...(maxFileMb !== undefined ? { maxFileMb } : {}),
    ...(maxEntities !== undefined ? { maxEntities: Math.floor(maxEntities) } : {}),
  });
}
const EXIT_INTERNAL = 1;

const collect = (value: string, previous: string[]) => [...previous, ...value.split(",").filter(Boolean)];
const formatOption = () =>
  new Option("--format <format>", "output format (xlsx: every table, the inputs with their sources, with --out)")
    .choices(["table", "json", "csv", "md", "xlsx"])
    .default("table");

export function program(): Command {
  const cmd = new Command("tieup")
    .description(
      "What is a tie-up between automakers worth? Plants, programs, tariffs and deals, traced to sources.\nWith no scenario, commands use the built-in Nissan–Honda US case (scenarios/nissan-honda-us.yaml).",
    )
    .version("0.1.0")
    .showSuggestionAfterError(true)
    .option("--root <dir>", "the folder a scenario may read under (default: the nearest folder above it that holds data/)")
    .option("--max-file-mb <n>", `the largest file a scenario may read, in MB (default ${DEFAULT_MAX_FILE_MB})`)
    .option("--max-entities <n>", "the most plants, programs, tariffs, … a scenario may list (default 50,000)")
    .hook("preAction", (root) => applyReadOptions(root.opts()))
    .exitOverride();
  const run = cmd
    .command("run")
    .description("evaluate a scenario: operating profit and duty by measure per company and period, utilisation against break-even per plant")
    .argument("[scenario]", "scenario file (YAML or JSON)")
    .option("--with <override>", "apply a named override of the scenario (repeatable, or comma-separated)", collect, [])
    .option("--period <id>", "only this period, e.g. FY2025")
    .addOption(formatOption())
    .option("--table <name>", "table for --format csv: companies, companyDuties, plants, flows, duties", "companies");
  withCsvFlags(run)
    .option("--out <file>", "write to a file (atomically) instead of standard output")
    .option("--explain <path>", "show a parameter's value, the claim it cites, its source and date, e.g. plants.canton.breakEvenUtilisation")
    .action((scenario, opts) => runCommand(scenario, opts));
  cmd
    .command("validate")
    .description("check a scenario and list every problem with its path and a suggestion")
    .argument("[scenario]", "scenario file")
    .option("--with <override>", "apply a named override (repeatable)", collect, [])
    .option("--strict", "treat warnings (e.g. broken citations) as errors")
    .action((scenario, opts) => validateCommand(scenario, opts));
  const compare = cmd
    .command("compare")
    .description("differences between two scenarios, or a scenario with and without overrides (--with)")
    .argument("[a]", "base scenario (default: the built-in scenario)")
    .argument("[b]", "other scenario (default: a with the --with overrides)")
    .option("--with <override>", "override(s) applied to the other side", collect, [])
    .option("--period <id>", "only this period")
    .addOption(formatOption())
    .option("--table <name>", "table for --format csv: companies, companyDuties, plants, bridge", "companies");
  withCsvFlags(compare)
    .option("--out <file>", "write to a file instead of standard output")
    .action((a, b, opts) => compareCommand(a, b, opts));
  const deal = cmd
    .command("deal")
    .description("analyse a deal: each party's gain against its own counterfactual, NPV, zone of agreement, Nash price, utilisation and jobs")
    .argument("[scenario]", "scenario file (default: the built-in scenario)")
    .argument("[deal]", "deal id (default: every deal of the scenario)")
    .option("--with <override>", "apply a named override (repeatable)", collect, [])
    .option("--period <id>", "only this period in the tables")
    .option("--sweep <spec>", "transfer-price=LOW:HIGH:STEP: both parties' NPV gains along the price")
    .addOption(formatOption())
    .option("--table <name>", "unused by deal", "gains");
  withCsvFlags(deal)
    .option("--out <file>", "write to a file instead of standard output")
    .action((scenario, deal, opts) => dealCommand(scenario, deal, opts));
  cmd
    .command("schema")
    .description("print the JSON Schema of scenario files (for editors), or write the Markdown reference")
    .option("--out <file>", "write the JSON Schema to a file")
    .option("--reference <file>", "write the scenario reference page (Markdown) instead")
    .option("--results <file>", "write the results reference page (Markdown): every output table's columns and the JSON fields")
    .action((opts) => schemaCommand(opts));
  // Each of these modules owns its command(s): options, help and action.
  registerOptimize(cmd);
  registerCalibrate(cmd);
  registerSweep(cmd);
  registerEvidence(cmd);
  registerServe(cmd);
  registerToken(cmd);
  registerWorker(cmd);
  registerInit(cmd);
  registerChart(cmd);
  return cmd;
}

export async function main(argv: string[]): Promise<number> {
  try {
    takeExitCode();
    await program().parseAsync(argv);
    return takeExitCode();
  } catch (e) {
    takeExitCode();
    return handle(e, wantsJson(argv));
  }
}

/** Whether the command asked for JSON output (then its errors are JSON too, on standard error). */
function wantsJson(argv: readonly string[]): boolean {
  return argv.some((a, i) => a === "--format=json" || (a === "--format" && argv[i + 1] === "json"));
}

function handle(e: unknown, json = false): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_INPUT;
  if (e instanceof InputError && json) {
    process.stderr.write(`${JSON.stringify({ ok: false, exitCode: EXIT_INPUT, issues: e.issues }, null, 2)}\n`);
    return EXIT_INPUT;
  }
  if (e instanceof InputError) {
    printIssues(e.issues);
    const n = e.issues.filter((i) => i.severity === "error").length;
    process.stderr.write(`${red(`${n} error${n === 1 ? "" : "s"}`)}: nothing was evaluated\n`);
    return EXIT_INPUT;
  }
  const err = e as NodeJS.ErrnoException;
  if (err?.code === "EACCES" || err?.code === "ENOENT" || err?.code === "EISDIR") {
    process.stderr.write(`${red("error")}: ${err.message}\n`);
    return EXIT_INPUT;
  }
  process.stderr.write(
    `${red("internal error")}: ${err?.message ?? String(e)}\nThis is a bug in tieup; please report it with the scenario that caused it.${process.env.TIEUP_DEBUG ? `\n${err?.stack}` : " (set TIEUP_DEBUG=1 for details)"}\n`,
  );
  return EXIT_INTERNAL;
}
