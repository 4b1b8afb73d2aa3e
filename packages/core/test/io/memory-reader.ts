import { posix } from "node:path";
import type { FileReader } from "../../src/index.js";

/** An in-memory file system for composing scenarios in tests. */
export function memoryReader(files: Record<string, string>): FileReader {
  return {
    read: (path) => files[path],
    resolve: (from, rel) => posix.resolve(posix.dirname(from), rel),
  };
}
