import * as Plot from "@observablehq/plot";
import { Resvg } from "@resvg/resvg-js";
import {
  axisOf,
  chartSvg,
  dutyChart,
  metricLabel,
  money,
  moneyScale,
  type Names,
  namesOf,
  profitChart,
  sourceLine,
  tornadoChart,
  unitLabel,
  waterfallChart,
} from "@tieup/charts";
import { defaultMetricNames, drawPlan, cellNumber as n, type Run, resolveMetrics, rows, runScenario, type Scenario, sensitivity } from "@tieup/core";
import type { Command } from "commander";
import { parseHTML } from "linkedom";
import { InputError } from "../io/errors.js";
import { emit, guardOut, printIssues, writeAtomic } from "../io/output.js";
import { loadScenario } from "../scenario/load.js";
import { companyTables } from "./run.js";
import { defaultUncertainPath } from "./sweep.js";

/**
 * `tieup chart NAME`: the web app's charts drawn in Node, from the same
 * builders (@tieup/charts) and with the same frame as the web's exported
 * files: title with units, legend, chart and source line. SVG as drawn;
 * PNG rasterised by resvg at twice the size, as the web does.
 */

interface Drawn {
  title: string;
  options: Plot.PlotOptions;
}

interface Context {
  run: Run;
  names: Names;
  unit: string;
  width: number;
}

interface ChartKind {
  what: string;
  /** Drawn from a scenario's uncertainty block: without a scenario, the built-in one that has it. */
  uncertain?: true;
  draw(ctx: Context): Drawn;
}

/** The Overview's charts, by the names the web gives their files. */
const CHARTS: Record<string, ChartKind> = {
  "duty-by-measure": {
    what: "duty by measure per company and period, offsets below zero",
    draw: ({ run, names, unit, width }) => ({
      title: `Duty by measure (${unit}; offsets below zero)`,
      options: dutyChart(run.results.companyDuties, run.results.measures, width, unit, names),
    }),
  },
  "operating-profit": {
    what: "whole-company operating profit per company and period",
    draw: ({ run, names, unit, width }) => {
      const summary = companyTables(run, run.results.periods, run.focus).summary;
      const bars = rows(summary).map((c) => {
        const [company, cur] = [names.company(String(c.company)), String(c.currency)];
        return {
          company,
          period: String(c.period),
          value: n(c.wholeCompany) / moneyScale(cur),
          tip: `${company} · ${c.period}: ${money(n(c.wholeCompany), cur)}`,
        };
      });
      const companies = run.scenario.companies.map((c) => names.company(c.id));
      return { title: `Operating profit, whole company (${unit})`, options: profitChart(bars, companies, width, unit) };
    },
  },
  "profit-bridge": {
    what: "the operating-profit bridge from the period before the headline one to it, by factor",
    draw: ({ run, names, unit, width }) => {
      const { bridge } = companyTables(run, run.results.periods, run.focus);
      if (!bridge)
        throw chartError(
          `the scenario's headline period ${run.focus} is its first: there is no earlier period to bridge from`,
          "name a scenario whose horizon starts before its headline period",
        );
      const first = rows(bridge)[0];
      return { title: `Operating-profit bridge, ${first?.from} to ${first?.to} (${unit}, whole company)`, options: waterfallChart(bridge, width, unit, names) };
    },
  },
  "uncertainty-tornado": {
    what: "what moves the first company's FY2026 operating profit most: each uncertain parameter from its low to its high end",
    uncertain: true,
    draw: ({ run, names, width }) => {
      const s = run.scenario;
      if (!s.uncertainty?.parameters.length)
        throw chartError("the scenario has no uncertainty: block", "name a scenario with one, e.g. scenarios/nissan-honda-us-uncertain.yaml");
      const { metrics, issues } = resolveMetrics(s, [defaultMetricNames(s, {})[0] as string], () => "chart");
      const metric = metrics[0];
      if (!metric || issues.length) throw new InputError(issues);
      const tornado = sensitivity(s, drawPlan(s), metric);
      const title = `What moves ${metricLabel(metric, names)} most: each parameter from its low to its high end (${axisOf(metric).label})`;
      return { title, options: tornadoChart({ metric, tornado }, width, names) };
    },
  },
};

export function registerChart(program: Command): void {
  program
    .command("chart")
    .description("draw one of the web app's charts to an SVG or PNG file (title, legend, units and source line as the web exports them)")
    .argument("[name]", "the chart, e.g. duty-by-measure (see --list)")
    .argument("[scenario]", "scenario file (default: the built-in scenario)")
    .option("--list", "list the charts")
    .option("--with <override>", "apply a named override (repeatable)", (v: string, p: string[]) => [...p, ...v.split(",").filter(Boolean)], [])
    .option("--width <px>", "width of the chart in pixels", "720")
    .option("--out <file>", "file.svg or file.png (an SVG goes to standard output without it)")
    .action((name, scenario, opts) => chartCommand(name, scenario, opts));
}

interface ChartOptions {
  list?: boolean;
  with: string[];
  width: string;
  out?: string;
}

export function chartCommand(name: string | undefined, scenarioPath: string | undefined, opts: ChartOptions): void {
  if (opts.list) {
    const w = Math.max(...Object.keys(CHARTS).map((k) => k.length));
    process.stdout.write(
      `${Object.entries(CHARTS)
        .map(([k, c]) => `${k.padEnd(w)}  ${c.what}`)
        .join("\n")}\n`,
    );
    return;
  }
  const kind = name === undefined ? undefined : Object.hasOwn(CHARTS, name) ? CHARTS[name] : undefined;
  if (!kind)
    throw chartError(name === undefined ? "name a chart" : `unknown chart \`${name}\``, `one of ${Object.keys(CHARTS).join(", ")} (tieup chart --list)`);
  const format = outputFormat(opts.out);
  const width = Number(opts.width);
  if (!Number.isInteger(width) || width < 200 || width > 4000)
    throw new InputError([
      {
        severity: "error",
        path: "--width",
        message: `expected a whole number of pixels from 200 to 4000, got \`${opts.width}\``,
        suggestion: "e.g. --width 720",
      },
    ]);
  const loaded = loadScenario(scenarioPath ?? (kind.uncertain ? defaultUncertainPath() : undefined), opts.with);
  guardOut(opts.out, loaded.files);
  printIssues(loaded.issues.filter((i) => i.severity === "warning"));
  const run = runScenario(loaded.scenario, { headline: true });
  const ctx: Context = { run, names: namesOf(namedLists(loaded.scenario)), unit: unitLabel(loaded.scenario.companies.map((c) => c.reportingCurrency)), width };
  const svg = drawSvg(kind.draw(ctx), sourceLine({ scenario: `${loaded.scenario.id}${opts.with.length ? ` with ${opts.with.join(", ")}` : ""}` }));
  if (format === "png") writeAtomic(opts.out as string, rasterise(svg));
  else emit(svg, opts.out);
}

/** The chart drawn by Plot on a server-side DOM and framed as the web frames its files. */
export function drawSvg(drawn: Drawn, source: string): string {
  const { document } = parseHTML("<!doctype html><html><body><div></div></body></html>");
  // linkedom's DOM stands in for the browser's: the CLI is compiled without the DOM's types, so they are named through Plot's and the frame's.
  const box = document.querySelector("div") as unknown as Parameters<typeof chartSvg>[0];
  box.append(Plot.plot({ ...drawn.options, document: document as unknown as NonNullable<Plot.PlotOptions["document"]> }));
  const svg = chartSvg(box, { title: drawn.title, source }, (el) => el.toString());
  if (svg === undefined) throw new Error("Plot drew no SVG");
  return `${svg}\n`;
}

/** PNG at twice the SVG's size (crisp on high-density screens), text in the system's sans-serif. */
function rasterise(svg: string): Uint8Array {
  return new Resvg(svg, { fitTo: { mode: "zoom", value: 2 }, background: "white", font: { loadSystemFonts: true } }).render().asPng();
}

function outputFormat(out: string | undefined): "svg" | "png" {
  if (out === undefined || /\.svg$/i.test(out)) return "svg";
  if (/\.png$/i.test(out)) return "png";
  throw new InputError([
    { severity: "error", path: "--out", message: `cannot tell the image format of \`${out}\``, suggestion: "name the file *.svg or *.png" },
  ]);
}

function namedLists(s: Scenario) {
  return { companies: s.companies, measures: s.tariffs, programs: s.programs, plants: s.plants, markets: s.markets, deals: s.deals };
}

function chartError(message: string, suggestion: string): InputError {
  return new InputError([{ severity: "error", path: "chart", message, suggestion }]);
}
