import type { YAMLError } from "yaml";
import { error, type Issue } from "../issues/issue.js";

/**
 * The syntax errors of one YAML file as the user needs them: one slip of
 * indentation makes the parser report an error on every line after it until
 * the block ends (ten for a five-line plant), each true only because of the
 * first. So a file gets its first syntax error, told in terms of the line
 * that slipped when one can be found, and a count of the rest; duplicate keys
 * never follow from another error and are all kept.
 */
export function syntaxIssues(errors: readonly YAMLError[], text: string, file: string): Issue[] {
  const sorted = [...errors].sort((a, b) => (a.pos[0] ?? 0) - (b.pos[0] ?? 0));
  const duplicates = sorted.filter((e) => e.code === "DUPLICATE_KEY");
  const [first, ...rest] = sorted.filter((e) => e.code !== "DUPLICATE_KEY");
  const issues = [...(first ? [firstIssue(first, text, rest.length)] : []), ...duplicates.map((e) => plain(e))];
  const line = (i: Issue) => Number(/^line (\d+)/.exec(i.path)?.[1] ?? 0);
  return issues.sort((a, b) => line(a) - line(b)).map((i) => ({ ...i, file }));
}

function firstIssue(e: YAMLError, text: string, hidden: number): Issue {
  const tail = hidden > 0 ? `; the ${hidden} syntax error(s) after it in this file most likely follow from it and are not shown` : "";
  const pos = e.linePos?.[0];
  const slip = pos ? indentationSlip(text.split(/\r?\n/), pos.line) : undefined;
  if (!slip) return plain(e, tail);
  return error(
    `line ${slip.line}, column ${slip.indent + 1}`,
    `indented ${slip.indent} spaces where the lines around it have ${slip.expected} (the parser reports: ${firstLine(e)}, at line ${pos?.line})`,
    `indent line ${slip.line} by ${slip.expected} spaces, like its neighbours${tail}`,
  );
}

function plain(e: YAMLError, tail = ""): Issue {
  const pos = e.linePos?.[0];
  const where = pos ? `line ${pos.line}, column ${pos.col}` : "(document)";
  const flow = /^Flow|flow collection/.test(firstLine(e));
  const hint = flow ? "close each [ and { opened above that line with its ] or }" : (SUGGESTIONS[e.code] ?? "fix the YAML syntax at that line");
  return error(where, firstLine(e), `${hint}${tail}`);
}

const firstLine = (e: YAMLError) => (e.message.split("\n")[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, "");

const INDENT_HINT = "check the indentation at that line and the one above it: the keys of one mapping start at the same column, indented with spaces";

const SUGGESTIONS: Partial<Record<string, string>> = {
  BAD_INDENT: INDENT_HINT,
  MISSING_CHAR: INDENT_HINT,
  BLOCK_AS_IMPLICIT_KEY: INDENT_HINT,
  MULTILINE_IMPLICIT_KEY: INDENT_HINT,
  TAB_AS_INDENT: "indent with spaces: YAML does not allow tabs for indentation",
  DUPLICATE_KEY: "keep one of the two: a later key would silently replace the earlier",
  BAD_DQ_ESCAPE: "in double quotes a backslash starts an escape: write \\\\ for a backslash, or use single quotes",
};

/** Where a key's content starts: after the indentation and any `- ` of a sequence item. */
function contentColumn(line: string): number {
  return /^(\s*(?:-\s+)*)/.exec(line)?.[1]?.length ?? 0;
}

const isContent = (line: string) => line.trim() !== "" && !line.trim().startsWith("#");

/**
 * A line near the parser's first error whose indentation differs from both
 * of its neighbours while they agree with each other (and the line above
 * does not open a block): the slip that started the cascade. The parser
 * often stops a line before it (an over-indented key reads as a
 * continuation of the value above) or on it.
 */
function indentationSlip(lines: string[], errorLine: number): { line: number; indent: number; expected: number } | undefined {
  const neighbour = (from: number, step: number) => {
    for (let k = from + step; k >= 0 && k < lines.length; k += step) if (isContent(lines[k] as string)) return k;
    return undefined;
  };
  for (const line of [errorLine, errorLine + 1, errorLine - 1]) {
    const k = line - 1;
    const text = lines[k];
    if (text === undefined || !isContent(text)) continue;
    const above = neighbour(k, -1);
    const below = neighbour(k, 1);
    if (above === undefined || below === undefined) continue;
    const prev = lines[above] as string;
    const indent = /^ */.exec(text)?.[0].length ?? 0;
    const expected = contentColumn(prev);
    const next = contentColumn(lines[below] as string);
    // A new sequence item, or the first line of a block opened above, may rightly sit elsewhere.
    if (/^\s*-(\s|$)/.test(text) || /:\s*(#.*)?$|[|>][-+]?\s*$/.test(prev)) continue;
    if (indent !== expected && next === expected) return { line, indent, expected };
  }
  return undefined;
}
