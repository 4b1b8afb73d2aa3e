import { describe, expect, it } from "vitest";
import { composeScenario, loadScenario, memoryReader } from "../../src/index.js";

// A project in memory: a scenario without tariffs, two libraries and a plain base file.
const core = `
id: core
horizon: { fiscalYears: { from: 2025, to: 2025 } }
companies: [{ id: maker, name: Maker, reportingCurrency: USD }]
markets: [{ id: us, name: US, country: US, currency: USD }]
plants:
  - { id: ohio, name: Ohio, owner: maker, country: US, capacity: 100000, fixedCost: 1000000, platforms: [p] }
programs:
  - { id: suv, name: SUV, seller: maker, brand: M, category: passenger-car, platform: p, variableCost: 20000, sourcing: { ohio: 1 }, markets: { us: { price: 30000, demand: 1000 } } }
lanes: [{ from: US, to: us, costPerUnit: 100 }]
`;
const duties = `
tariffs:
  - { id: mfn, name: MFN, importer: US, origins: ["*"], categories: [passenger-car], kind: mfn, rate: 0.025, from: 1990-01-01 }
  - { id: s232, name: S232, importer: US, origins: ["*"], categories: [passenger-car], kind: additional, rate: 0.25, from: 2025-04-03 }
`;
const higher = "tariffs:\n  - { id: s232, rate: 0.3 }\nplants:\n  - { id: ohio, capacity: 120000 }\n";

const files = (entry: string) =>
  memoryReader({
    "/p/core.yaml": core,
    "/library/duties.yaml": duties,
    "/library/more/higher.yaml": higher,
    "/p/case.yaml": entry,
  });

describe("extends: several bases and libraries by name", () => {
  it("merges the bases in order, later ones winning, then the file's own patch, and lists each file once", () => {
    const c = composeScenario(
      "/p/case.yaml",
      files("extends: [./core.yaml, library:duties, library:more/higher, library:duties]\nid: case\nplants:\n  - { id: ohio, fixedCost: 2000000 }\n"),
    );
    expect(c.issues).toEqual([]);
    const tariffs = c.doc?.tariffs as { id: string; rate: number }[];
    // duties, then higher (s232 to 30%), then duties again: the last base wins, so s232 is back at 25%.
    expect(tariffs.map((t) => [t.id, t.rate])).toEqual([
      ["mfn", 0.025],
      ["s232", 0.25],
    ]);
    // Capacity from the second library, fixed cost from the file itself, name from the first base.
    expect(c.doc?.plants).toEqual([expect.objectContaining({ id: "ohio", name: "Ohio", capacity: 120000, fixedCost: 2000000 })]);
    expect(c.doc?.id).toBe("case");
    expect(c.files).toEqual(["/p/case.yaml", "/p/core.yaml", "/library/duties.yaml", "/library/more/higher.yaml"]);
  });

  it("validates the merged result, not each part: a base with no companies (a library of duties) is no error", () => {
    const loaded = loadScenario("/p/case.yaml", files("extends: [library:duties, ./core.yaml]\n"));
    expect(loaded.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(loaded.scenario?.tariffs.map((t) => t.id)).toEqual(["mfn", "s232"]);
  });

  it("replaces a base's companies by the file's own: removing every company of the base and adding others validates", () => {
    const own = [
      "extends: [./core.yaml, library:duties]",
      "companies:",
      "  - { id: maker, remove: true }",
      "  - { id: other, name: Other, reportingCurrency: JPY, fiscalYearStartMonth: 4 }",
      "plants: [{ id: ohio, owner: other }]",
      "programs: [{ id: suv, seller: other }]",
      "fx: { rates: { JPY: { FY2025: 150 } } }",
    ].join("\n");
    const loaded = loadScenario("/p/case.yaml", files(`${own}\n`));
    expect(loaded.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(loaded.scenario?.companies.map((c) => c.id)).toEqual(["other"]);
  });

  it('says a list emptied by removals needs an entity, instead of zod\'s "Too small"', () => {
    const loaded = loadScenario("/p/case.yaml", files("extends: ./core.yaml\ncompanies: [{ id: maker, remove: true }]\n"));
    const issue = loaded.issues.find((i) => i.path === "companies");
    expect(issue).toMatchObject({ severity: "error", message: "no companies: a scenario needs at least one" });
    expect(issue?.suggestion).toContain("removes its base's companies adds its own");
  });

  it("names an unknown library at its index in the list, with the closest name", () => {
    const c = composeScenario("/p/case.yaml", files("extends: [./core.yaml, library:dutys]\n"));
    expect(c.doc).toBeUndefined();
    expect(c.issues).toEqual([expect.objectContaining({ path: "extends[1]", file: "/p/case.yaml", message: "unknown library `dutys`" })]);
    expect(c.issues[0]?.suggestion).toContain("duties");
  });

  it("refuses a library name that climbs out of the libraries, an empty list, a non-string base and too many bases", () => {
    const climb = composeScenario("/p/case.yaml", files("extends: [library:../p/core]\n"));
    expect(climb.issues[0]).toMatchObject({ path: "extends[0]", message: "unknown library `../p/core`" });
    expect(composeScenario("/p/case.yaml", files("extends: []\n")).issues[0]?.message).toMatch(/a base file or a list of them/);
    expect(composeScenario("/p/case.yaml", files("extends: [./core.yaml, 3]\n")).issues[0]).toMatchObject({ path: "extends[1]" });
    const many = `extends: [${Array.from({ length: 17 }, () => "library:duties").join(", ")}]\n`;
    expect(composeScenario("/p/case.yaml", files(many)).issues[0]?.message).toBe("17 bases, more than the 16 a file may extend");
  });

  it("names the base (a library) and the entity's index there for a mistake it holds", () => {
    const reader = memoryReader({
      "/p/core.yaml": core,
      "/library/duties.yaml": duties.replace("rate: 0.25", "rate: 2.5%x"),
      "/p/case.yaml":
        "extends: [./core.yaml, library:duties]\ntariffs:\n  - { id: extra, name: X, importer: US, origins: [JP], categories: [parts], kind: mfn, rate: 0.01, from: 2025-01-01 }\n",
    });
    const loaded = loadScenario("/p/case.yaml", reader);
    const issue = loaded.issues.find((i) => i.severity === "error");
    expect(issue).toMatchObject({ file: "/library/duties.yaml", path: "tariffs[1].rate" });
  });

  it("refuses a cycle through a list of bases", () => {
    const reader = memoryReader({ "/p/a.yaml": "extends: [./core.yaml, ./b.yaml]\n", "/p/b.yaml": "extends: [./a.yaml]\n", "/p/core.yaml": core });
    const c = composeScenario("/p/a.yaml", reader);
    expect(c.doc).toBeUndefined();
    expect(c.issues[0]?.message).toBe("extends forms a cycle: /p/a.yaml -> /p/b.yaml -> /p/a.yaml");
  });
});
