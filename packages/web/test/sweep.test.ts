import { loadScenario } from "@tieup/cli";
import { dealParties, defaultMetricNames, drawPlan, parseMetric, runDraws, sensitivity } from "@tieup/core";
import { describe, expect, it } from "vitest";
import { noControls } from "../src/engine/controls.js";
import { runSweep, type SweepRequest, SweepSession, UNCERTAIN_DEFAULT, uncertainScenario } from "../src/engine/sweep.js";
import { diskFiles, repoRoot } from "./disk.js";

const request = (over: Partial<SweepRequest> = {}): SweepRequest => ({ source: diskFiles(), with: [], controls: noControls(), draws: 12, seed: 7, ...over });

describe("the Uncertainty view's Monte Carlo", () => {
  it("draws from the bundled uncertain scenario when the open one has no uncertainty block", { timeout: 30_000 }, () => {
    expect(uncertainScenario(request()).scenario?.id).toBe("nissan-honda-us-uncertain");
    const { source } = request();
    const without = { entry: source.entry, files: Object.fromEntries(Object.entries(source.files).filter(([k]) => k !== UNCERTAIN_DEFAULT)) };
    expect(uncertainScenario(request({ source: without })).message).toContain("no uncertainty");
    expect(uncertainScenario(request({ source: without, fallback: source })).scenario?.id).toBe("nissan-honda-us-uncertain");
  });

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
