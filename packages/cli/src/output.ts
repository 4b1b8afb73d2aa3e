import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Issue } from "@tieup/core";
import { cyan, red, yellow } from "./style.js";

/** Writes to a temporary file and renames it, so a reader never sees a half-written file. */
export function writeAtomic(path: string, text: string): void {
  const target = resolve(path);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, target);
}

export function emit(text: string, out?: string): void {
  if (out) writeAtomic(out, text);
  else process.stdout.write(text);
}

export function formatIssue(i: Issue): string {
  const where = `${i.file ? `${i.file}: ` : ""}${i.path}${i.entity ? ` (${i.entity})` : ""}`;
  const head = i.severity === "error" ? red("error") : yellow("warning");
  return `${head}: ${where}: ${i.message}${i.suggestion ? `\n  ${cyan("suggestion")}: ${i.suggestion}` : ""}`;
}

export function printIssues(issues: readonly Issue[]): void {
  for (const i of issues) process.stderr.write(`${formatIssue(i)}\n`);
}
