import type { TariffMeasure } from "../schema/tariff.js";

/**
 * Share of a value that a measure charges: its coverage (the share of the
 * category's value it applies to, 1 unless stated) times its basis — the
 * full value, or the value less the content of the listed countries (USMCA:
 * duty on non-US content only). Content shares that sum to less than one
 * leave the rest as foreign content.
 */
export function basisFactor(measure: Pick<TariffMeasure, "basis" | "coverage">, content: Readonly<Record<string, number>>): number {
  const { basis, coverage } = measure;
  if (basis === "full-value" || basis === "msrp") return coverage;
  let excluded = 0;
  for (const c of basis.excludeContentOf) excluded += content[c] ?? 0;
  return coverage * Math.max(0, 1 - excluded);
}
