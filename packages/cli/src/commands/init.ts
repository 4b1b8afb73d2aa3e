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
    .argument("[template]", `template to start from (${templateNames().join(", ")}; default starter); a name that is no template is taken for the folder`)
    .argument("[dir]", "folder to write it to (created; must not hold the template's files); default tieup-<template>")
    .option("--template <name>", "template to start from, as the first argument")
    .action((first: string | undefined, second: string | undefined, opts: { template?: string }) => initCommand(initTarget(first, second, opts.template)));
}

function templateNames(): string[] {
  return readdirSync(TEMPLATES)
    .filter((t) => statSync(join(TEMPLATES, t)).isDirectory())
    .sort();
}

/**
 * Which template and folder `init` was asked for: `init TEMPLATE DIR`; with one
 * argument, a template's name is the template (written to tieup-<name>) and
 * anything else the folder, so `tieup init my-case` writes the starter there.
 */
export function initTarget(first: string | undefined, second: string | undefined, option: string | undefined): { template: string; dir: string } {
  const clash = (template: string) => {
    if (option !== undefined && option !== template)
      throw new InputError([
        {
          severity: "error",
          path: "--template",
          message: `two templates given: \`${template}\` and --template ${option}`,
          suggestion: "give the template once",
        },
      ]);
  };
  if (second !== undefined && first !== undefined) {
    clash(first);
    return { template: first, dir: second };
  }
  if (first !== undefined && templateNames().includes(first)) {
    clash(first);
    return { template: first, dir: `tieup-${first}` };
  }
  const template = option ?? "starter";
  return { template, dir: first ?? `tieup-${template}` };
}

/** Copies a template to `dir`, refusing (before writing anything) when any of its files already exists there. */
export function initCommand({ template, dir }: { template: string; dir: string }): void {
  const templates = templateNames();
  if (!templates.includes(template))
    throw new InputError([
      { severity: "error", path: "template", message: `unknown template \`${template}\``, suggestion: `templates: ${templates.join(", ")}` },
    ]);
  const root = join(TEMPLATES, template);
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
