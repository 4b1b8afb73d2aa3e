import type { Issue } from "@tieup/core";

/** Bad input: reported with paths and exit code 2. */
export class InputError extends Error {
  constructor(readonly issues: Issue[]) {
    super(`${issues.filter((i) => i.severity === "error").length} error(s) in the input`);
  }
}
