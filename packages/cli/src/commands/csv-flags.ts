import type { Command } from "commander";

/** --round and --raw, for every command that writes a table as CSV (see csvOf). */
export function withCsvFlags(cmd: Command): Command {
  return cmd
    .option("--round <digits>", "with --format csv: round every number to this many decimals (default: each column's own, e.g. 3 for ¥bn)")
    .option("--raw", "with --format csv: the stored values (yen, dollars, fractions) under bare column names, at full precision");
}
