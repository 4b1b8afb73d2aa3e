import { resolve } from "node:path";
import { fitScope } from "@tieup/core";
import type { Command } from "commander";
import { Option } from "commander";
import { calibrationDoc } from "../calibration/doc.js";
import { calibrate } from "../calibration/run.js";
import { fitSection, forecastSection, residualSection } from "../calibration/tables.js";
import { defaultTargetsPath, loadTargets, readAssumptions } from "../calibration/targets.js";
import { displayPath } from "../io/files.js";
import { emit, guardOut, printIssues, writeAtomic } from "../io/output.js";
import { renderMarkdown, renderText } from "../report/render.js";
import { loadScenario } from "../scenario/load.js";

interface CalibrateOptions {
  targets?: string;
  format: "table" | "json" | "csv" | "md";
  out?: string;
  doc?: string;
  fit?: boolean;
}

/** Adds the `calibrate` command to the program. */
export function registerCalibrate(program: Command): void {
  program
    .command("calibrate")
    .description("run the scenario as of each reported figure's date (regime and FX planned then) and print model, target and error; then the forecast")
    .argument("[scenario]", "scenario file (default: the built-in scenario)")
    .option("--targets <file>", "calibration targets (default: data/calibration/targets.yaml beside the scenarios folder)")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json", "csv", "md"]).default("table"))
    .option("--out <file>", "write to a file (atomically) instead of standard output")
    .option("--doc <file>", "write the calibration page (targets, assumptions, residuals, forecast), e.g. docs/calibration.md")
    .option("--fit", "print the fit of each company's modelled scope to its reported base year (fixed-cost scale, rest of company) and stop")
    .action((scenario: string | undefined, opts: CalibrateOptions) => calibrateCommand(scenario, opts));
}

function calibrateCommand(scenarioArg: string | undefined, opts: CalibrateOptions): void {
  const base = loadScenario(scenarioArg, []);
  const targetsPath = opts.targets ?? defaultTargetsPath(base.path);
  guardOut(opts.out, [...base.files, resolve(targetsPath)]);
  guardOut(opts.doc, [...base.files, resolve(targetsPath)]);
  printIssues(base.issues.filter((i) => i.severity === "warning"));
  if (opts.fit) {
    const fits = fitScope(base.scenario);
    if (opts.format === "json") emit(`${JSON.stringify({ scenario: base.scenario.id, fits }, null, 2)}\n`, opts.out);
    else emit((opts.format === "md" ? renderMarkdown : renderText)(`Fit of ${base.scenario.title || base.scenario.id}`, [], [fitSection(fits)], []), opts.out);
    return;
  }
  const c = calibrate(base, loadTargets(targetsPath), displayPath(targetsPath));
  if (opts.doc) {
    const assumptions = readAssumptions(resolve(base.path, "../../data/assumptions.yaml"));
    writeAtomic(opts.doc, calibrationDoc(c, assumptions, displayPath(base.path), displayPath(targetsPath)));
    process.stderr.write(`wrote ${opts.doc}\n`);
    return;
  }
  const residuals = residualSection(c.residuals);
  const forecast = forecastSection(c.forecast, c.targets.tariffsSince);
  if (opts.format === "json") {
    const targets = c.residuals.map((r) => ({ ...r.target, expected: r.expected, model: r.model, error: r.error, relative: r.relative, within: r.within }));
    emit(`${JSON.stringify({ scenario: c.scenario.id, targets, forecast: c.forecast }, null, 2)}\n`, opts.out);
    return;
  }
  if (opts.format === "csv") {
    const head = "target,company,metric,period,model,expected,error,relative,tolerance,bound,within";
    const lines = c.residuals.map((r) =>
      [
        r.target.id,
        r.target.company,
        r.target.metric,
        r.target.period,
        r.model,
        r.expected,
        r.error,
        r.relative,
        r.target.tolerance,
        r.target.bound,
        r.within,
      ].join(","),
    );
    emit(`${[head, ...lines].join("\n")}\n`, opts.out);
    return;
  }
  const within = c.residuals.filter((r) => r.within).length;
  const intro = [`scenario ${c.scenario.id} · targets ${displayPath(targetsPath)} · ${within} of ${c.residuals.length} within tolerance`];
  const render = opts.format === "md" ? renderMarkdown : renderText;
  const fit = c.fits.length > 0 ? [fitSection(c.fits)] : [];
  emit(render(`Calibration of ${c.scenario.title || c.scenario.id}`, intro, [...fit, residuals, forecast], []), opts.out);
}
