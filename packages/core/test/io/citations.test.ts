import { describe, expect, it } from "vitest";
import { checkCitations, collectCitations, validateScenario } from "../../src/index.js";
import { plant, scenario } from "../fixtures.js";
import { memoryReader } from "./memory-reader.js";

const registry = (ids: string[], statement = "x") =>
  `assumptions:\n${ids.map((id) => `  - { id: ${id}, statement: ${id === "h1" ? statement : "x"} }`).join("\n")}\n`;
const citing = (source: unknown) => ({ plants: [{ id: "ohio", capacity: { value: 1000, source } }] });
const check = (source: unknown, files: Record<string, string> = {}) =>
  checkCitations(collectCitations(citing(source)), "/p/cases/mine/s.yaml", memoryReader(files)).map((i) => `${i.file ?? ""}|${i.path}|${i.message}`);

describe("assumption registries merge, nearest first", () => {
  const files = { "/p/data/assumptions.yaml": registry(["a1", "h1"]), "/p/cases/mine/data/assumptions.yaml": registry(["u1", "h1"], "the user's own") };

  it("finds the project's a1 and the user's u1, with the space after the colon trimmed", () => {
    expect(check("assumption: a1", files)).toEqual([]);
    expect(check("assumption:u1 ", files)).toEqual([]);
  });

  it("lets the user's h1 win and says, at its row, which one it shadows", () => {
    expect(check("assumption:h1", files)).toEqual([
      "/p/cases/mine/data/assumptions.yaml|assumptions[1]|`h1` here shadows the `h1` of ../../../data/assumptions.yaml: citations of h1 read this one",
    ]);
  });

  it("says nothing of a row copied as it is: a project copied whole hides no other figure", () => {
    const copied = { "/p/data/assumptions.yaml": registry(["a1", "h1"]), "/p/cases/mine/data/assumptions.yaml": registry(["u1", "h1"]) };
    expect(check("assumption:h1", copied)).toEqual([]);
    const csv = "id,value,source_url\nr1,5,https://example.com/a\n";
    const rows = { "/p/data/facts/plants.csv": csv, "/p/cases/mine/data/facts/plants.csv": csv };
    expect(check("data/facts/plants.csv#r1", rows)).toEqual([]);
    const changed = { ...rows, "/p/cases/mine/data/facts/plants.csv": csv.replace(",5,", ",6,") };
    expect(check("data/facts/plants.csv#r1", changed)).toEqual([
      "/p/cases/mine/data/facts/plants.csv|row 2|`r1` here shadows the `r1` of ../../../../data/facts/plants.csv: citations of r1 read this one",
    ]);
  });

  it("still names an id in neither, with the closest of both", () => {
    expect(check("assumption:u2", files)).toEqual(["|plants[0].capacity|cited row `u2` is not in data/assumptions.yaml"]);
  });
});

describe("a page cited by address and date", () => {
  it("is collected with its address and date", () => {
    expect(collectCitations(citing({ url: "https://www.nissan-global.com/EN/IR/", date: "2025-05-13" }))).toEqual([
      {
        path: "plants[0].capacity",
        source: "https://www.nissan-global.com/EN/IR/ (2025-05-13)",
        value: 1000,
        url: "https://www.nissan-global.com/EN/IR/",
        date: "2025-05-13",
      },
    ]);
    expect(check({ url: "https://www.nissan-global.com/EN/IR/", date: "2025-05-13" })).toEqual([]);
  });

  it("in the string form, asks for the date it lacks and checks the one it has", () => {
    expect(check("https://www.nissan-global.com/EN/IR/ (2025-05-13)")).toEqual([]);
    expect(check("https://www.nissan-global.com/EN/IR/")).toEqual(["|plants[0].capacity|citation https://www.nissan-global.com/EN/IR/ gives no date"]);
    expect(check("https://www.nissan-global.com/EN/IR/ (May 2025)")).toEqual([
      '|plants[0].capacity|citation https://www.nissan-global.com/EN/IR/ gives "May 2025" for its date',
    ]);
    expect(check("https://nowhere")).toEqual(['|plants[0].capacity|citation "https://nowhere" is not a web address']);
  });

  it("is refused by the schema when its address or date is malformed, at the path", () => {
    const bad = (source: unknown) =>
      validateScenario(scenario({ plants: [plant("ohio", "maker", "US", { capacity: { value: 1000, source } as never })] }))
        .issues.filter((i) => i.severity === "error")
        .map((i) => `${i.path}: ${i.message}`);
    expect(bad({ url: "ftp://example.com/x", date: "2025-05-13" })).toEqual(["plants[0].capacity.source.url: not a web address"]);
    expect(bad({ url: "https://example.com/x", date: "2025-02-30" })).toEqual(['plants[0].capacity.source.date: "2025-02-30" is not a date']);
    expect(bad({ url: "https://example.com/x" })).toEqual(["plants[0].capacity.source.date: missing required attribute"]);
    expect(bad({ url: "https://example.com/x", date: "2025-05-13", publisher: "x" })).toEqual([
      'plants[0].capacity.source.publisher: unknown attribute "publisher"',
    ]);
  });
});
