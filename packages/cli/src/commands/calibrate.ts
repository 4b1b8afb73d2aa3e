import type { Command } from "commander";

/** Adds the `calibrate` command(s) to the program. */
export function registerCalibrate(_program: Command): void {}
