import { describe, expect, it } from "vitest";
import { parseScenarioText } from "../../src/index.js";

const plants = (second: string) =>
  `id: s
plants:
  - id: ohio
    name: Ohio
    owner: maker
    country: US
${second}
programs:
  - id: suv
    platform: p
`;

const kyushu = (lines: string[]) => lines.join("\n");

describe("a YAML syntax error is reported once, not with its cascade", () => {
  it("names an under-indented key (line 9, 3 spaces where its neighbours have 4) and hides the 6 errors after it", () => {
    const text = plants(kyushu(["  - id: kyushu", "    name: Kyushu", "    owner: maker", "   country: JP", "    capacity: 100000", "    platforms: [p]"]));
    const { issues, doc } = parseScenarioText(text, "s.yaml");
    expect(doc).toBeUndefined();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: "line 10, column 4", file: "s.yaml" });
    expect(issues[0]?.message).toMatch(/^indented 3 spaces where the lines around it have 4/);
    expect(issues[0]?.suggestion).toMatch(/^indent line 10 by 4 spaces, like its neighbours; the \d+ syntax error\(s\) after it/);
  });

  it("names an over-indented key though the parser stops on the line above it", () => {
    const text = plants(kyushu(["  - id: kyushu", "    name: Kyushu", "      owner: maker", "    country: JP"]));
    const { issues } = parseScenarioText(text, "s.yaml");
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("line 9, column 7");
    expect(issues[0]?.message).toMatch(/indented 6 spaces where the lines around it have 4 \(the parser reports: .*, at line 8\)/);
  });

  it("names a key under a sequence item indented to the dash", () => {
    const text = plants(kyushu(["  - id: kyushu", "  name: Kyushu", "    owner: maker", "    country: JP", "    capacity: 100000"]));
    const { issues } = parseScenarioText(text, "s.yaml");
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("line 8, column 3");
  });

  it("keeps a syntax error it cannot trace to indentation, with its line, and every duplicate key", () => {
    const { issues } = parseScenarioText("id: a\nname: x\nid: b\nplants: [ { id: a\n", "s.yaml");
    expect(issues.map((i) => i.path)).toEqual(["line 3, column 1", "line 5, column 1"]);
    expect(issues[0]?.suggestion).toBe("keep one of the two: a later key would silently replace the earlier");
    expect(issues[1]?.suggestion).toMatch(/^close each \[ and \{ opened above that line with its \] or \}; the 1 syntax error\(s\) after it/);
  });
});
