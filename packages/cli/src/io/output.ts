import { randomBytes } from "node:crypto";
import { lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Issue } from "@tieup/core";
import { InputError } from "./errors.js";
import { cyan, red, yellow } from "./style.js";

/** Temporary files being written, removed if the process is interrupted before they are renamed. */
const pending = new Set<string>();
let trapped = false;

function trapSignals(): void {
  if (trapped) return;
  trapped = true;
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)
    process.once(signal, () => {
      for (const tmp of pending) rmSync(tmp, { force: true });
      process.exit(code);
    });
}

/**
 * What --out may replace: nothing (a new file) or a regular file. Devices,
 * FIFOs, sockets and folders are refused, and so are symbolic links: --out
 * never writes through one (docs/cli.md), so a link cannot turn a report
 * into an overwrite of the file it points at.
 */
function checkTarget(path: string): void {
  let st: ReturnType<typeof lstatSync>;
  try {
    st = lstatSync(resolve(path));
  } catch {
    return; // a new file
  }
  if (st.isSymbolicLink()) throw outError(path, "is a symbolic link", "name the file itself: --out does not write through links");
  if (st.isDirectory()) throw outError(path, "is a directory", "name a file to write");
  if (!st.isFile()) throw outError(path, "is not a regular file (a device, FIFO or socket)", "name a regular file to write");
}

/**
 * Writes to a temporary file beside the target and renames it over the
 * target, so a reader never sees a half-written file. The temporary file has
 * a name of its own (created exclusively, so a stale one from a killed run is
 * never reused) and is removed on failure and on Ctrl-C or SIGTERM.
 */
export function writeAtomic(path: string, text: string | Uint8Array): void {
  const target = resolve(path);
  checkTarget(path);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    mkdirSync(dirname(target), { recursive: true });
    trapSignals();
    pending.add(tmp);
    writeFileSync(tmp, text, { flag: "wx" });
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw outError(path, `cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, "check that its folder exists and is writable");
  } finally {
    pending.delete(tmp);
  }
}

/** Refuses, before any work, to write the output over a file the scenario was read from or over anything but a regular file. */
export function guardOut(out: string | undefined, inputs: readonly string[]): void {
  if (!out) return;
  if (inputs.includes(resolve(out))) throw outError(out, "is one of the scenario's own files", "write the output elsewhere");
  checkTarget(out);
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
