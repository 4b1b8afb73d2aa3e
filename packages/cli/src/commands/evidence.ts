import { type Command, Option } from "commander";
import { extractCommand } from "../evidence/extract.js";
import { timelineCommand } from "../evidence/timeline.js";

const formatOption = () => new Option("--format <format>", "output format").choices(["table", "json", "csv", "md"]).default("table");
const registryOption = () => new Option("--registry <dir>", "evidence registry folder with sources.csv, claims.csv, entities.csv (default: data/evidence)");

/** Adds the `evidence` command(s) to the program. */
export function registerEvidence(program: Command): void {
  const evidence = program.command("evidence").description("sources and dated claims: figures read from news text, and how they were revised");
  evidence
    .command("extract")
    .description("read the figures of articles (.txt, .md, .html): subject, metric, value, unit, qualifier, period and date")
    .argument("<files...>", "article files")
    .option("--published <date>", "publication date (YYYY-MM-DD) for files that carry none; relative dates resolve against it")
    .addOption(formatOption())
    .addOption(registryOption())
    .option("--out <file>", "write to a file (atomically) instead of standard output; --format csv writes rows in claims.csv layout")
    .action((files, opts) => extractCommand(files, opts));
  evidence
    .command("timeline")
    .description("every claim on a subject and metric by as-of date: the latest supersedes the earlier, same-date disagreements are flagged")
    .argument("[subject]", "entity id or name, e.g. honda, Canton")
    .argument("[metric]", "metric id, e.g. tariff-impact, fx-assumption (see docs/evidence.md)")
    .option("--period <id>", "only claims about this period, e.g. FY2025")
    .addOption(formatOption())
    .addOption(registryOption())
    .option("--out <file>", "write to a file (atomically) instead of standard output")
    .action((subject, metric, opts) => timelineCommand(subject, metric, opts));
}
