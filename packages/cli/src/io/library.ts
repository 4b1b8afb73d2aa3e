import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository folder the CLI ships with (from dist/io/ or src/io/ alike): it holds library/, data/ and scenarios/. */
export const SHIPPED = realpathSync(resolve(fileURLToPath(new URL(".", import.meta.url)), "../../../.."));

/** The built-in scenarios: the default case, its uncertain twin, jp-kr-us. */
export const SCENARIOS_DIR = join(SHIPPED, "scenarios");

/** The libraries `extends: library:<name>` names: library/<name>.yaml. */
export const LIBRARY_DIR = join(SHIPPED, "library");

/**
 * The folders any scenario may read besides its own root: the libraries and
 * the sourced dataset their citations point into (public, read-only data).
 */
export const SHIPPED_FOLDERS = [LIBRARY_DIR, join(SHIPPED, "data")];

/** The file of library `name` (already checked by core to be a plain relative name), when there is one. */
export function libraryFile(name: string): string | undefined {
  const file = join(LIBRARY_DIR, ...name.split("/")) + ".yaml";
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** Every library's name, for suggestions and docs. */
export function libraryNames(dir = LIBRARY_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return libraryNames(path);
      return entry.endsWith(".yaml") ? [relative(LIBRARY_DIR, path).slice(0, -".yaml".length).split(sep).join("/")] : [];
    });
}
