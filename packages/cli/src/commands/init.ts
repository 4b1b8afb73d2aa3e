import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Issue } from "@tieup/core";
import type { Command } from "commander";
import { InputError } from "../io/errors.js";
import { writeAtomic } from "../io/output.js";

/** The templates shipped with the command, from dist/commands/ or src/commands/ alike. */
const TEMPLATES = fileURLToPath(new URL("../../templates/", import.meta.url));

/** Adds `init`: a starter project to edit. */
export function registerInit(program: Command): void {
  program
    .command("init")
    .description("write a starter project: two companies, a jointly owned plant, imports from two origins, a deal, an override and a separate uncertainty file")
    .argument("[dir]", "folder to write it to (created; must not hold the template's files)", "tieup-starter")
    .option("--template <name>", "template to start from", "starter")
    .action((dir: string, opts: { template: string }) => initCommand(dir, opts));
}

/** Copies a template to `dir`, refusing (before writing anything) when any of its files already exists there. */
export function initCommand(dir: string, opts: { template: string }): void {
  const templates = readdirSync(TEMPLATES).filter((t) => statSync(join(TEMPLATES, t)).isDirectory());
  if (!templates.includes(opts.template))
    throw new InputError([
      { severity: "error", path: "--template", message: `unknown template \`${opts.template}\``, suggestion: `templates: ${templates.join(", ")}` },
    ]);
  const root = join(TEMPLATES, opts.template);
  const files = filesUnder(root);
  const clashes: Issue[] = files
    .filter((f) => existsSync(join(dir, f)))
    .map((f) => ({
      severity: "error",
      path: join(dir, f),
      message: "already exists: init writes no file over another",
      suggestion: "give a new or empty folder, e.g. tieup init my-case",
    }));
  if (clashes.length > 0) throw new InputError(clashes);
  for (const f of files) writeAtomic(join(dir, f), readFileSync(join(root, f), "utf8"));
  process.stdout.write(
    `wrote ${files.length} files to ${dir}: ${files.join(", ")}\nnext: cd ${dir} && tieup run scenario.yaml (README.md says what to edit)\n`,
  );
}

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(root, path) : [relative(root, path)];
    });
}
