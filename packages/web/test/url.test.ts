import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { noControls } from "../src/engine/controls.js";
import { type AppState, formatHash, parseHash, VIEWS } from "../src/state/url.js";

const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
// −0 prints as "0": the link cannot tell them apart, and no control needs to.
const values = fc.dictionary(
  id,
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
  { maxKeys: 3 },
);
const state: fc.Arbitrary<AppState> = fc.record({
  view: fc.constantFrom(...VIEWS),
  with: fc.uniqueArray(id, { maxLength: 3 }),
  vs: fc.uniqueArray(id, { maxLength: 2 }),
  period: fc.option(fc.stringMatching(/^FY20[2-3][0-9]$/), { nil: undefined }),
  deal: fc.option(id, { nil: undefined }),
  out: fc.option(fc.stringMatching(/^company\.[a-z]{1,8}\.FY20[2-3][0-9]\.[a-zA-Z]{1,12}$/), { nil: undefined }),
  objective: fc.option(fc.constantFrom("alliance", "alliance-fair", "company:honda"), { nil: undefined }),
  controls: fc.record({ tariffs: values, fx: values, demand: values, dealVolume: values, transferPrice: values }),
});
const clean = (s: AppState): AppState => {
  const { period, deal, out, objective, ...rest } = s;
  return { ...rest, ...(period ? { period } : {}), ...(deal ? { deal } : {}), ...(out ? { out } : {}), ...(objective ? { objective } : {}) };
};

describe("state in the URL", () => {
  it("restores every view, override and control from the link it writes", () => {
    fc.assert(
      fc.property(state, (s) => {
        expect(parseHash(formatHash(s))).toEqual(clean(s));
      }),
    );
  });

  it("reads a hand-written link", () => {
    const s = parseHash("#/deal?with=tariff-high,no-closures&period=FY2026&t.jp-auto-15=0.2&fx.JPY=1.1&tp.canton-pickup=30000&v.canton-pickup=1.5");
    expect(s).toEqual({
      view: "deal",
      with: ["tariff-high", "no-closures"],
      vs: [],
      period: "FY2026",
      controls: {
        ...noControls(),
        tariffs: { "jp-auto-15": 0.2 },
        fx: { JPY: 1.1 },
        transferPrice: { "canton-pickup": 30000 },
        dealVolume: { "canton-pickup": 1.5 },
      },
    });
  });

  it("opens the overview for an empty or unknown link and ignores values that are not numbers", () => {
    expect(parseHash("")).toEqual({ view: "overview", with: [], vs: [], controls: noControls() });
    expect(parseHash("#/nowhere?t.x=abc&t.y=&zz.q=1").controls).toEqual(noControls());
  });

  it("skips controls named __proto__, constructor or prototype: a link is input like any other", () => {
    const s = parseHash("#/overview?t.__proto__=0.2&t.constructor=0.3&d.prototype=2&t.jp-auto-15=0.15");
    expect(s.controls.tariffs).toEqual({ "jp-auto-15": 0.15 });
    expect(Object.keys(s.controls.demand)).toEqual([]);
    expect(({} as Record<string, unknown>)["0.2"]).toBeUndefined();
  });
});
