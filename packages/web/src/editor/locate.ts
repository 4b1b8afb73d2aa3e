import type { Issue } from "@tieup/core";
import { isNode, parseDocument } from "yaml";

/** Splits a path as core writes it (plants[3].capacity, programs[0].markets["us-east"]) into keys and indexes. */
export function parsePath(path: string): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  const re = /([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\./gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < path.length) {
    re.lastIndex = at;
    m = re.exec(path);
    if (!m) return undefined;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(JSON.parse(`"${m[3]}"`) as string);
    at = re.lastIndex;
  }
  return out;
}

/**
 * The 1-based line of the edited text an issue points at: the line a YAML
 * syntax error names, or the node at the issue's path (or its nearest
 * existing parent, when the path names something missing). Undefined when
 * the issue is in another file or has no place in the text.
 */
export function issueLine(text: string, issue: Issue, entry?: string): number | undefined {
  if (issue.file && entry && issue.file !== entry) return undefined;
  const syntax = /^line (\d+), column \d+$/.exec(issue.path);
  if (syntax) return Number(syntax[1]);
  const keys = parsePath(issue.path);
  if (!keys || keys.length === 0) return undefined;
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return undefined;
  for (let k = keys.length; k > 0; k--) {
    const node = doc.getIn(keys.slice(0, k), true);
    if (isNode(node) && node.range) return lineOf(text, node.range[0]);
  }
  return undefined;
}

export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
