import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** A fresh copy of the two-plants example document for each test to mutate. */
// biome-ignore lint/suspicious/noExplicitAny: tests mutate arbitrary paths of a raw, untyped document
export function sampleDoc(): Record<string, any> {
  const path = fileURLToPath(new URL("../../../../scenarios/examples/two-plants.yaml", import.meta.url));
  return parse(readFileSync(path, "utf8"));
}
