import { describe, expect, it } from "vitest";
import { Dictionary, entitiesFromRows } from "../src/index.js";
import { dictionary } from "./corpus.js";

describe("the entity dictionary", () => {
  const dict = dictionary();
  const ids = (text: string) => dict.find(text).map((m) => m.entity.id);

  it("finds names and aliases, longest first", () => {
    expect(ids("Nissan Motor Co. and Honda Motor talked about the Canton plant in Mississippi.")).toEqual(["nissan", "honda", "canton"]);
    expect(ids("Japanese cars shipped to the U.S. market")).toEqual(["japan", "us"]);
  });

  it("counts a surname spelt two ways in one article as one person", () => {
    const found = dict.find("Ivan Espinosa said so. Later, Espinoza added that the plan held.");
    expect(found.map((m) => [m.entity.id, m.fuzzy])).toEqual([
      ["ivan-espinosa", false],
      ["ivan-espinosa", true],
    ]);
  });

  it("does not read short or unrelated capitalised words as misspelt names", () => {
    expect(ids("Tokyo Stock Exchange, Canon and Hondo")).toEqual(["japan"]);
  });

  it("looks names up by id, name or alias in any case", () => {
    expect(dict.lookup("Canton plant")?.id).toBe("canton");
    expect(dict.lookup("HONDA")?.id).toBe("honda");
    expect(dict.lookup("nobody")).toBeUndefined();
  });

  it("reports bad rows with their row and column", () => {
    const { entities, issues } = entitiesFromRows(
      [
        { id: "x", kind: "planet", name: "X" },
        { id: "y", kind: "company", name: "Y", fiscal_year_start: "13" },
        { id: "z", kind: "company", name: "Z", aliases: "Zed | Z Corp" },
      ],
      "entities.csv",
    );
    expect(issues.map((i) => i.path)).toEqual(["entities.csv: row 2.kind", "entities.csv: row 3.fiscal_year_start"]);
    expect(entities).toEqual([{ id: "z", kind: "company", name: "Z", aliases: ["Zed", "Z Corp"], fiscalYearStart: 1 }]);
    expect(new Dictionary(entities).find("Zed")).toHaveLength(1);
  });
});
