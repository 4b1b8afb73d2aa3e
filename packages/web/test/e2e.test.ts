import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { money } from "@tieup/charts/format";
import { metricLabel, namesOf } from "@tieup/charts/names";
import { loadScenario } from "@tieup/cli";
import { dealParties, drawPlan, evaluate, headlineImpacts, parseMetric, rows, sensitivity } from "@tieup/core";
import { cooperation, scenarioInstance } from "@tieup/optimize";
import { type Browser, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWorkspace, startWorkspace } from "../../cli/src/commands/serve.js";
import { scenarioMeta } from "../src/engine/meta.js";
import { shownValue } from "../src/views/OutputCharts.js";
import { repoRoot } from "./disk.js";

// End to end: the app built by Vite, served by `tieup serve`'s server on
// 127.0.0.1, driven in Debian's Chromium (installed by .ci/run).
const CHROMIUM = "/usr/bin/chromium";
const out = join(repoRoot, "test-output");
const shots = join(out, "screenshots");
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const present = existsSync(CHROMIUM);
if (!present) console.warn(`e2e skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);

describe.skipIf(!present)("the web workspace in Chromium", () => {
  let served: RunningWorkspace["served"];
  let running: RunningWorkspace;
  const store = mkdtempSync(join(tmpdir(), "tieup-e2e-"));
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    // A build of its own (not packages/web/dist), so a parallel `tieup serve` test never sees a half-emptied folder.
    const dist = join(out, "web-dist");
    await build({ configFile: join(repoRoot, "packages/web/vite.config.ts"), root: join(repoRoot, "packages/web"), logLevel: "warn", build: { outDir: dist } });
    // What `tieup serve` runs: the app, the API and a store of its own (a fresh SQLite file).
    running = await startWorkspace(undefined, { port: 0, db: join(store, "workspace.sqlite") }, dist);
    served = running.served;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    mkdirSync(shots, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
    rmSync(store, { recursive: true, force: true });
  });

  // A fresh document each time: an edit left invalid by one test must not carry over to the next.
  const open = async (hash: string) => {
    await page.goto("about:blank");
    await page.goto(`${served.url}${hash}`);
    await page.waitForSelector(".chart-body svg, .editor .cm-content", { timeout: 30_000 });
  };

  it("shows the default scenario's headline numbers, as the engine computes them", async () => {
    await open("#/overview");
    const scenario = loadScenario(undefined).scenario;
    const r = evaluate(scenario);
    const headline = headlineImpacts(scenario);
    for (const c of rows(r.companies).filter((x) => x.period === "FY2025")) {
      const card = page.locator(`[data-company="${c.company}"]`);
      await expect.poll(() => card.locator('[data-figure="operatingProfit"]').textContent()).toBe(money(c.operatingProfit as number, String(c.currency)));
      await expect.poll(() => card.locator('[data-figure="wholeCompany"]').textContent()).toBe(money(c.companyOperatingProfit as number, String(c.currency)));
      for (const f of headline) {
        const impact = f.impacts.find((i) => i.company === c.company);
        if (impact) await expect.poll(() => card.locator(`[data-figure="headline-${f.id}"]`).textContent()).toBe(money(impact.net, impact.currency));
      }
    }
    // The bridge into FY2025 as a waterfall: one bar per step and company.
    await expect.poll(() => page.locator('[data-chart="profit-bridge"] svg').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, "overview.png"), fullPage: true });
  }, 60_000);

  it("redraws the duty chart when the tariff control moves, and records the redraw time", async () => {
    await open("#/overview");
    const chart = page.locator('[data-chart="duty-by-measure"] .chart-body');
    const before = await chart.innerHTML();
    const slider = page.locator("#tariff-jp-auto-15");
    await slider.focus();
    const times: number[] = [];
    const split: { engine: number; draw: number }[] = [];
    for (let k = 0; k < 12; k++) {
      await page.evaluate(() => performance.clearMeasures());
      await slider.press("ArrowRight");
      await page.waitForFunction(() => performance.getEntriesByName("tieup:redraw").length > 0, undefined, { timeout: 10_000 });
      times.push(await page.evaluate(() => performance.getEntriesByName("tieup:redraw")[0]?.duration ?? Number.NaN));
      split.push(
        await page.evaluate(() => ({
          engine: performance.getEntriesByName("tieup:engine").at(-1)?.duration ?? Number.NaN,
          draw: performance.getEntriesByName("tieup:draw").at(-1)?.duration ?? Number.NaN,
        })),
      );
    }
    expect(await chart.innerHTML()).not.toBe(before);
    expect(page.url()).toContain("t.jp-auto-15=");
    const sorted = [...times].sort((a, b) => a - b);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const report = {
      control: "tariff jp-auto-15, 12 key presses",
      medianMs: sorted[6],
      maxMs: sorted.at(-1),
      // Change → worker reply (engine and messaging), and reply → charts drawn.
      engineMedianMs: median(split.map((x) => x.engine)),
      drawMedianMs: median(split.map((x) => x.draw)),
      loadAverage: loadavg()[0],
      timesMs: times.map((t) => Math.round(t * 10) / 10),
    };
    writeFileSync(join(out, "redraw.json"), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`redraw after a control change: median ${report.medianMs?.toFixed(1)} ms, max ${report.maxMs?.toFixed(1)} ms`);
    await page.screenshot({ path: join(shots, "overview-tariff-moved.png"), fullPage: true });
  }, 60_000);

  it("shows an invalid YAML edit at its path, at its line and in the list", async () => {
    await open("#/scenario");
    const line = page.locator(".cm-line", { hasText: "startMonth: 4" }).first();
    await line.click();
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("13");
    const listed = page.locator('.issues li.error[data-path^="horizon.fiscalYears.startMonth"]');
    await listed.waitFor({ timeout: 15_000 });
    expect(await listed.locator("button.link").textContent()).toMatch(/^line \d+$/);
    // @codemirror/lint marks the line (underline, gutter marker); Ctrl-Shift-M opens its list with the message at its path.
    await page.locator(".cm-lintRange-error").first().waitFor({ timeout: 15_000 });
    expect(await page.locator(".cm-lint-marker-error").count()).toBeGreaterThan(0);
    await page.keyboard.press("Control+Shift+M");
    await expect.poll(() => page.locator(".cm-panel-lint .cm-issue-error").first().textContent()).toContain("horizon.fiscalYears.startMonth");
    await page.screenshot({ path: join(shots, "scenario-error.png") });
  }, 60_000);

  it("undoes an edit in the editor with Ctrl-Z", async () => {
    await open("#/scenario");
    const line = page.locator(".cm-line", { hasText: "startMonth: 4" }).first();
    const before = await line.textContent();
    await line.click();
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.type("7");
    await expect.poll(() => page.locator(".cm-line", { hasText: "startMonth: 47" }).count()).toBe(1);
    await page.keyboard.press("Control+z");
    await expect.poll(() => page.locator(".cm-line", { hasText: "startMonth: 4" }).first().textContent()).toBe(before);
    expect(await page.locator(".cm-line", { hasText: "startMonth: 47" }).count()).toBe(0);
    // The undone text is the scenario as written again: valid.
    await page.locator(".scenario-view .good").waitFor({ timeout: 15_000 });
  }, 60_000);

  it("on a phone (390 px wide) puts the controls in a bar above the charts, and unfolds them there", async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    try {
      await p.goto(`${served.url}#/overview`);
      await p.waitForSelector(".chart-body svg", { timeout: 30_000 });
      const toggle = p.locator(".controls-toggle");
      const bar = await toggle.boundingBox();
      const chart = await p.locator(".chart").first().boundingBox();
      // Before: the controls started some 1,400 px below the charts. Now the bar is above the first chart, within the first screen.
      expect(bar && chart && bar.y + bar.height <= chart.y).toBe(true);
      expect(bar && bar.y < 200).toBe(true);
      await toggle.click();
      const slider = p.locator('input[type="range"]').first();
      await slider.waitFor({ state: "visible" });
      expect(((await slider.boundingBox())?.y ?? 1e9) < 844).toBe(true);
      await p.screenshot({ path: join(shots, "phone-controls.png") });
    } finally {
      await phone.close();
    }
  }, 60_000);

  it("downloads the results as CSV and XLSX, a chart as SVG and PNG, and the scenario as YAML", async () => {
    await open("#/overview");
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "CSV", exact: true }).click()]);
    expect(csv.suggestedFilename()).toBe("nissan-honda-us-companies.csv");
    const text = readFileSync(await csv.path(), "utf8");
    expect(text.split("\r\n")[0]).toContain("period,company,currency");
    const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "XLSX (all tables)" }).click()]);
    // An XLSX file is a ZIP archive: it starts with "PK".
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    const chart = page.locator('[data-chart="duty-by-measure"]');
    const [svg] = await Promise.all([page.waitForEvent("download"), chart.getByRole("button", { name: "SVG" }).click()]);
    expect(svg.suggestedFilename()).toBe("duty-by-measure.svg");
    expect(readFileSync(await svg.path(), "utf8")).toContain("<svg");
    const [png] = await Promise.all([page.waitForEvent("download"), chart.getByRole("button", { name: "PNG" }).click()]);
    // PNG files start with the bytes 0x89 "PNG".
    expect(
      readFileSync(await png.path())
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
    const [yaml] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Scenario YAML" }).click()]);
    expect(readFileSync(await yaml.path(), "utf8")).toContain("id: nissan-honda-us");
  }, 60_000);

  it("runs a Monte Carlo in its own worker and tabulates the spreads", async () => {
    await page.goto("about:blank");
    await page.goto(`${served.url}#/uncertainty`);
    await page.getByLabel("Draws").selectOption("100");
    await page.getByRole("button", { name: "Run" }).click();
    await page.locator('[data-testid="sweep-table"] tbody tr').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="sweep-table"] tbody tr').count()).toBeGreaterThan(1);
    expect(await page.locator(".note", { hasText: "100 draws of nissan-honda-us-uncertain" }).count()).toBe(1);
    await page.screenshot({ path: join(shots, "uncertainty.png"), fullPage: true });
    // Another output: its histogram and tornado, from the draws the worker kept; the tornado's base is the engine's.
    const options = await page.locator("#sweep-output option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const out = options[1] as string;
    await page.locator("#sweep-output").selectOption(out);
    await expect.poll(() => page.url()).toContain(`out=${encodeURIComponent(out)}`);
    const s = loadScenario(join(repoRoot, "scenarios/nissan-honda-us-uncertain.yaml")).scenario;
    const parsed = parseMetric(s, out, dealParties(s));
    if (!("metric" in parsed)) throw new Error(parsed.error);
    // The chart names the output in words ("Honda Motor Co. · FY2026 …"), not by its path.
    const histogram = page.locator('[data-chart="uncertainty-histogram"]');
    await expect.poll(() => histogram.locator("h3").textContent(), { timeout: 30_000 }).toContain(metricLabel(parsed.metric, namesOf(scenarioMeta(s, []))));
    expect(await histogram.locator("h3").textContent()).not.toContain(out);
    expect(await histogram.locator('svg g[aria-label="rect"] rect').count()).toBeGreaterThan(1);
    const tornado = page.locator('[data-chart="uncertainty-tornado"]');
    expect(await tornado.locator('svg g[aria-label="bar"] rect').count()).toBeGreaterThan(1);
    const { base } = sensitivity(s, drawPlan(s), parsed.metric);
    await expect.poll(() => page.locator('[data-figure="tornado-base"]').textContent()).toBe(shownValue(parsed.metric, base));
    await histogram.screenshot({ path: join(shots, "uncertainty-histogram.png") });
    await tornado.screenshot({ path: join(shots, "uncertainty-tornado.png") });
    // Beside the tornado, the variance-based indices of the same output, one row per uncertain parameter.
    await page.locator("#sobol-rows").selectOption("32");
    await page.getByRole("button", { name: "Compute" }).click();
    await page.locator('[data-testid="sobol-table"] tbody tr').first().waitFor({ timeout: 90_000 });
    expect(await page.locator('[data-testid="sobol-table"] tbody tr').count()).toBe(drawPlan(s).parameters.length);
  }, 180_000);

  it("marks a sweep out of date when a control moves, and keeps a control its draws would overwrite", async () => {
    await page.goto("about:blank");
    await page.goto(`${served.url}#/uncertainty`);
    await page.getByLabel("Draws").selectOption("100");
    await page.getByRole("button", { name: "Run" }).click();
    await page.locator('[data-testid="sweep-table"] tbody tr').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="sweep-stale"]').count()).toBe(0);
    // The Japan rate to 50% by its slider's link value: the shown draws were made at the distribution's rates.
    await page.evaluate(() => {
      window.location.hash = "#/uncertainty?t.jp-auto-15=0.5";
    });
    await page.locator('[data-testid="sweep-stale"]').waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Run" }).click();
    await page.locator('[data-testid="sweep-pinned"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="sweep-pinned"]').textContent()).toBe("Fixed by the controls, not drawn: japan-tariff.");
    expect(await page.locator('[data-testid="sweep-stale"]').count()).toBe(0);
  }, 120_000);

  it("leads a link the scenario cannot take to the results without its bad values, named, never to a hang", async () => {
    await page.goto("about:blank");
    await page.goto(`${served.url}#/overview?with=no-such-override&t.jp-auto-15=5&period=FY2099`);
    const banner = page.locator('[data-testid="link-issues"]');
    await banner.waitFor({ timeout: 30_000 });
    await page.waitForSelector(".chart-body svg", { timeout: 30_000 });
    const text = await banner.textContent();
    for (const bit of [
      "with=no-such-override",
      "the scenario has no override no-such-override",
      "did you mean 5%?",
      "FY2099 is outside the horizon FY2024–FY2030",
    ])
      expect(text).toContain(bit);
    expect(await page.getByText("Loading the engine…").count()).toBe(0);
    await page.getByRole("button", { name: "Remove them from the link" }).click();
    await expect.poll(() => banner.count()).toBe(0);
    expect(page.url()).not.toMatch(/no-such-override|jp-auto-15|FY2099/);
    // An unknown deal opens the first deal's analysis, not "Analysing…" for ever.
    await page.goto("about:blank");
    await page.goto(`${served.url}#/deal?deal=no-such-deal`);
    await banner.waitFor({ timeout: 30_000 });
    await page.waitForSelector('[data-chart^="deal-"] svg', { timeout: 60_000 });
    expect(await banner.textContent()).toContain("the scenario has no deal no-such-deal");
  }, 120_000);

  it("opens Compare on two like sides side by side, says they are alike, and never stacks them", async () => {
    await open("#/compare");
    await page.locator('[data-testid="compare-same"]').waitFor({ timeout: 30_000 });
    const chart = page.locator('[data-chart="compare-operating-profit"]');
    await chart.locator("svg").first().waitFor();
    const legend = await chart.textContent();
    expect(legend).toContain("Base: as written");
    expect(legend).toContain("Other: as written");
    const companies = loadScenario(undefined).scenario.companies.length;
    // One bar per side, company and period, at two x positions in each facet.
    const xs = await chart.locator('svg g[aria-label="bar"] rect').evaluateAll((rs) => rs.map((r) => r.getAttribute("x")));
    expect(xs.length).toBe(2 * companies * 7);
    expect(new Set(xs).size).toBe(2);
  }, 60_000);

  it("stops a long Monte Carlo when asked and labels the draws it kept", async () => {
    await page.goto("about:blank");
    await page.goto(`${served.url}#/uncertainty`);
    await page.getByLabel("Draws").selectOption("2000");
    await page.getByRole("button", { name: "Run" }).click();
    await expect.poll(() => page.locator('progress[aria-label="draws done"]').getAttribute("value"), { timeout: 60_000 }).not.toBe("0");
    await page.getByRole("button", { name: "Stop" }).click();
    const label = page.locator('[data-testid="sweep-stopped"]');
    await label.waitFor({ timeout: 60_000 });
    expect(await label.textContent()).toMatch(/^Stopped after \d+ of 2000 draws: the statistics of the first \d+ draws/);
  }, 120_000);

  it("solves the alliance optimisation in its own worker: the value of cooperation @tieup/optimize finds", async () => {
    await open("#/optimise");
    const si = scenarioInstance(loadScenario(undefined).scenario);
    const c = await cooperation(si.inst, "alliance", { prefer: si.baseline });
    await expect.poll(() => page.locator('[data-figure="cooperation-value"]').textContent(), { timeout: 60_000 }).toBe(money(c.value, si.inst.base));
    expect(await page.locator('[data-testid="optimise-plants"] tbody tr').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, "optimise.png"), fullPage: true });
    // A single company's objective: no value of cooperation, one company in the table.
    await page.locator("#optimise-objective").selectOption("company:honda");
    await expect.poll(() => page.locator('[data-testid="optimise-companies"] tbody tr').count(), { timeout: 60_000 }).toBe(1);
    expect(page.url()).toContain("objective=company%3Ahonda");
    expect(await page.locator('[data-figure="cooperation-value"]').count()).toBe(0);
  }, 120_000);

  it("stores a scenario: create, edit, save, reload, compare two versions, sweep on the server with progress, cancel", async () => {
    const api = async <T>(path: string): Promise<T> => (await fetch(new URL(path, served.url))).json() as Promise<T>;
    await open("#/scenario");
    const opened = page.locator('[data-testid="opened"]');
    await expect.poll(() => opened.textContent()).toContain("version 1 (latest)");
    // Create: the served scenario saved under a new id.
    await page.getByPlaceholder("e.g. toyota-mazda-us").fill("e2e-copy");
    await page.getByRole("button", { name: "Save as a new scenario" }).click();
    await expect.poll(() => page.url()).toContain("scenario=e2e-copy&version=1");
    await expect.poll(() => opened.textContent()).toContain("e2e-copy");

    // Edit: the Japanese rate from 15% to 20% (a patch by id of the measure the scenario takes from library:us-tariffs-2025), and an uncertainty block.
    const v1 = await api<{ entry: string; files: Record<string, string> }>("api/scenarios/e2e-copy/versions/1");
    const before = v1.files[v1.entry] as string;
    expect(before).toContain("library:us-tariffs-2025");
    const patchLine = '  - { id: jp-auto-15, rate: { value: 0.2, source: "claim:japan-auto-tariff-2025-09" } }';
    const edited = `${before}\ntariffs:\n${patchLine}\nuncertainty:\n  parameters:\n    - id: japan-tariff\n      path: tariffs[jp-auto-15].rate\n      distribution: { type: triangular, min: 0.1, mode: 0.2, max: 0.275 }\n`;
    // As a user replaces a file: once the editor shows it, select all (the editor's own command, whatever part of the
    // long file is drawn) and type. A DOM-level fill could select only the drawn lines and leave the rest behind.
    const content = page.locator(".editor .cm-content");
    await expect.poll(() => content.textContent(), { timeout: 30_000 }).toContain("tieup default scenario");
    await content.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText(edited);
    await expect.poll(() => opened.textContent()).toContain("1 file(s) edited");
    await expect.poll(() => content.textContent(), { timeout: 30_000 }).toContain("max: 0.275 }");
    await page.getByPlaceholder("what changed and why").fill("Japan at 20%, with its uncertainty");
    await page.getByRole("button", { name: "Save as version 2" }).click();
    await expect.poll(() => page.url()).toContain("version=2");
    await expect.poll(() => opened.textContent()).toContain("version 2 (latest)");
    const v2 = await api<{ message: string; files: Record<string, string> }>("api/scenarios/e2e-copy/versions/2");
    expect(v2.message).toBe("Japan at 20%, with its uncertainty");
    expect(v2.files[v1.entry]).toBe(edited);

    // Reload: the saved edit is what opens.
    await page.reload();
    await page.waitForSelector(".editor .cm-content");
    await expect.poll(() => opened.textContent()).toContain("version 2 (latest)");
    // The editor draws only the lines in view: the appended block is at the end.
    await page.locator(".editor .cm-content").click();
    await page.keyboard.press("Control+End");
    await expect.poll(() => page.locator(".cm-line", { hasText: "path: tariffs[jp-auto-15].rate" }).count()).toBeGreaterThan(0);
    await expect.poll(() => opened.textContent()).toContain("no unsaved edits");

    // Compare v1 and v2: the changed lines, then their results as a run.
    await page.goto(page.url().replace("#/scenario", "#/workspace"));
    await page.getByRole("button", { name: "Show what changed" }).click();
    const patch = page.locator('[data-testid="file-diff"] pre');
    await expect.poll(() => patch.textContent()).toContain(`+${patchLine}`);
    expect(await patch.textContent()).toContain("+tariffs:");
    await page.getByRole("button", { name: "Compare their results (a run)" }).click();
    const runs = page.locator('[data-testid="runs"] tbody tr');
    await expect.poll(() => runs.first().locator("[data-status]").textContent(), { timeout: 60_000 }).toBe("done");
    await runs.first().locator("button.link").click();
    const [latest] = await api<{ id: string }[]>("api/scenarios/e2e-copy/runs");
    const run = await api<{ result: { tables: { companies_diff: Record<string, unknown>[] } } }>(`api/runs/${latest?.id}`);
    const diff = run.result.tables.companies_diff.find((r) => r.company === "nissan" && r.period === "FY2026") as Record<string, number | string>;
    // More duty on Nissan's Japanese imports: its FY2026 profit falls, and the page shows the API's figure.
    expect(diff.operatingProfit_delta as number).toBeLessThan(0);
    const row = page.locator('[data-testid="run-result"] tbody tr', { hasText: "FY2026" }).filter({ hasText: "nissan" });
    await expect.poll(() => row.locator("td").nth(3).textContent()).toBe(money(diff.operatingProfit_delta as number, String(diff.currency)));

    // A sweep as a job: progress, then the result kept with its run.
    await page.getByTestId("sweep-draws").fill("50");
    await page.getByRole("button", { name: /Run a sweep of v2/ }).click();
    // Until the new run is listed, the first row is the comparison, already done.
    await expect.poll(() => runs.count()).toBe(2);
    await expect.poll(() => runs.first().locator("[data-status]").textContent(), { timeout: 90_000 }).toBe("done");
    await expect.poll(() => page.locator('[data-testid="run-result"] tbody tr').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="run-result"] tbody tr').first().locator("td").first().textContent()).toBe("50");
    // And one cancelled: it stops early and keeps its draws, labelled.
    await page.getByTestId("sweep-draws").fill("100000");
    await page.getByRole("button", { name: /Run a sweep of v2/ }).click();
    await expect.poll(() => runs.count()).toBe(3);
    await expect.poll(() => runs.first().locator("[data-status]").textContent(), { timeout: 30_000 }).toBe("running");
    await expect
      .poll(async () => Number.parseInt(((await runs.first().locator("td").nth(3).textContent()) ?? "0").replace(/,/g, ""), 10), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await runs.first().getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => runs.first().locator("[data-status]").textContent(), { timeout: 30_000 }).toBe("cancelled");
    await expect.poll(() => page.locator('[data-testid="run-result"] .warn').textContent()).toMatch(/^cancelled after \d+ of 100000 draws/);
    await page.screenshot({ path: join(shots, "workspace.png"), fullPage: true });
  }, 240_000);

  it("draws every view (screenshots in test-output/screenshots)", async () => {
    for (const view of ["plants", "deal", "map", "compare"]) {
      await open(`#/${view}${view === "compare" ? "?vs=tariff-high" : ""}`);
      await page.waitForSelector(".chart-body svg");
      await page.screenshot({ path: join(shots, `${view}.png`), fullPage: true });
    }
    expect(await page.locator('[data-testid="compare-table"] tbody tr').count()).toBeGreaterThan(0);
    await page.setViewportSize({ width: 420, height: 800 });
    await open("#/overview");
    await page.screenshot({ path: join(shots, "overview-narrow.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(errors).toEqual([]);
  }, 90_000);
});
