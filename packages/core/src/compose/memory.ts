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

/** A FileReader over files held in memory (the browser, stored versions), keyed by absolute POSIX path. */
export function memoryReader(files: Readonly<Record<string, string>>): FileReader {
  // Own keys only: a path such as `/__proto__` or `/constructor` is just a missing file.
  return { read: (path) => (Object.hasOwn(files, path) ? files[path] : undefined), resolve: joinPosix };
}
