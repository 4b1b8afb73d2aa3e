import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath, URL as NodeURL } from "node:url";
import type { ScenarioFiles } from "../src/engine/files.js";

/** The repository root, as the app's bundle sees it ("/scenarios/…", "/data/…", "/library/…"). Node's URL: happy-dom replaces the global one. */
export const repoRoot = fileURLToPath(new NodeURL("../../../", import.meta.url));

/** What bundled.ts gives the browser, read from disk instead of through Vite's import.meta.glob. */
export function diskFiles(entry = "/scenarios/nissan-honda-us.yaml"): ScenarioFiles {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      // Dot-files are other tests' scratch (fuzz mutants, hardening variants), written and removed meanwhile.
      if (name.startsWith(".")) continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ya?ml|csv)$/.test(name)) files[`/${relative(repoRoot, p).split(sep).join("/")}`] = readFileSync(p, "utf8");
    }
  };
  walk(join(repoRoot, "scenarios"));
  walk(join(repoRoot, "data"));
  walk(join(repoRoot, "library"));
  return { entry, files };
}
