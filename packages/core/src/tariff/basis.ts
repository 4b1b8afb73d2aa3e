import type { Basis } from "../schema/tariff.js";

/**
 * Share of a value that a basis charges: 1 for the full value, or the value
 * less the content of the listed countries (USMCA: duty on non-US content only).
 * Content shares that sum to less than one leave the rest as foreign content.
 */
export function basisFactor(basis: Basis, content: Readonly<Record<string, number>>): number {
  if (basis === "full-value" || basis === "msrp") return 1;
  let excluded = 0;
  for (const c of basis.excludeContentOf) excluded += content[c] ?? 0;
  return Math.max(0, 1 - excluded);
}
