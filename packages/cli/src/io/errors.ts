import type { Issue } from "@tieup/core";

/** Bad input: reported with paths and exit code 2. */
export class InputError extends Error {
  constructor(readonly issues: Issue[]) {
    super(`${issues.filter((i) => i.severity === "error").length} error(s) in the input`);
  }
}

/** Exit code of an optimisation whose answer the solver did not prove optimal (a time limit). */
export const EXIT_NOT_PROVEN = 3;

/** Exit code of a run stopped by Ctrl-C after printing its partial result (128 + SIGINT, as shells report it). */
export const EXIT_INTERRUPTED = 130;

let pendingExit: number | undefined;

/** The exit code a command asks for without failing (it printed its output); main() returns it. */
export function setExitCode(code: number): void {
  pendingExit = code;
}

/** The code asked for since the last call, and forget it (commands in one process do not inherit each other's). */
export function takeExitCode(): number {
  const code = pendingExit ?? 0;
  pendingExit = undefined;
  return code;
}
