import { error, type Issue, suggestId } from "../issues/issue.js";
import type { FileReader } from "./resolve.js";

/** How a base names a library shipped with tieup instead of a file: `library:us-tariffs-2025`. */
export const LIBRARY_PREFIX = "library:";

/** More bases than any real composition needs: a list longer than this is a mistake (or hostile). */
export const MAX_BASES = 16;

/** A library name: lower-case words joined by `-`, in folders joined by `/` (`companies/toyota`); never `..` or an absolute path. */
const LIBRARY_NAME = /^[a-z0-9]+(?:[-.][a-z0-9]+)*(?:\/[a-z0-9]+(?:[-.][a-z0-9]+)*)*$/;

/** A path written in a scenario that is absolute (POSIX, UNC or a drive letter). */
function isAbsolutePath(p: string): boolean {
  return p.startsWith("/") || p.startsWith("\\") || /^[A-Za-z]:[\\/]/.test(p);
}

const ROOT_HINT = "keep the scenario's files under its root (the project folder holding data/, or --root) and name them by relative paths";

/**
 * Why a path a scenario writes may not be followed: it is absolute, or the
 * reader refuses the file it resolves to. `field` is where it is written.
 */
export function refusal(written: string, resolved: string, reader: FileReader, field: string, file: string): Issue | undefined {
  if (isAbsolutePath(written)) return { ...error(field, `\`${written}\` is an absolute path: a scenario names its files relative to itself`, ROOT_HINT), file };
  const why = reader.refuse?.(resolved);
  return why ? { ...error(field, why.message, why.suggestion), file } : undefined;
}

/**
 * The files an `extends:` names, in merge order: one base (`extends: ./a.yaml`)
 * or several (`extends: [library:us-tariffs-2025, ./mine.yaml]`), each a path
 * relative to `path` or a library by name. Undefined (with the issues) when
 * any of them cannot be followed: a scenario is never composed from part of
 * its bases.
 */
export function baseFiles(written: unknown, path: string, reader: FileReader): { files?: string[]; issues: Issue[] } {
  const list = typeof written === "string" ? [written] : written;
  const shape = "extends names a base file or a list of them, e.g. extends: [library:us-tariffs-2025, ./my-base.yaml]";
  if (!Array.isArray(list) || list.length === 0) return { issues: [{ ...error("extends", shape), file: path }] };
  if (list.length > MAX_BASES)
    return {
      issues: [{ ...error("extends", `${list.length} bases, more than the ${MAX_BASES} a file may extend`, "merge some of them into one file"), file: path }],
    };
  const issues: Issue[] = [];
  const files: string[] = [];
  list.forEach((entry: unknown, i) => {
    const field = typeof written === "string" ? "extends" : `extends[${i}]`;
    const target =
      typeof entry === "string" && entry.trim() !== "" ? baseFile(entry.trim(), field, path, reader) : { issue: { ...error(field, shape), file: path } };
    if ("issue" in target) issues.push(target.issue);
    else files.push(target.file);
  });
  return issues.length > 0 ? { issues } : { files, issues };
}

function baseFile(entry: string, field: string, path: string, reader: FileReader): { file: string } | { issue: Issue } {
  if (!entry.startsWith(LIBRARY_PREFIX)) {
    const file = reader.resolve(path, entry);
    const refused = refusal(entry, file, reader, field, path);
    return refused ? { issue: refused } : { file };
  }
  const name = entry.slice(LIBRARY_PREFIX.length).trim();
  const known = reader.libraries?.() ?? [];
  const file = LIBRARY_NAME.test(name) && name.length <= 100 ? reader.library?.(name) : undefined;
  if (file !== undefined) return { file };
  const suggestion = known.length > 0 ? suggestId(name, known, "libraries") : "no libraries are available to this reader; name the file by its path";
  return { issue: { ...error(field, `unknown library \`${name}\``, suggestion), file: path } };
}
