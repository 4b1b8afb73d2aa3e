import { loadScenario } from "@tieup/cli";
import { evaluate, headlineImpacts, rows } from "@tieup/core";
import { describe, expect, it } from "vitest";
import { applyControls, noControls } from "../src/engine/controls.js";
import { resolvePath } from "../src/engine/files.js";
import { composeFiles } from "../src/engine/model.js";
import { EngineService } from "../src/engine/service.js";
import { diskFiles, repoRoot } from "./disk.js";

const two = () => {
  const c = composeFiles(diskFiles("/scenarios/examples/two-plants.yaml"), []);
  if (!c.scenario) throw new Error(JSON.stringify(c.issues));
  return c.scenario;
};
const sum = (list: Record<string, unknown>[], col: string) => list.reduce((s, r) => s + (r[col] as number), 0);

describe("paths in the in-memory file system", () => {
  it("resolves relative paths against the folder of the file that names them", () => {
    expect(resolvePath("/scenarios/a.yaml", "../data/model/demand.csv")).toBe("/data/model/demand.csv");
    expect(resolvePath("/scenarios/a.yaml", "./overrides/x.yaml")).toBe("/scenarios/overrides/x.yaml");
    expect(resolvePath("/scenarios/a.yaml", "/abs/b.yaml")).toBe("/abs/b.yaml");
    expect(resolvePath("/a.yaml", "../../b.yaml")).toBe("/b.yaml");
  });
});

describe("composing in the browser", () => {
  it("refuses a table written as an absolute path with the CLI's own error and hint, never a missing file", () => {
    // The CLI's rule (a scenario names its files relative to itself) holds in the browser and in stored runs alike.
    const source = diskFiles();
    const entry = source.files[source.entry] as string;
    const text = entry.replace("../data/model/demand.csv", "/home/ana/study/data/model/demand.csv");
    const c = composeFiles({ ...source, files: { ...source.files, [source.entry]: text } }, []);
    const cli = loadScenario(`${repoRoot}scenarios/nissan-honda-us.yaml`, []);
    expect(cli.issues.some((i) => i.severity === "error")).toBe(false);
    expect(c.scenario).toBeUndefined();
    expect(c.issues).toEqual([
      expect.objectContaining({
        path: "tables.demand",
        message: "`/home/ana/study/data/model/demand.csv` is an absolute path: a scenario names its files relative to itself",
        suggestion: expect.stringContaining("name them by relative paths"),
      }),
    ]);
  });

  it("gives the default scenario exactly the results the CLI gets from disk", () => {
    const web = composeFiles(diskFiles(), ["tariff-high"]);
    const cli = loadScenario(`${repoRoot}scenarios/nissan-honda-us.yaml`, ["tariff-high"]);
    expect(web.scenario).toBeDefined();
    expect(web.overrides).toContain("no-tariffs");
    expect(rows(evaluate(web.scenario as never).companies)).toEqual(rows(evaluate(cli.scenario).companies));
    // The cited data is bundled too, so citations check as in the CLI: no "not found" warnings.
    expect(web.issues.filter((i) => i.message.includes("not found"))).toEqual([]);
  });
});

describe("controls", () => {
  it("sets a measure's rate: the Japanese plant's FY2026 Section 232 duty at 10% instead of 25%", () => {
    // FY2026: kyushu builds 20% of 160,000 = 32,000 cars for the US at a customs value of 0.9 × 30,000 = 27,000.
    // At 25%: 32,000 × 27,000 × 0.25 = 216,000,000; at 10%: 32,000 × 27,000 × 0.10 = 86,400,000.
    const duty = (s: ReturnType<typeof two>) =>
      sum(
        rows(evaluate(s).duties).filter((d) => d.period === "FY2026" && d.measure === "s232-auto"),
        "amount",
      );
    const s = two();
    expect(duty(s)).toBeCloseTo(216_000_000, 0);
    expect(duty(applyControls(s, { ...noControls(), tariffs: { "s232-auto": 0.1 } }))).toBeCloseTo(86_400_000, 0);
  });

  it("scales demand, FX and deal volume, and fixes a transfer price, without touching the input", () => {
    const s = two();
    const before = structuredClone(s);
    const c = applyControls(s, { ...noControls(), demand: { "compact-suv": 1.5 }, fx: { JPY: 1.1 } });
    // 150,000 × 1.5 = 225,000 units in FY2025; 150 JPY × 1.1 = 165 JPY per USD.
    expect(c.programs[0]?.markets.us?.demand).toEqual({ FY2025: 225_000, FY2026: 240_000 });
    expect(c.fx.rates.JPY?.FY2026).toBeCloseTo(165, 9);
    expect(s).toEqual(before);
    const deal = composeFiles(diskFiles("/scenarios/examples/contract-pickup.yaml"), []).scenario;
    if (!deal) throw new Error("contract-pickup does not compose");
    const original = deal.deals[0];
    const id = original?.id ?? "";
    const d = applyControls(deal, { ...noControls(), dealVolume: { [id]: 2 }, transferPrice: { [id]: 26000 } }).deals[0];
    if (d?.type !== "contract-manufacturing" || original?.type !== "contract-manufacturing") throw new Error("expected a contract deal");
    for (const [p, v] of Object.entries(original.volume)) expect(d.volume[p]).toBe(v * 2);
    expect(d.transferPrice).toEqual({ perUnit: 26000 });
  });

  it("returns the scenario itself when no control is set", () => {
    const s = two();
    expect(applyControls(s, noControls())).toBe(s);
  });
});

describe("the engine service behind the worker", () => {
  const service = new EngineService();
  const source = diskFiles();

  it("evaluates the default scenario, then re-evaluates a control change from its cache", () => {
    const first = service.run({ id: 1, source, with: [], vs: null, controls: noControls(), deal: "canton-pickup" });
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    expect(first.snapshot.meta.id).toBe("nissan-honda-us");
    expect(first.snapshot.deal?.analysis.price?.agreement.exists).toBe(true);
    expect(first.snapshot.deal?.curve.length).toBeGreaterThanOrEqual(2);
    const second = service.run({ id: 2, with: [], vs: null, controls: { ...noControls(), tariffs: { "jp-auto-15": 0.3 } } });
    if (!second.ok) throw new Error("second run failed");
    expect(second.timings.compose).toBeLessThan(first.timings.compose);
    const dutyOf = (r: typeof first) =>
      r.ok
        ? sum(
            rows(r.snapshot.results.duties).filter((d) => d.measure === "jp-auto-15"),
            "amount",
          )
        : 0;
    expect(dutyOf(second)).toBeGreaterThan(dutyOf(first));
  });

  it("reports an invalid edit with its path and keeps the text", () => {
    const text = (source.files[source.entry] as string).replace("capacity: { value: 427000,", "capacity: { value: -427000,");
    const r = service.run({ id: 3, entryText: text, with: [], vs: null, controls: noControls() });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.some((i) => i.severity === "error" && i.path.startsWith("plants[0].capacity"))).toBe(true);
    expect(r.text).toBe(text);
  });

  it("says why Compare has nothing to show when the other side's override breaks the scenario, instead of 'Comparing…' for ever", () => {
    // Regression: no-tariffs removes jp-auto-15, whose rate the uncertainty block draws, so the other side never composed.
    const r = new EngineService().run({
      id: 5,
      source: diskFiles("/scenarios/nissan-honda-us-uncertain.yaml"),
      with: [],
      vs: ["no-tariffs"],
      controls: noControls(),
    });
    if (!r.ok) throw new Error("the base side should run");
    expect(r.snapshot.compare).toBeUndefined();
    expect(r.snapshot.compareFailure?.label).toBe("with no-tariffs");
    expect(r.snapshot.compareFailure?.issues.some((i) => i.path.startsWith("uncertainty") && /jp-auto-15/.test(i.message))).toBe(true);
  });

  it("compares the scenario as written with the controls and other overrides", () => {
    const r = service.run({ id: 4, with: [], vs: ["no-tariffs"], controls: noControls() });
    if (!r.ok) throw new Error("compare failed");
    const c = r.snapshot.compare;
    expect(c?.otherLabel).toBe("with no-tariffs");
    const deltas = rows(c?.companyDuties as never).map((x) => x.amount_delta as number);
    expect(deltas.some((x) => x < 0)).toBe(true);
  });

  it("keeps the base side as written while a control moves: the same base figures as a fresh service, the other side moved", () => {
    const moved = { ...noControls(), tariffs: { "jp-auto-15": 0.5 } };
    service.run({ id: 5, with: [], vs: ["no-tariffs"], controls: noControls() });
    const again = service.run({ id: 6, with: [], vs: ["no-tariffs"], controls: moved });
    const fresh = new EngineService().run({ id: 7, source: diskFiles(), with: [], vs: ["no-tariffs"], controls: moved });
    if (!again.ok || !fresh.ok) throw new Error("compare failed");
    const table = (r: typeof again) => rows(r.ok ? (r.snapshot.compare?.companies as never) : (undefined as never));
    expect(table(again)).toEqual(table(fresh));
    const base = new EngineService().run({ id: 8, source: diskFiles(), with: [], vs: null, controls: noControls() });
    if (!base.ok) throw new Error("run failed");
    const profit = (r: Record<string, unknown>[]) => r.map((x) => x.operatingProfit_base ?? x.operatingProfit);
    expect(profit(table(again)).filter((x) => x !== undefined)).toEqual(profit(rows(base.snapshot.results.companies)));
  });
});

describe("the snapshot", () => {
  it("holds exactly what core's evaluate() gives, and the open deal's solved price for the price control", () => {
    const c = composeFiles(diskFiles(), []);
    if (!c.scenario) throw new Error("default does not compose");
    const r = new EngineService().run({ id: 1, source: diskFiles(), with: [], vs: null, controls: noControls() });
    if (!r.ok) throw new Error("run failed");
    const direct = evaluate(c.scenario);
    expect(rows(r.snapshot.results.companies)).toEqual(rows(direct.companies));
    expect(r.snapshot.results.warnings).toEqual(direct.warnings);
    const pickup = r.snapshot.meta.deals.find((d) => d.transferPrice === "open");
    expect(pickup?.referencePrice).toBeGreaterThan(0);
    expect(r.snapshot.headline).toBeUndefined();
  });

  it("describes the scenario as written, so the FX label is the multiplier times the written rate, applied once (issue 17)", () => {
    const c = composeFiles(diskFiles(), []);
    if (!c.scenario) throw new Error("default does not compose");
    const written = c.scenario.fx.rates.JPY;
    const first = Object.values(written ?? {})[0] as number;
    const r = new EngineService().run({
      id: 1,
      source: diskFiles(),
      with: [],
      vs: null,
      controls: { ...noControls(), fx: { JPY: 1.1 }, tariffs: { "jp-auto-15": 0.2 } },
    });
    if (!r.ok) throw new Error("run failed");
    expect(r.snapshot.meta.currencies.find((x) => x.id === "JPY")?.rate).toBe(first);
    expect(r.snapshot.meta.measures.find((m) => m.id === "jp-auto-15")?.rate).toBe(c.scenario.tariffs.find((m) => m.id === "jp-auto-15")?.rate);
  });

  it("gives the scenario's headline tariff cost after the results when the Overview asks for it, with the controls applied", () => {
    const c = composeFiles(diskFiles(), []);
    if (!c.scenario) throw new Error("default does not compose");
    const service = new EngineService();
    const controls = { ...noControls(), tariffs: { "jp-auto-15": 0.2 } };
    const req = { id: 1, source: diskFiles(), with: [], vs: null, controls, headline: true };
    const r = service.run(req);
    if (!r.ok) throw new Error("run failed");
    expect(r.snapshot.headline).toBeUndefined();
    expect(service.headline(req)?.headline).toEqual(headlineImpacts(applyControls(c.scenario, controls)));
    expect(service.headline({ ...req, headline: false })).toBeUndefined();
  });

  it("sends whole-company profit and the bridge into FY2025 with the headline; the bridge's steps add up to its end", () => {
    const c = composeFiles(diskFiles(), []);
    if (!c.scenario) throw new Error("default does not compose");
    const service = new EngineService();
    const req = { id: 1, source: diskFiles(), with: [], vs: null, controls: noControls(), headline: true };
    if (!service.run(req).ok) throw new Error("run failed");
    const reply = service.headline(req);
    const direct = rows(evaluate(c.scenario).companies);
    for (const r of rows(reply?.profit as never) as { company: string; period: string; wholeCompany: number }[]) {
      const d = direct.find((x) => x.company === r.company && x.period === r.period);
      expect(r.wholeCompany).toBeCloseTo(Number(d?.companyOperatingProfit), 0);
    }
    const bridge = rows(reply?.bridge as never) as { company: string; step: string; amount: number; from: string; to: string }[];
    expect(new Set(bridge.map((b) => `${b.from}→${b.to}`))).toEqual(new Set(["FY2024→FY2025"]));
    for (const company of ["nissan", "honda"]) {
      const mine = bridge.filter((b) => b.company === company);
      const end = mine.find((b) => b.step === "end")?.amount ?? Number.NaN;
      const sum = mine.filter((b) => b.step !== "end").reduce((a, b) => a + b.amount, 0);
      expect(Math.abs(sum - end) / Math.abs(end)).toBeLessThan(1e-9);
    }
  });
});
