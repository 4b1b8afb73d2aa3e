import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { noControls } from "../src/engine/controls.js";
import type { ScenarioMeta } from "../src/engine/meta.js";
import { EngineService } from "../src/engine/service.js";
import { checkLink, withoutIssues } from "../src/state/link-check.js";
import { formatHash, parseHash } from "../src/state/url.js";
import { diskFiles } from "./disk.js";

let meta: ScenarioMeta;
beforeAll(() => {
  const r = new EngineService().run({ id: 1, source: diskFiles(), with: [], vs: null, controls: noControls() });
  if (!r.ok) throw new Error("the default scenario does not run");
  meta = r.snapshot.meta;
});
const check = (hash: string, known = true) => checkLink(parseHash(hash), hash, known ? { meta, overrides: meta.overrides } : {});
const messages = (hash: string) => check(hash).issues.map((i) => `${i.param}=${i.value}: ${i.message}`);

describe("a link checked like the scenario values it sets", () => {
  it("takes a link of values the scenario can take as it is", () => {
    const hash =
      "#/overview?with=tariff-high&period=FY2026&deal=canton-pickup&t.jp-auto-15=0.2&fx.JPY=1.1&d.honda-pickup=0.8&v.canton-pickup=1.5&tp.canton-pickup=30000";
    const c = check(hash);
    expect(c.issues).toEqual([]);
    expect(c.controls).toEqual(parseHash(hash).controls);
    expect([c.with, c.period, c.deal]).toEqual([["tariff-high"], "FY2026", "canton-pickup"]);
  });

  it("refuses a tariff rate above 1 and asks whether a percentage was meant (t.jp-auto-15=5 is not 500%)", () => {
    expect(messages("#/?t.jp-auto-15=5")).toEqual(["t.jp-auto-15=5: a tariff rate is a fraction from 0 to 1 (0.15 = 15%); did you mean 5%? Write 0.05"]);
    expect(check("#/?t.jp-auto-15=5").controls.tariffs).toEqual({});
  });

  it("refuses negative demand (d.rogue=-1: the Rogue's demand) and a program the scenario does not have", () => {
    expect(messages("#/?d.rogue=-1")).toEqual(["d.rogue=-1: a demand multiplier cannot be negative (1 = as written, 0 = none)"]);
    expect(messages("#/?d.rogue=1.2")).toEqual([]);
    expect(messages("#/?d.no-such-program=1.2")[0]).toMatch(/^d\.no-such-program=1\.2: the scenario has no program no-such-program \(it has /);
  });

  it("names a period outside the horizon against it, and drops it (period=FY2099)", () => {
    expect(messages("#/?period=FY2099")).toEqual(["period=FY2099: FY2099 is outside the horizon FY2024–FY2030"]);
    expect(check("#/?period=FY2099").period).toBeUndefined();
  });

  it("names an unknown deal and override with the ones the scenario has, and leaves them out of the run", () => {
    const c = check("#/deal?deal=no-such-deal&with=no-such-override,tariff-high");
    expect(c.issues.map((i) => i.param)).toEqual(["with", "deal"]);
    expect(c.issues[0]?.message).toMatch(/^the scenario has no override no-such-override \(it has tariff-high, no-tariffs/);
    expect(c.with).toEqual(["tariff-high"]);
    expect(c.deal).toBeUndefined();
  });

  it("checks ranges before the scenario is read, and ids only once it is", () => {
    const c = check("#/?with=anything&d.nothing=1.2&t.x=2", false);
    expect(c.issues.map((i) => i.param)).toEqual(["t.x"]);
    expect(c.with).toEqual(["anything"]);
  });

  it("names a control that is not a number at all, which parseHash leaves out", () => {
    expect(messages("#/?t.jp-auto-15=high")).toEqual(["t.jp-auto-15=high: not a number"]);
  });

  it("never throws, and each control of a link is either kept or named, once", () => {
    const key = fc.constantFrom(
      "t.jp-auto-15",
      "t.s232-auto",
      "fx.JPY",
      "d.honda-pickup",
      "v.canton-pickup",
      "tp.canton-pickup",
      "d.rogue",
      "d.nothing",
      "t.__proto__",
    );
    const value = fc.oneof(fc.double({ min: -5, max: 50_000, noNaN: true }), fc.constantFrom("x", "", "1e999"));
    fc.assert(
      fc.property(fc.dictionary(key, value.map(String), { maxKeys: 6 }), (params) => {
        const hash = `#/overview?${new URLSearchParams(params)}`;
        const c = check(hash);
        const kept = Object.values(c.controls).reduce((n, g) => n + Object.keys(g).length, 0);
        const named = c.issues.length;
        const reserved = Object.keys(params).filter((k) => k.endsWith("__proto__") && Number.isFinite(Number(params[k])) && params[k] !== "").length;
        expect(kept + named + reserved).toBe(Object.keys(params).length);
        // What is kept is what the engine may take: a link written from it checks clean.
        expect(check(formatHash({ ...parseHash(hash), ...withoutIssues(c) })).issues).toEqual([]);
      }),
    );
  });
});
