import type { Command } from "commander";

/** Adds the `serve` command(s) to the program. */
export function registerServe(_program: Command): void {}
