import type { FileReader } from "./resolve.js";

/** Joins a relative path onto the folder of `from`, resolving `.` and `..` (POSIX, no file system; never above the root). */
export function joinPosix(from: string, relative: string): string {
  const parts = relative.startsWith("/") ? [] : from.split("/").slice(0, -1);
  for (const seg of relative.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg !== "..") parts.push(seg);
    else if (parts.length > 1) parts.pop();
  }
  return `/${parts.filter(Boolean).join("/")}`;
}

/** Where a memory reader keeps the libraries: `library:companies/toyota` is /library/companies/toyota.yaml, as in the repository. */
const LIBRARY_DIR = "/library/";

/**
 * A FileReader over files held in memory (the browser, stored versions),
 * keyed by absolute POSIX path; the libraries are the files under /library/.
 */
export function memoryReader(files: Readonly<Record<string, string>>): FileReader {
  // Own keys only: a path such as `/__proto__` or `/constructor` is just a missing file.
  const has = (path: string) => Object.hasOwn(files, path);
  return {
    read: (path) => (has(path) ? files[path] : undefined),
    resolve: joinPosix,
    library: (name) => (has(`${LIBRARY_DIR}${name}.yaml`) ? `${LIBRARY_DIR}${name}.yaml` : undefined),
    libraries: () =>
      Object.keys(files)
        .filter((p) => p.startsWith(LIBRARY_DIR) && p.endsWith(".yaml"))
        .map((p) => p.slice(LIBRARY_DIR.length, -".yaml".length)),
  };
}
