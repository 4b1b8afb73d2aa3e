import type { Command } from "commander";

/** Adds the `optimize` command(s) to the program. */
export function registerOptimize(_program: Command): void {}
