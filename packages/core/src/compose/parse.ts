import { parseDocument } from "yaml";
import { error, type Issue } from "../issues/issue.js";
import { syntaxIssues } from "./syntax.js";

/** Parses YAML or JSON (YAML is a superset) into plain data, reporting syntax errors with line and column. */
export function parseScenarioText(text: string, file: string): { doc?: unknown; issues: Issue[] } {
  const d = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (d.errors.length > 0) return { issues: syntaxIssues(d.errors, text, file) };
  let doc: unknown;
  try {
    doc = d.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    // Unresolved or runaway aliases surface only when the document is built.
    return {
      issues: [
        {
          ...error("(document)", (e as Error).message.split("\n")[0] ?? "cannot read the document", "check the YAML anchors (&name) and aliases (*name)"),
          file,
        },
      ],
    };
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    return { issues: [{ ...error("(document)", "a scenario file must hold a mapping of keys (horizon, companies, plants, …)"), file }] };
  }
  return { doc, issues: [] };
}
