import type { FileReader } from "@tieup/core";

/** A scenario and every file it may read (extends chain, CSV tables, overrides, cited data), keyed by absolute POSIX path. */
export interface ScenarioFiles {
  entry: string;
  files: Record<string, string>;
}

/** Joins a relative path onto the folder of `from`, resolving `.` and `..` (POSIX, no file system). */
export function resolvePath(from: string, relative: string): string {
  const parts = relative.startsWith("/") ? [] : from.split("/").slice(0, -1);
  for (const seg of relative.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg !== "..") parts.push(seg);
    else if (parts.length > 1) parts.pop();
  }
  return `/${parts.filter(Boolean).join("/")}`;
}

/** core's FileReader over an in-memory map: the browser has no file system. */
export function memoryReader(files: Record<string, string>): FileReader {
  return { read: (path) => files[path], resolve: resolvePath };
}
