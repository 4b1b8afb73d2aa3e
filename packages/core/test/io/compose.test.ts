import { describe, expect, it } from "vitest";
import { composeScenario, loadScenario, mergeDocs, validateScenario } from "../../src/index.js";
import { memoryReader } from "./memory-reader.js";

const base = `
id: base
horizon: { fiscalYears: { from: 2025, to: 2025 } }
companies: [{ id: maker, name: Maker, reportingCurrency: USD }]
markets: [{ id: us, name: US, country: US, currency: USD }]
plants:
  - { id: ohio, name: Ohio, owner: maker, country: US, capacity: 100000, fixedCost: 1000000, platforms: [p] }
  - { id: texas, name: Texas, owner: maker, country: US, capacity: 50000, fixedCost: 1000000, platforms: [p] }
programs:
  - id: suv
    name: SUV
    seller: maker
    brand: M
    category: passenger-car
    platform: p
    variableCost: 20000
    sourcing: { ohio: 1 }
    markets: { us: { price: 30000, demand: 1000 } }
lanes: [{ from: US, to: us, costPerUnit: 100 }]
overrides: { bigger: ./overrides/bigger.yaml }
`;

describe("extends: a patch merged onto its base by id", () => {
  it("deep-merges a known id, appends a new one and deletes with remove: true", () => {
    const reader = memoryReader({
      "/s/base.yaml": base,
      "/s/child.yaml": `extends: ./base.yaml\nid: child\nplants:\n  - { id: ohio, capacity: 120000 }\n  - { id: texas, remove: true }\n  - { id: utah, name: Utah, owner: maker, country: US, capacity: 1, fixedCost: 0 }\n`,
    });
    const c = composeScenario("/s/child.yaml", reader);
    expect(c.issues).toEqual([]);
    const plants = c.doc?.plants as { id: string; capacity: number; name: string }[];
    expect(plants.map((p) => p.id)).toEqual(["ohio", "utah"]);
    expect(plants[0]).toMatchObject({ id: "ohio", name: "Ohio", capacity: 120000 });
    expect(c.doc?.id).toBe("child");
    expect(c.files).toEqual(["/s/child.yaml", "/s/base.yaml"]);
  });

  it("reports removing an id the base does not have, with the closest id", () => {
    const reader = memoryReader({ "/s/base.yaml": base, "/s/child.yaml": "extends: ./base.yaml\nplants: [{ id: texsa, remove: true }]\n" });
    const c = composeScenario("/s/child.yaml", reader);
    expect(c.issues).toHaveLength(1);
    expect(c.issues[0]).toMatchObject({ path: "plants[0]", file: "/s/child.yaml" });
    expect(c.issues[0]?.suggestion).toContain("texas");
  });

  it("refuses a cycle of extends", () => {
    const reader = memoryReader({ "/s/a.yaml": "extends: ./b.yaml\n", "/s/b.yaml": "extends: ./a.yaml\n" });
    const c = composeScenario("/s/a.yaml", reader);
    expect(c.doc).toBeUndefined();
    expect(c.issues[0]?.message).toMatch(/cycle/);
  });
});

describe("named overrides", () => {
  const files = { "/s/base.yaml": base, "/s/overrides/bigger.yaml": "programs:\n  - { id: suv, markets: { us: { demand: 2000 } } }\n" };

  it("applies an override by name, paths relative to the file that names it", () => {
    const c = composeScenario("/s/base.yaml", memoryReader(files), ["bigger"]);
    expect(c.issues).toEqual([]);
    const v = validateScenario(c.doc);
    expect(v.scenario?.programs[0]?.markets.us?.demand).toBe(2000);
    expect(v.scenario?.programs[0]?.markets.us?.price).toBe(30000);
  });

  it("names an unknown override and suggests the closest", () => {
    const c = composeScenario("/s/base.yaml", memoryReader(files), ["biger"]);
    expect(c.issues[0]).toMatchObject({ path: "--with biger" });
    expect(c.issues[0]?.suggestion).toContain("bigger");
  });
});

describe("removing a tariff measure", () => {
  it("also removes it from the measures that name it", () => {
    const tariffs = `tariffs:
  - { id: mfn, name: MFN, importer: US, origins: ["*"], categories: [passenger-car], kind: mfn, rate: 0.025, from: 1990-01-01 }
  - { id: s232, name: S232, importer: US, origins: ["*"], categories: [passenger-car], kind: additional, rate: 0.25, from: 2025-04-03 }
  - { id: deal, name: Deal, importer: US, origins: [JP], categories: [passenger-car], kind: all-in, rate: 0.15, from: 2025-09-16, inclusiveOf: [mfn, s232] }
`;
    const reader = memoryReader({ "/s/base.yaml": base + tariffs, "/s/o.yaml": "extends: ./base.yaml\ntariffs: [{ id: s232, remove: true }]\n" });
    const c = composeScenario("/s/o.yaml", reader);
    const v = validateScenario(c.doc);
    expect(v.issues).toEqual([]);
    expect(v.scenario?.tariffs.map((t) => t.id)).toEqual(["mfn", "deal"]);
    expect(v.scenario?.tariffs[1]?.inclusiveOf).toEqual(["mfn"]);
  });
});

describe("removing a deal", () => {
  it("also removes it from the programmes that group it, and a programme left empty with it", () => {
    const deals = [
      { id: "a", type: "plant-action" },
      { id: "b", type: "plant-action" },
      { id: "both", type: "programme", deals: ["a", "b"] },
      { id: "only-a", type: "programme", deals: ["a"] },
    ];
    const { doc } = mergeDocs({ deals }, { deals: [{ id: "a", remove: true }] });
    expect(doc.deals).toEqual([
      { id: "b", type: "plant-action" },
      { id: "both", type: "programme", deals: ["b"] },
    ]);
  });
});

describe("CSV tables", () => {
  it("fills demand and FX from CSV rows, keeping each row's source", () => {
    const reader = memoryReader({
      "/s/base.yaml": base,
      "/s/t.yaml": "extends: ./base.yaml\ntables: { demand: ./demand.csv, fx: ./fx.csv }\ncompanies: [{ id: maker, reportingCurrency: JPY }]\n",
      "/s/demand.csv": "program,market,period,units,source\nsuv,us,FY2025,1500,data/facts/sales.csv#suv\n",
      "/s/fx.csv": "currency,period,rate\nJPY,FY2025,150.5\n",
    });
    const c = composeScenario("/s/t.yaml", reader);
    expect(c.issues).toEqual([]);
    const v = validateScenario(c.doc);
    expect(v.issues).toEqual([]);
    expect(v.scenario?.programs[0]?.markets.us?.demand).toEqual({ FY2025: 1500 });
    expect(v.scenario?.fx.rates.JPY?.FY2025).toBe(150.5);
  });

  it("names the CSV row of a repeated key, a hex or negative value, and accepts a row without its source cell", () => {
    const reader = memoryReader({
      "/s/base.yaml": `${base}tables: { demand: ./d.csv }\n`,
      "/s/d.csv": "program,market,period,units,source\nsuv,us,FY2025,1000,x\nsuv,us,FY2025,0x10\nsuv,us,FY2026,-5\n",
    });
    const c = composeScenario("/s/base.yaml", reader);
    expect(c.issues.map((i) => [i.path, i.message])).toEqual([
      ["tables.demand row 3", "repeats row 2 (suv, us, FY2025)"],
      ["tables.demand row 4", "units must be at least 0, got -5"],
    ]);
    const hex = composeScenario(
      "/s/base.yaml",
      memoryReader({ "/s/base.yaml": `${base}tables: { demand: ./d.csv }\n`, "/s/d.csv": "program,market,period,units,source\nsuv,us,FY2025,0x10\n" }),
    );
    expect(hex.issues[0]?.message).toBe('"0x10" is not a number');
  });

  it("reports a row naming an unknown program by its CSV line", () => {
    const reader = memoryReader({
      "/s/base.yaml": `${base}tables: { demand: ./d.csv }\n`,
      "/s/d.csv": "program,market,period,units\nsuv,us,FY2025,1\nsvu,us,FY2025,2\n",
    });
    const c = composeScenario("/s/base.yaml", reader);
    expect(c.issues).toHaveLength(1);
    expect(c.issues[0]).toMatchObject({ path: "tables.demand row 3", file: "/s/d.csv" });
  });
});

describe("parse errors", () => {
  it("gives the line of a YAML syntax error", () => {
    const c = composeScenario("/s/bad.yaml", memoryReader({ "/s/bad.yaml": "id: x\nplants: [ { id: a\n" }));
    expect(c.doc).toBeUndefined();
    expect(c.issues[0]?.path).toMatch(/^line \d+, column \d+$/);
  });

  it("rejects a duplicate key instead of silently keeping the last", () => {
    const c = composeScenario("/s/dup.yaml", memoryReader({ "/s/dup.yaml": "id: a\nid: b\n" }));
    expect(c.issues[0]?.message).toMatch(/unique|duplicate/i);
  });

  it("reports a missing file without throwing", () => {
    const c = composeScenario("/s/none.yaml", memoryReader({}));
    expect(c.issues[0]?.message).toMatch(/cannot read/);
  });
});

describe("issues of a composed scenario name the file that wrote the value", () => {
  const files = {
    "/s/base.yaml": base,
    // texas is index 1 in the base; the child patches it first (index 0) and adds a bad fixed cost of its own to utah.
    "/s/child.yaml": `extends: ./base.yaml\nid: child\nplants:\n  - { id: texas, capacity: -5 }\n  - { id: utah, name: Utah, owner: maker, country: US, capacity: 1, fixedCost: -1 }\n`,
    "/s/overrides/bigger.yaml": "plants:\n  - { id: ohio, capacity: -7 }\n",
  };

  it("gives the patch's file and the entity's index there, not the merged index", () => {
    const loaded = loadScenario("/s/child.yaml", memoryReader(files));
    const at = loaded.issues.filter((i) => i.severity === "error").map((i) => `${i.file ?? ""}: ${i.path}`);
    expect(at).toContain("/s/child.yaml: plants[0].capacity"); // texas, plants[1] of the merged document
    expect(at).toContain("/s/child.yaml: plants[1].fixedCost"); // utah, plants[2] merged
  });

  it("gives an override's file for a value it wrote, and the base's for one the base wrote", () => {
    const loaded = loadScenario("/s/child.yaml", memoryReader({ ...files, "/s/child.yaml": "extends: ./base.yaml\nid: child\n" }), { overrides: ["bigger"] });
    expect(loaded.issues.filter((i) => i.severity === "error").map((i) => `${i.file ?? ""}: ${i.path}`)).toEqual([
      "/s/overrides/bigger.yaml: plants[0].capacity",
    ]);
    const broken = loadScenario(
      "/s/child.yaml",
      memoryReader({ ...files, "/s/base.yaml": base.replace("capacity: 50000", "capacity: -3"), "/s/child.yaml": "extends: ./base.yaml\nid: child\n" }),
    );
    expect(broken.issues.filter((i) => i.severity === "error").map((i) => `${i.file ?? ""}: ${i.path}`)).toEqual(["/s/base.yaml: plants[1].capacity"]);
  });

  it("names the override that wrote a lane (merged by from and to) or an FX rate, and the base that wrote a broken citation", () => {
    const withBad = {
      ...files,
      "/s/child.yaml": "extends: ./base.yaml\nid: child\n",
      "/s/base.yaml": base.replace("capacity: 100000", 'capacity: { value: 100000, source: "assumption:nowhere" }'),
      "/s/data/assumptions.yaml": "assumptions:\n  - { id: elsewhere }\n",
      "/s/overrides/bigger.yaml": 'lanes:\n  - { from: JP, to: us, costPerUnit: 5 }\n  - { from: US, to: us, costPerUnit: "abc" }\n',
    };
    const lane = loadScenario("/s/child.yaml", memoryReader(withBad), { overrides: ["bigger"] });
    expect(lane.issues.map((i) => `${i.file ?? ""}: ${i.path}`)).toEqual(["/s/overrides/bigger.yaml: lanes[1].costPerUnit"]);
    const fx = loadScenario(
      "/s/child.yaml",
      memoryReader({ ...withBad, "/s/overrides/bigger.yaml": "fx: { rates: { JPY: { FY2025: 150, FY2035: 150 } } }\n" }),
      { overrides: ["bigger"] },
    );
    expect(fx.issues.map((i) => `${i.file ?? ""}: ${i.path}: ${i.message}`)).toEqual([
      "/s/overrides/bigger.yaml: fx.rates.JPY.FY2035: FY2035 is outside the horizon FY2025",
    ]);
    const cited = loadScenario("/s/child.yaml", memoryReader(withBad));
    expect(cited.issues.map((i) => `${i.file ?? ""}: ${i.path}: ${i.message}`)).toEqual([
      "/s/base.yaml: plants[0].capacity: cited row `nowhere` is not in data/assumptions.yaml",
    ]);
  });
});
