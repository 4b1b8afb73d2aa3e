import type { Citation, Issue } from "@tieup/core";
import { type Claim, formatClaim, supersession } from "@tieup/evidence";
import { InputError } from "../io/errors.js";
import { evidenceDirNear, type LoadedRegistry, loadRegistry } from "./registry.js";

export const CLAIM_PREFIX = "claim:";

/** The registry next to a scenario, or the reason it could not be read (as warnings: the scenario still evaluates). */
export function registryNear(files: readonly string[]): { loaded?: LoadedRegistry; issues: Issue[] } {
  const dir = evidenceDirNear(files);
  if (!dir) return { issues: [] };
  try {
    return { loaded: loadRegistry(dir), issues: [] };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { issues: e.issues.map((i) => ({ ...i, severity: "warning" as const })) };
  }
}

/**
 * Warnings for cited claims that a later claim on the same subject, metric
 * and period has superseded, or that another claim of the same date
 * contradicts. (Claims that do not exist are reported by checkCitations.)
 */
export function claimWarnings(citations: readonly Citation[], files: readonly string[]): Issue[] {
  const cited = citations.filter((c) => c.source.startsWith(CLAIM_PREFIX));
  if (cited.length === 0) return [];
  const { loaded, issues } = registryNear(files);
  if (!loaded) return issues;
  const claims = [...loaded.registry.claims.values()];
  for (const c of cited) {
    const id = c.source.slice(CLAIM_PREFIX.length);
    const entry = supersession(id, claims);
    if (!entry) continue;
    const said = describe(entry.claim);
    if (entry.status === "superseded" && entry.supersededBy) {
      const later = loaded.registry.claims.get(entry.supersededBy) as Claim;
      issues.push({
        severity: "warning",
        path: c.path,
        message: `cites claim \`${id}\` (${said}), superseded by \`${later.id}\` (${describe(later)}, ${loaded.registry.sources.get(later.source)?.publisher ?? later.source})`,
        suggestion: `update the value and cite "claim:${later.id}", or keep it and say why in a note`,
      });
    } else if (entry.status === "conflict")
      issues.push({
        severity: "warning",
        path: c.path,
        message: `cites claim \`${id}\` (${said}), which claims of the same date contradict: ${entry.conflictsWith?.join(", ")}`,
      });
  }
  return issues;
}

function describe(c: Claim): string {
  return `${formatClaim(c)} as of ${c.asOf}`;
}
