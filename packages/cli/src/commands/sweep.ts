import type { Command } from "commander";

/** Adds the `sweep` command(s) to the program. */
export function registerSweep(_program: Command): void {}
