#!/usr/bin/env node
/**
 * The web app's speed as a user meets it, in Debian's Chromium over loopback
 * against `tieup serve` (the built app, brotli/gzip, a fresh SQLite store):
 *
 * - cold load: a new browser context (empty cache) opening the Overview, to
 *   the first chart drawn; and the bytes sent over the wire;
 * - redraw: a control moved by one key press to the charts drawn with its
 *   results (the app's own "tieup:redraw" measure, split into engine with
 *   messaging and drawing), median of N presses per view;
 * - peer in the same run: one evaluation of the same scenario in Node
 *   (@tieup/core), the engine's floor on this machine, so a redraw reads as
 *   a multiple of it.
 *
 *   npm run build && node bench/web.bench.mjs [--presses 15] [--loads 3] [--json out.json]
 *
 * With 60 presses or more a view's first and last twenty are also given
 * apart: the first redraws of a page pay for compiling the engine and the
 * chart code (the JIT), which later ones do not.
 *
 * Figures only: nothing here passes or fails on time (a shared machine's
 * load changes them; the load average is printed beside them).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const root = join(import.meta.dirname, "..");
const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const { values } = parseArgs({ options: { presses: { type: "string", default: "15" }, loads: { type: "string", default: "3" }, json: { type: "string" } } });
const presses = Number(values.presses);
const loads = Number(values.loads);
const dist = (p) => pathToFileURL(join(root, p)).href;

const { chromium } = await import("playwright-core");
const { startWorkspace } = await import(dist("packages/cli/dist/commands/serve.js"));
const { loadScenario } = await import(dist("packages/cli/dist/index.js"));
const core = await import(dist("packages/core/dist/index.js"));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => (x === undefined || Number.isNaN(x) ? "–" : `${x.toFixed(1)} ms`);

/** One evaluation of the default scenario with the Japan rate moved, as the worker does per control change: warmed up (150 runs, the median of the last 50), so the engine's floor. */
function peer() {
  const s = loadScenario(undefined).scenario;
  const moved = structuredClone(s);
  const m = moved.tariffs.find((t) => t.id === "jp-auto-15");
  const times = [];
  for (let i = 0; i < 150; i++) {
    m.rate = 0.15 + (i % 10) * 0.005;
    const t = performance.now();
    core.evaluate(moved);
    times.push(performance.now() - t);
  }
  return median(times.slice(100));
}

async function coldLoad(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // Bytes as received (compressed), from the browser's own accounting of each request.
  const sizes = [];
  page.on("requestfinished", (r) => sizes.push(r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)));
  const t = Date.now();
  await page.goto(`${url}#/overview`);
  await page.waitForSelector(".chart-body svg", { timeout: 60_000 });
  const firstChart = Date.now() - t;
  const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  await context.close();
  return { firstChart, bytes };
}

async function redraws(page, url, view, control) {
  await page.goto("about:blank");
  await page.goto(`${url}#/${view}`);
  await page.waitForSelector(".chart-body svg", { timeout: 60_000 });
  const slider = page.locator(control);
  await slider.focus();
  const rows = [];
  for (let k = 0; k < presses; k++) {
    await page.evaluate(() => performance.clearMeasures());
    await slider.press(k % 2 === 0 ? "ArrowRight" : "ArrowLeft");
    await page.waitForFunction(() => performance.getEntriesByName("tieup:redraw").length > 0, undefined, { timeout: 30_000 });
    rows.push(
      await page.evaluate(() => ({
        redraw: performance.getEntriesByName("tieup:redraw")[0]?.duration ?? Number.NaN,
        engine: performance.getEntriesByName("tieup:engine").at(-1)?.duration ?? Number.NaN,
        draw: performance.getEntriesByName("tieup:draw").at(-1)?.duration ?? Number.NaN,
        // The worker's own time for the change (the export bar's "engine N ms"), without messaging.
        worker: Number(/engine (\d+) ms/.exec(document.querySelector(".timing")?.textContent ?? "")?.[1] ?? Number.NaN),
      })),
    );
  }
  const at = (k, list = rows) => median(list.map((r) => r[k]));
  // With enough presses, the first and the last twenty apart: a page's first redraws pay for compiling the engine and the charts (JIT).
  const split = rows.length >= 60 ? { first: at("redraw", rows.slice(0, 20)), last: at("redraw", rows.slice(-20)) } : undefined;
  return { view, redraw: at("redraw"), engine: at("engine"), worker: at("worker"), draw: at("draw"), ...(split ? { split } : {}) };
}

const store = mkdtempSync(join(tmpdir(), "tieup-web-bench-"));
const running = await startWorkspace(undefined, { port: 0, db: join(store, "workspace.sqlite") }, join(root, "packages/web/dist"));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
try {
  const before = loadavg()[0];
  const engine = peer();
  const cold = [];
  for (let i = 0; i < loads; i++) cold.push(await coldLoad(browser, running.served.url));
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const views = [];
  for (const [view, control] of [
    ["overview", "#tariff-jp-auto-15"],
    ["plants", "#tariff-jp-auto-15"],
    ["compare", "#tariff-jp-auto-15"],
    ["deal", "#tariff-jp-auto-15"],
  ])
    views.push(await redraws(page, running.served.url, view, control));
  const report = {
    machine: { loadAverageBefore: before, loadAverageAfter: loadavg()[0] },
    peer: { evaluateMs: engine },
    coldLoad: { firstChartMs: median(cold.map((c) => c.firstChart)), bytes: cold[0]?.bytes, runs: cold.map((c) => c.firstChart) },
    redraw: views,
  };
  console.log(`load average ${before.toFixed(2)} before, ${report.machine.loadAverageAfter.toFixed(2)} after; ${presses} key presses per view`);
  console.log(`peer: one evaluation of the default scenario in Node ${ms(engine)}`);
  console.log(
    `cold load to the first chart: median ${ms(report.coldLoad.firstChartMs)} of ${loads} (${cold.map((c) => c.firstChart).join(", ")} ms), ${(report.coldLoad.bytes / 1e6).toFixed(2)} MB on the wire`,
  );
  for (const v of views)
    console.log(
      `redraw ${v.view.padEnd(9)} median ${ms(v.redraw)} (engine + messaging ${ms(v.engine)}, of which in the worker ${ms(v.worker)}; drawing ${ms(v.draw)}); ×${(v.redraw / engine).toFixed(1)} of the peer${v.split ? `; first 20 presses ${ms(v.split.first)}, last 20 ${ms(v.split.last)}` : ""}`,
    );
  if (values.json) writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
} finally {
  await browser.close();
  await running.close();
  rmSync(store, { recursive: true, force: true });
}
