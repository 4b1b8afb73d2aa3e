import { createTwoFilesPatch } from "diff";
import type { FileDiff } from "../store/shapes.js";
import type { Version } from "../store/store.js";

/** The files that differ between two versions, in path order, each with a unified diff. */
export function fileDiffs(a: Version, b: Version): FileDiff[] {
  const paths = [...new Set([...Object.keys(a.files), ...Object.keys(b.files)])].sort();
  const out: { path: string; status: "added" | "removed" | "changed"; patch: string }[] = [];
  for (const path of paths) {
    const before = Object.hasOwn(a.files, path) ? a.files[path] : undefined;
    const after = Object.hasOwn(b.files, path) ? b.files[path] : undefined;
    if (before === after) continue;
    const status = before === undefined ? "added" : after === undefined ? "removed" : "changed";
    out.push({ path, status, patch: createTwoFilesPatch(`v${a.number}${path}`, `v${b.number}${path}`, before ?? "", after ?? "", "", "", { context: 3 }) });
  }
  return out;
}
