import type { Command } from "commander";

/** Adds the `evidence` command(s) to the program. */
export function registerEvidence(_program: Command): void {}
