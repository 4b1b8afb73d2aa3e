import { describe, expect, it } from "vitest";
import { validate } from "../src/api/runs.js";
import { checksum, type Version } from "../src/index.js";

const version = (text: string): Version => {
  const files = { "/s.yaml": text };
  return { scenarioId: "s", number: 1, entry: "/s.yaml", message: "", createdAt: "", checksum: checksum("/s.yaml", files), files };
};

describe("validation of stored versions", () => {
  it("composes a version once per list of overrides, and keeps the 16 last used", () => {
    const v = version("id: [broken\n");
    const first = validate(v, []);
    expect(first.scenario).toBeUndefined();
    expect(first.issues.some((i) => i.severity === "error")).toBe(true);
    expect(validate(v, [])).toBe(first);
    expect(validate(v, ["other"])).not.toBe(first);
    for (let k = 0; k < 16; k++) validate(version(`id: [broken ${k}\n`), []);
    expect(validate(v, [])).not.toBe(first);
  });
});
