import { existsSync } from "node:fs";
import {
  analyseDeal,
  type ContractManufacturing,
  type DealAnalysis,
  type DealConventions,
  type DealValueKind,
  dealConventions,
  dealGainsTable,
  dealPlantsTable,
  dealValueColumns,
  dealValueTable,
  expandHorizon,
  gainsAtPrice,
  cellNumber as n,
  priceSweepTable,
  rows,
  runScenario,
  type Scenario,
  type Table,
  terminalRule,
  terminalValueWords,
} from "@tieup/core";
import { inputsSheet, resolveInputs } from "../evidence/inputs.js";
import { InputError } from "../io/errors.js";
import { emit, guardOut, printIssues } from "../io/output.js";
import { csvOf, fixed, money, moneyUnit, percent } from "../report/format.js";
import { renderMarkdown, renderText } from "../report/render.js";
import type { Section } from "../report/sections.js";
import { checkWorkbookOut, sourceSheet, tableSheet, writeWorkbook } from "../report/xlsx.js";
import { loadScenario } from "../scenario/load.js";
import { checkPeriod, type RunOptions } from "./run.js";

export interface DealOptions extends RunOptions {
  sweep?: string;
}

/** Analyses one deal (or every deal) of a scenario against each party's own counterfactual. */
export async function dealCommand(scenarioArg: string | undefined, dealArg: string | undefined, opts: DealOptions): Promise<void> {
  checkWorkbookOut(opts.format, opts.out);
  // `tieup deal canton-pickup` names a deal of the built-in scenario, not a file.
  const dealOnly = scenarioArg !== undefined && dealArg === undefined && !/\.(ya?ml|json)$/i.test(scenarioArg) && !existsSync(scenarioArg);
  const scenarioPath = dealOnly ? undefined : scenarioArg;
  const dealId = dealOnly ? scenarioArg : dealArg;
  const loaded = loadScenario(scenarioPath, opts.with);
  guardOut(opts.out, loaded.files);
  printIssues(loaded.issues.filter((i) => i.severity === "warning"));
  const s = loaded.scenario;
  const ids = dealId === undefined ? s.deals.map((d) => d.id) : [dealId];
  for (const id of ids)
    if (!s.deals.some((d) => d.id === id))
      throw new InputError([
        {
          severity: "error",
          path: "deal",
          message: `unknown deal \`${id}\``,
          suggestion: s.deals.length ? `deals: ${s.deals.map((d) => d.id).join(", ")}` : "the scenario has no deals",
        },
      ]);
  if (ids.length === 0)
    throw new InputError([{ severity: "error", path: "deals", message: "the scenario has no deals", suggestion: "add a deals: list (see docs/deals.md)" }]);
  checkPeriod(
    opts.period,
    expandHorizon(s.horizon).map((p) => p.id),
  );
  const { prices } = runScenario(s);
  if (opts.sweep) {
    await sweep(s, ids, prices, opts);
    return;
  }
  const analyses = ids.map((id) => inPeriod(analyseDeal(s, id, prices), opts.period));
  if (opts.format === "json") {
    emit(`${JSON.stringify({ scenario: s.id, conventions: dealConventions(s), deals: analyses }, null, 2)}\n`, opts.out);
    return;
  }
  if (opts.format === "csv") {
    emit(csvOf(dealGainsTable(s, analyses), s.fx.base, opts), opts.out);
    return;
  }
  if (opts.format === "xlsx") {
    await writeWorkbook(opts.out as string, [
      ...tablesOfDeals(s, analyses).map((t) => tableSheet(t, s.fx.base)),
      inputsSheet(resolveInputs(loaded.citations, loaded.files)),
      sourceSheet([
        ["command", `tieup deal ${ids.join(" ")}${opts.with.length ? ` --with ${opts.with.join(",")}` : ""}${opts.period ? ` --period ${opts.period}` : ""}`],
        ["scenario", `${s.id}: ${s.title || s.id}`],
        ["conventions", conventionsLine(dealConventions(s))],
      ]),
    ]);
    return;
  }
  const render = opts.format === "md" ? renderMarkdown : renderText;
  const sections = analyses.flatMap((a) => dealSections(s, a, opts.period));
  emit(
    render(
      `Deals of ${s.title || s.id}`,
      [
        "each party's gain is measured against its own counterfactual: the same scenario with that deal replaced by what it would do without it",
        conventionsLine(dealConventions(s)),
      ],
      sections,
      [],
    ),
    opts.out,
  );
}

/** Every deal of the scenario analysed, as workbook tables (for `tieup run --format xlsx`); `period` limits the by-period rows. */
export function dealTables(s: Scenario, prices: Record<string, number>, period?: string): Table[] {
  return tablesOfDeals(
    s,
    s.deals.map((d) => inPeriod(analyseDeal(s, d.id, prices), period)),
  );
}

/** Every deal's gains by period in one table, then per deal its NPV per party and the plants it changes. */
function tablesOfDeals(s: Scenario, analyses: readonly DealAnalysis[]): Table[] {
  if (analyses.length === 0) return [];
  const withTerminal = terminalRule(s) !== undefined;
  const name = (list: readonly { id: string; name?: string | undefined }[]) => (id: string) => list.find((x) => x.id === id)?.name || id;
  return [
    dealGainsTable(s, analyses),
    ...analyses.flatMap((a) => [
      dealValueTable(a, dealValueColumns(a, withTerminal), name(s.companies)),
      ...(a.plants.length > 0 ? [dealPlantsTable(a, undefined, name(s.plants))] : []),
    ]),
  ];
}

/** The valuation conventions in one line, printed with every deal report. */
function conventionsLine(c: DealConventions): string {
  const taxes = c.taxes.map((t) => `${t.company} ${t.taxRate === null ? "none stated" : percent(t.taxRate)}`).join(", ");
  return `conventions: NPV as of ${c.valuationDate}, mid-period discounting at each company's rate, explicit horizon ${c.horizon.from}–${c.horizon.to} and ${terminalValueWords(c.terminalValue)}; gains are accounting profit (fixed costs include depreciation), before tax and after tax at ${taxes} (less minority shares); cash NPV after tax adds back depreciation (${percent(c.cash.depreciationShareOfFixedCost)} of fixed cost) and write-offs, and counts dividends and stake sales instead of equity income`;
}

function dealSections(s: Scenario, a: DealAnalysis, period?: string): Section[] {
  const out: Section[] = [summary(s, a)];
  out.push({
    title: `${a.deal.id}: change in profit by period`,
    note: "profit = operating profit + equity income; net income after the company's tax rate and minority share (equity income is after tax); amounts in each company's reporting currency, EPS per share",
    headers: ["company", "period", "unit", "Δ operating profit", "Δ profit", "Δ net income", "Δ EPS"],
    body: rows(dealGainsTable(s, [a]))
      .filter((g) => !period || g.period === period)
      .map((g) => {
        const cur = String(g.currency);
        return [
          String(g.company),
          String(g.period),
          moneyUnit(cur),
          money(n(g.operatingProfit), cur),
          money(n(g.profit), cur),
          g.netIncome === null ? null : money(n(g.netIncome), cur),
          g.perShare === null ? null : fixed(n(g.perShare), 2),
        ];
      }),
  });
  if (a.plants.length > 0) {
    out.push({
      title: `${a.deal.id}: plants whose output changes`,
      note: "jobs move with the annual rate of output (reported headcount per vehicle, or parameters.jobsPerThousandUnits)",
      headers: ["plant", "period", "output before (k)", "after (k)", "utilisation before", "after", "jobs before", "after"],
      body: a.plants
        .filter((p) => !period || p.period === period)
        .map((p) => [
          p.plant,
          p.period,
          fixed(p.outputBefore / 1e3, 1),
          fixed(p.outputAfter / 1e3, 1),
          percent(p.utilisationBefore),
          percent(p.utilisationAfter),
          fixed(p.jobsBefore, 0),
          fixed(p.jobsAfter, 0),
        ]),
    });
  }
  return out;
}

function summary(s: Scenario, a: DealAnalysis): Section {
  const d = a.deal;
  const withMarket = a.values.some((v) => v.market !== null);
  const columns = dealValueColumns(a, terminalRule(s) !== undefined);
  const cell = (kind: DealValueKind, x: number | null, cur: string) => {
    if (x === null) return "–";
    if (kind === "rate") return `${(x * 100).toFixed(1)}%`;
    if (kind === "share") return `${fixed(x * 100, 2)}%`;
    return kind === "perShare" ? `${fixed(x, 2)} ${cur}` : money(x, cur);
  };
  const lines: string[][] = a.values.map((v) => [v.company, moneyUnit(v.currency), ...columns.map((c) => cell(c.kind, c.value(v), v.currency))]);
  const notes = [`${d.name} (${d.type})`];
  if (withMarket) notes.push(marketNote(a));
  notes.push(...(a.terms?.lines ?? []));
  if (a.versusNeither)
    notes.push("NPV of gain: against each party developing the part alone (the deal's counterfactual); last column: against neither developing it");
  if (a.price) {
    const p = a.price;
    const zone = p.agreement.exists
      ? `zone of agreement ${fixed(p.agreement.pLow, 0)}–${fixed(p.agreement.pHigh, 0)} ${p.currency} per unit`
      : `no zone of agreement: the host needs ≥ ${fixed(p.agreement.pLow, 0)}, the client pays ≤ ${fixed(p.agreement.pHigh, 0)} ${p.currency}`;
    notes.push(
      `transfer price ${p.kind}: evaluated at ${fixed(p.used, 0)} ${p.currency} per unit${p.kind === "open" ? ` (Nash price, host weight ${p.weight})` : ""}; ${zone}; ${p.linear ? "exact (gains linear in the price)" : "solved numerically"}`,
    );
    const converted =
      p.surplusCurrency === s.fx.base && a.values.some((v) => v.currency !== s.fx.base) ? " (the parties' gains converted at each period's rate)" : "";
    const surplus = `${money(p.agreement.jointSurplus, p.surplusCurrency)} ${moneyUnit(p.surplusCurrency)}${converted}`;
    if (p.agreement.exists) notes.push(`Nash price ${fixed(p.agreement.nash ?? 0, 0)} ${p.currency}; joint surplus (NPV) at it ${surplus}`);
    notes.push(
      `host break-even volume at the evaluated price: ${p.breakEvenVolume === null ? "none (no positive margin)" : p.breakEvenVolume === 0 ? "any volume (the host bears no one-off)" : `${fixed(p.breakEvenVolume, 0)} units a year`}`,
    );
    const c = d as ContractManufacturing;
    notes.push(
      `host ${c.host}, client ${c.client}, plant ${c.plant}, program ${c.program}; counterfactual: ${"notSold" in c.counterfactual ? "the client does not sell this volume" : `the client builds it at ${c.counterfactual.plant}`}`,
    );
    const eaten = Object.entries(c.cannibalises ?? {});
    if (eaten.length > 0) notes.push(`each vehicle sold takes sales from the parties' own models: ${eaten.map(([p, x]) => `${p} ${fixed(x, 2)}`).join(", ")}`);
  }
  return {
    title: `Deal ${d.id}: NPV of each party's gain`,
    note: notes.join("\n"),
    headers: ["company", "unit", ...columns.map((c) => c.header)],
    body: lines,
  };
}

/** Each party's share price and market value, the yardstick of the "of market cap" column. */
function marketNote(a: DealAnalysis): string {
  const parts = a.values.flatMap((v) => {
    const m = v.market;
    if (!m) return [];
    const ev = m.enterpriseValue === null ? "" : `, enterprise value ${money(m.enterpriseValue, v.currency)}`;
    const adr = m.perAdr === null ? "" : `, ${fixed(m.perAdr, 2)} ${v.currency} per ADR`;
    return [
      `${v.company} ${fixed(m.sharePrice, 1)} ${v.currency} a share on ${m.date}, market cap ${money(m.marketCap, v.currency)} ${moneyUnit(v.currency)}${ev}${adr}`,
    ];
  });
  return `of market cap: the after-tax NPV over market capitalisation, also its value per share over the share price (${parts.join("; ")})`;
}

/** --sweep transfer-price=LOW:HIGH:STEP: both parties' NPV gains along the price. */
async function sweep(s: Scenario, ids: string[], prices: Record<string, number>, opts: DealOptions): Promise<void> {
  const m = /^transfer-price=(\d+(?:\.\d+)?):(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(opts.sweep ?? "");
  const bad = (message: string) =>
    new InputError([{ severity: "error", path: "--sweep", message, suggestion: "e.g. --sweep transfer-price=20000:40000:1000" }]);
  if (!m) throw bad(`cannot read "${opts.sweep}"`);
  const [lo, hi, step] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!(step > 0) || hi < lo || (hi - lo) / step > 1000) throw bad("LOW ≤ HIGH, STEP > 0, at most 1000 steps");
  const deal = s.deals.find((d) => d.id === ids[0]);
  if (ids.length !== 1 || deal?.type !== "contract-manufacturing") throw bad("name one contract-manufacturing deal to sweep its transfer price");
  const host = s.companies.find((c) => c.id === deal.host);
  const client = s.companies.find((c) => c.id === deal.client);
  const body: string[][] = [];
  const points: { price: number; host: number; client: number }[] = [];
  for (let p = lo; p <= hi + 1e-9; p += step) {
    const g = gainsAtPrice(s, deal, prices, p);
    body.push([fixed(p, 0), money(g.host, host?.reportingCurrency ?? "USD"), money(g.client, client?.reportingCurrency ?? "USD")]);
    points.push({ price: p, host: g.host, client: g.client });
  }
  if (opts.format === "json") {
    emit(
      `${JSON.stringify({ deal: deal.id, price: points.map((x) => x.price), host: points.map((x) => x.host), client: points.map((x) => x.client) }, null, 2)}\n`,
      opts.out,
    );
    return;
  }
  // The table has no currency column: its amounts are shown in the parties' one currency, or as stored when they differ.
  const shared = host?.reportingCurrency === client?.reportingCurrency ? host?.reportingCurrency : undefined;
  if (opts.format === "csv") {
    emit(csvOf(priceSweepTable(points), shared ?? s.fx.base, shared ? opts : { ...opts, raw: true }), opts.out);
    return;
  }
  if (opts.format === "xlsx") {
    const t = priceSweepTable(points);
    await writeWorkbook(opts.out as string, [
      shared ? tableSheet(t, shared) : tableSheet({ ...t, columns: t.columns.map(({ unit: _, ...c }) => c) }, s.fx.base),
    ]);
    return;
  }
  const render = opts.format === "md" ? renderMarkdown : renderText;
  const unit = (c?: { reportingCurrency: string }) => moneyUnit(c?.reportingCurrency ?? "USD");
  emit(
    render(
      `Transfer-price sweep of ${deal.id}`,
      [`NPV of each party's gain against its own counterfactual; price in the program's currency per unit`],
      [
        {
          title: `${deal.host} (host, ${unit(host)}) and ${deal.client} (client, ${unit(client)})`,
          headers: ["price", `${deal.host} NPV gain`, `${deal.client} NPV gain`],
          body,
        },
      ],
      [],
    ),
    opts.out,
  );
}

/** The analysis limited to one period's rows (NPVs stay over the whole horizon). */
function inPeriod(a: DealAnalysis, period?: string): DealAnalysis {
  if (!period) return a;
  return { ...a, gains: a.gains.filter((g) => g.period === period), plants: a.plants.filter((p) => p.period === period) };
}
