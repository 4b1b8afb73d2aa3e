import { loadScenario } from "@tieup/cli";
import { dealParties, defaultMetricNames, drawPlan, parseMetric, runDraws, sensitivity } from "@tieup/core";
import { describe, expect, it } from "vitest";
import { applyControls, noControls } from "../src/engine/controls.js";
import { DEFAULT_ENTRY, runSweep, type SweepRequest, SweepSession, UNCERTAIN_DEFAULT, uncertainScenario } from "../src/engine/sweep.js";
import { diskFiles, repoRoot } from "./disk.js";

const request = (over: Partial<SweepRequest> = {}): SweepRequest => ({ source: diskFiles(), with: [], controls: noControls(), draws: 12, seed: 7, ...over });

describe("the Uncertainty view's Monte Carlo", () => {
  it("draws from the bundled uncertain scenario when the open one is the default, which it extends", { timeout: 30_000 }, () => {
    expect(uncertainScenario(request()).scenario?.id).toBe("nissan-honda-us-uncertain");
    expect(uncertainScenario(request()).borrowed).toBe("scenarios/nissan-honda-us-uncertain.yaml");
    const { source } = request();
    const without = { entry: source.entry, files: Object.fromEntries(Object.entries(source.files).filter(([k]) => k !== UNCERTAIN_DEFAULT)) };
    expect(uncertainScenario(request({ source: without })).message).toContain("no uncertainty");
    expect(uncertainScenario(request({ source: without, fallback: source })).scenario?.id).toBe("nissan-honda-us-uncertain");
  });

  it("draws the open default as edited (a stored version), not the bundled one's numbers", { timeout: 30_000 }, () => {
    // Regression: a served scenario's sweep composed the bundled files only, so its saved edits were not drawn.
    const bundled = request().source;
    const text = (bundled.files[DEFAULT_ENTRY] as string).replace("capacity: { value: 427000,", "capacity: { value: 427001,");
    const served = {
      entry: DEFAULT_ENTRY,
      files: { ...Object.fromEntries(Object.entries(bundled.files).filter(([k]) => k !== UNCERTAIN_DEFAULT)), [DEFAULT_ENTRY]: text },
    };
    const picked = uncertainScenario(request({ source: served, fallback: bundled })).scenario;
    expect(picked?.plants.map((p) => p.capacity)).toContain(427001);
  });

  it("never gives another scenario the default's distributions: it says there is no block to draw", () => {
    // Regression: a user's own scenario without uncertainty silently ran the bundled Nissan-Honda distributions.
    const r = uncertainScenario(request({ source: diskFiles("/scenarios/examples/two-plants.yaml"), fallback: diskFiles() }));
    expect(r.scenario).toBeUndefined();
    expect(r.message).toMatch(/no uncertainty: block, so there is nothing to draw/);
  });

  it("keeps a control its draws would overwrite: the controlled rate is drawn in every draw, the others as with the same seed", () => {
    // Regression: t.jp-auto-15=0.5 left the sweep's mean unchanged, since japan-tariff set the rate in every draw.
    const picked = uncertainScenario(request()).scenario;
    if (!picked?.uncertainty) throw new Error("no uncertain scenario");
    const controls = { ...noControls(), tariffs: { "jp-auto-15": 0.5 } };
    const pinned = runSweep(picked, request({ controls, draws: 20 }));
    expect(pinned.pinned).toEqual(["japan-tariff"]);
    // The same sweep written by hand: the rate at 50% and japan-tariff a certain 50% (it still takes its random number).
    const fixed = applyControls(picked, controls);
    const one = { type: "discrete" as const, values: [{ label: "control", value: 0.5, probability: 1 }] };
    const byHand = {
      ...fixed,
      uncertainty: { ...picked.uncertainty, parameters: picked.uncertainty.parameters.map((p) => (p.id === "japan-tariff" ? { ...p, distribution: one } : p)) },
    };
    const expected = runSweep(byHand as typeof picked, request({ draws: 20 }));
    expect(pinned.outputs.map((o) => o.summary.mean)).toEqual(expected.outputs.map((o) => o.summary.mean));
    const free = runSweep(picked, request({ draws: 20 }));
    const nissan = (r: typeof free) => r.outputs.find((o) => o.metric.name === "company.nissan.FY2026.companyOperatingProfit")?.summary.mean as number;
    expect(nissan(pinned)).toBeLessThan(nissan(free) - 100e9);
  }, 60_000);

  it("gives the same draws as core's runDraws on the scenario the CLI loads, for the same seed", () => {
    const picked = uncertainScenario(request()).scenario;
    if (!picked) throw new Error("no uncertain scenario");
    const progress: number[] = [];
    const r = runSweep(picked, request(), (d) => progress.push(d));
    expect(progress.at(-1)).toBe(12);
    const cli = loadScenario(`${repoRoot}${UNCERTAIN_DEFAULT.slice(1)}`).scenario;
    const parties = dealParties(cli);
    const metrics = defaultMetricNames(cli, parties).flatMap((n) => {
      const m = parseMetric(cli, n, parties);
      return "metric" in m ? [m.metric] : [];
    });
    const rows = runDraws(cli, drawPlan(cli), metrics, 7, 0, 12);
    const k = metrics.findIndex((m) => m.kind === "company");
    const column = Array.from({ length: 12 }, (_, i) => rows[i * metrics.length + k] as number);
    const mean = column.reduce((a, b) => a + b, 0) / column.length;
    expect(r.outputs[k]?.metric.name).toBe(metrics[k]?.name);
    expect(r.outputs[k]?.summary.mean).toBeCloseTo(mean, 3);
    expect(r.parameters.length).toBeGreaterThan(0);
  }, 30_000);

  it("keeps the draws for the picked output's histogram, and its tornado is core's sensitivity", () => {
    const picked = uncertainScenario(request()).scenario;
    if (!picked) throw new Error("no uncertain scenario");
    const session = SweepSession.run(picked, request());
    const [first, second] = session.result.outputs;
    if (!first || !second) throw new Error("fewer than two outputs");
    const d = session.detail(second.metric.name, 10);
    expect(d.name).toBe(second.metric.name);
    // Every draw lands in one of the 10 bins, which span the draws' range.
    expect(d.histogram.counts.reduce((a, b) => a + b, 0)).toBe(12);
    expect(d.histogram.edges[0]).toBeCloseTo(second.summary.min, 6);
    expect(d.histogram.edges.at(-1)).toBeCloseTo(second.summary.max, 6);
    const cli = loadScenario(`${repoRoot}${UNCERTAIN_DEFAULT.slice(1)}`).scenario;
    const parties = dealParties(cli);
    const metric = parseMetric(cli, second.metric.name, parties);
    if (!("metric" in metric)) throw new Error(metric.error);
    const expected = sensitivity(cli, drawPlan(cli), metric.metric);
    expect(d.tornado.base).toBeCloseTo(expected.base, 3);
    expect(d.tornado.swings.map((x) => x.parameter)).toEqual(expected.swings.map((x) => x.parameter));
    expect(d.tornado.swings[0]?.swing).toBeCloseTo(expected.swings[0]?.swing as number, 3);
    // An output the sweep does not report falls back to the first one.
    expect(session.detail("company.nobody.FY2026.operatingProfit").name).toBe(first.metric.name);
  }, 60_000);

  it("stops between chunks when asked, with the first draws' statistics: the same as a sweep of that many", async () => {
    const picked = uncertainScenario(request()).scenario;
    if (!picked) throw new Error("no uncertain scenario");
    let chunks = 0;
    const stopped = await SweepSession.runStoppable(
      picked,
      request({ draws: 60 }),
      () => chunks++,
      () => chunks >= 1,
    );
    expect(stopped.result.draws).toBe(20);
    expect(stopped.result.requested).toBe(60);
    const whole = runSweep(picked, request({ draws: 20 }));
    expect(stopped.result.outputs.map((o) => o.summary.mean)).toEqual(whole.outputs.map((o) => o.summary.mean));
    expect(whole.requested).toBeUndefined();
  }, 60_000);
});
