import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { METRICS } from "../src/index.js";

it("docs/evidence.md lists every metric of the lexicon with its label", () => {
  const doc = readFileSync(fileURLToPath(new URL("../../../docs/evidence.md", import.meta.url)), "utf8");
  for (const m of METRICS) expect(doc).toContain(`| \`${m.id}\` | ${m.label} |`);
});
