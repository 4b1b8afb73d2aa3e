import type { ScenarioFiles } from "./files.js";

// The default scenario, its overrides, the libraries it extends and the data it reads are bundled into
// the app at build time, so it opens offline with no server behind it.
const raw = {
  ...import.meta.glob("../../../../scenarios/**/*.yaml", { query: "?raw", import: "default", eager: true }),
  ...import.meta.glob("../../../../data/**/*.{csv,yaml}", { query: "?raw", import: "default", eager: true }),
  ...import.meta.glob("../../../../library/**/*.yaml", { query: "?raw", import: "default", eager: true }),
} as Record<string, string>;

/** Maps the glob's relative keys ("../../../../scenarios/x.yaml") to repository-rooted paths ("/scenarios/x.yaml"). */
export function bundledFiles(): ScenarioFiles {
  const files: Record<string, string> = {};
  for (const [key, text] of Object.entries(raw)) files[key.replace(/^(\.\.\/)+/, "/")] = text;
  return { entry: "/scenarios/nissan-honda-us.yaml", files };
}
