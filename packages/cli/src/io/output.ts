import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Issue } from "@tieup/core";
import { InputError } from "./errors.js";
import { cyan, red, yellow } from "./style.js";

/** Writes to a temporary file and renames it, so a reader never sees a half-written file; nothing is left behind on failure. */
export function writeAtomic(path: string, text: string): void {
  const target = resolve(path);
  if (existsSync(target) && statSync(target).isDirectory()) throw outError(path, "is a directory", "name a file to write");
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw outError(path, `cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, "check that its folder exists and is writable");
  }
}

/** Refuses to write the output over a file the scenario was read from. */
export function guardOut(out: string | undefined, inputs: readonly string[]): void {
  if (out && inputs.includes(resolve(out))) throw outError(out, "is one of the scenario's own files", "write the output elsewhere");
}

function outError(path: string, what: string, suggestion: string): InputError {
  return new InputError([{ severity: "error", path: "--out", message: `${path} ${what}`, suggestion }]);
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
