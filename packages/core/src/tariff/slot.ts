import type { TariffMeasure } from "../schema/tariff.js";

/** Countries of the USMCA: vehicles and parts from them may qualify for preferential treatment. */
export const USMCA_COUNTRIES: ReadonlySet<string> = new Set(["US", "CA", "MX"]);

/** What a duty is levied on: an importer, an origin, a category and USMCA status. */
export interface Slot {
  importer: string;
  /** Country code, or "other" for unnamed foreign content. */
  origin: string;
  category: "passenger-car" | "light-truck" | "parts";
  usmcaQualifying: boolean;
}

export function slotKey(s: Slot): string {
  return `${s.importer}|${s.origin}|${s.category}|${s.usmcaQualifying ? "q" : "n"}`;
}

/** Whether a measure covers a slot, regardless of dates. */
export function covers(m: TariffMeasure, s: Slot): boolean {
  if (m.importer !== s.importer) return false;
  if (!m.categories.includes(s.category)) return false;
  const named = m.origins.includes(s.origin);
  if (!named && !m.origins.includes("*")) return false;
  if (m.exceptOrigins.includes(s.origin)) return false;
  if (m.usmca === "qualifying" && !s.usmcaQualifying) return false;
  if (m.usmca === "non-qualifying" && s.usmcaQualifying) return false;
  return true;
}
