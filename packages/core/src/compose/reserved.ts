import { error, type Issue } from "../issues/issue.js";

/**
 * Names every JavaScript object already has. As a key or an id they would
 * reach an object's prototype instead of a property of its own (`__proto__`
 * replaces it, `constructor` finds a function), so a scenario may not use
 * them: the error names the path, instead of a value silently dropped or
 * a lookup that finds something nobody wrote.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** What to do about a reserved name, wherever it is found (a key, an id, a CSV cell). */
export const RESERVED_SUGGESTION = "rename it: __proto__, constructor and prototype name properties every JavaScript object has";

/** Every object key and every `id` value in the document that is a reserved name, with its path. */
export function reservedNameIssues(doc: unknown): Issue[] {
  const issues: Issue[] = [];
  const walk = (node: unknown, path: string, depth: number) => {
    if (depth > 64 || node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      node.forEach((x, i) => {
        walk(x, `${path}[${i}]`, depth + 1);
      });
      return;
    }
    for (const key of Object.keys(node)) {
      const at = path ? `${path}.${key}` : key;
      const value = (node as Record<string, unknown>)[key];
      if (RESERVED_NAMES.has(key)) issues.push(error(at, `\`${key}\` is a reserved name`, RESERVED_SUGGESTION));
      else if (key === "id" && typeof value === "string" && RESERVED_NAMES.has(value))
        issues.push(error(at, `\`${value}\` is a reserved name and cannot be an id`, RESERVED_SUGGESTION));
      walk(value, at, depth + 1);
    }
  };
  walk(doc, "", 0);
  return issues;
}
