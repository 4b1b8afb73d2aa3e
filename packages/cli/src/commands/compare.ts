import { diffTables, filterRows, focusPeriod, cellNumber as num, profitBridge, rows, runScenario, type Table } from "@tieup/core";
import { inputsSheet, resolveInputs } from "../evidence/inputs.js";
import { InputError } from "../io/errors.js";
import { emit, guardOut, printIssues } from "../io/output.js";
import { csvOf, jsonTables, money, moneyUnit, percent, thousands } from "../report/format.js";
import { renderMarkdown, renderText } from "../report/render.js";
import { bridgeSection, type Section } from "../report/sections.js";
import { checkWorkbookOut, sourceSheet, tableSheet, writeWorkbook } from "../report/xlsx.js";
import { loadScenario } from "../scenario/load.js";
import { checkPeriod, type RunOptions } from "./run.js";

/**
 * Compares two scenarios, or one scenario with and without overrides:
 * differences matched by key (company × period, measure, plant), never by row order.
 */
export async function compareCommand(a: string | undefined, b: string | undefined, opts: RunOptions): Promise<void> {
  checkWorkbookOut(opts.format, opts.out);
  // Overrides apply to the other side only: with one scenario, it is compared with itself plus them.
  const left = loadScenario(a, []);
  const right = loadScenario(b ?? a, opts.with);
  guardOut(opts.out, [...left.files, ...right.files]);
  const warnings = [...left.issues, ...right.issues].filter((i) => i.severity === "warning");
  printIssues(warnings.filter((w, k) => warnings.findIndex((x) => x.path === w.path && x.message === w.message) === k));
  const runA = runScenario(left.scenario);
  const runB = runScenario(right.scenario);
  const ra = runA.results;
  const rb = runB.results;
  checkPeriod(opts.period, ra.periods);
  if (opts.format === "csv" && !["companies", "companyDuties", "plants", "bridge"].includes(opts.table)) {
    throw new InputError([
      {
        severity: "error",
        path: "--table",
        message: `unknown table \`${opts.table}\` for compare`,
        suggestion: "one of companies, companyDuties, plants, bridge",
      },
    ]);
  }
  const inPeriod = (t: Table) => (opts.period ? filterRows(t, (r) => r.period === opts.period) : t);
  const diffs = {
    companies: inPeriod(diffTables(ra.companies, rb.companies)),
    companyDuties: inPeriod(diffTables(ra.companyDuties, rb.companyDuties)),
    plants: inPeriod(diffTables(ra.plants, rb.plants)),
  };
  const nameA = left.scenario.id;
  const nameB = opts.with.length > 0 ? `${right.scenario.id} + ${opts.with.join(" + ")}` : right.scenario.id;
  const keep = (t: Table) => (opts.period ? rows(t).filter((r) => r.period === opts.period) : rows(t));
  const focus = opts.period ?? focusPeriod(left.scenario);
  // Scenario against scenario in the focus period, whole company, by factor (one more evaluation: only where shown).
  const bridge = () => profitBridge({ run: runA, period: focus, label: nameA }, { run: runB, period: focus, label: nameB });
  if (opts.format === "json") {
    emit(`${JSON.stringify({ base: nameA, other: nameB, tables: jsonTables([...Object.values(diffs), bridge()]) }, null, 2)}\n`, opts.out);
    return;
  }
  if (opts.format === "csv") {
    emit(csvOf(opts.table === "bridge" ? bridge() : (diffs[opts.table as keyof typeof diffs] ?? diffs.companies), ra.base, opts), opts.out);
    return;
  }
  if (opts.format === "xlsx") {
    await writeWorkbook(opts.out as string, [
      ...[...Object.values(diffs), bridge()].map((t) => tableSheet(t, ra.base)),
      inputsSheet(resolveInputs(right.citations, right.files)),
      sourceSheet([
        ["command", `tieup compare${opts.with.length ? ` --with ${opts.with.join(",")}` : ""}${opts.period ? ` --period ${opts.period}` : ""}`],
        ["base", nameA],
        ["other", nameB],
        ["columns", "X_base: the base scenario; X: the other; X_delta: other − base"],
      ]),
    ]);
    return;
  }
  const sections = [
    profitDelta(keep(diffs.companies)),
    ...bridgeSection(bridge()),
    ...dutyDelta(keep(diffs.companyDuties)),
    utilisationDelta(keep(diffs.plants), focus),
  ];
  const render = opts.format === "md" ? renderMarkdown : renderText;
  emit(render(`Compare: ${nameB} against ${nameA}`, ["delta = other − base; amounts in each company's reporting currency"], sections, []), opts.out);
}

function profitDelta(list: Record<string, unknown>[]): Section {
  return {
    title: "Operating profit and net duty by company",
    note: "op. profit: whole company (modelled scope, cost programmes, other planned changes, rest of company); Δ scope: the modelled scope's part of the change",
    headers: ["company", "period", "currency", "op. profit base", "op. profit other", "Δ op. profit", "Δ scope", "Δ net duty", "Δ units (k)"],
    body: list.map((r) => {
      const cur = String(r.currency);
      return [
        String(r.company),
        String(r.period),
        moneyUnit(cur),
        money(num(r.companyOperatingProfit_base), cur),
        money(num(r.companyOperatingProfit), cur),
        money(num(r.companyOperatingProfit_delta), cur),
        money(num(r.operatingProfit_delta), cur),
        money(num(r.netDuty_delta), cur),
        thousands(num(r.units_delta)),
      ];
    }),
  };
}

function dutyDelta(list: Record<string, unknown>[]): Section[] {
  // A change that rounds to nothing at the table's precision is not a change a reader can see.
  const changed = list.filter((r) => !/^-?0\.0$/.test(money(num(r.amount_delta), String(r.currency))));
  return [
    {
      title: "Duties by measure that changed",
      headers: ["company", "period", "measure", "kind", "base", "other", "Δ"],
      body: changed.map((r) => [
        String(r.company),
        String(r.period),
        String(r.measure),
        String(r.kind),
        money(num(r.amount_base), String(r.currency)),
        money(num(r.amount), String(r.currency)),
        money(num(r.amount_delta), String(r.currency)),
      ]),
    },
  ];
}

function utilisationDelta(list: Record<string, unknown>[], p: string): Section {
  return {
    title: `Plant utilisation in ${p}`,
    headers: ["plant", "base", "other", "Δ output (k)"],
    body: list
      .filter((r) => r.period === p && (num(r.output_base) > 0 || num(r.output) > 0))
      .map((r) => [String(r.plant), percent(num(r.utilisation_base)), percent(num(r.utilisation)), thousands(num(r.output_delta))]),
  };
}
