import { createContext } from "react";
import type { ExportSource } from "./table.js";

/** The scenario (and version) the workspace shows, for the source line of every export; the app provides it. */
export const ExportSourceContext = createContext<ExportSource>({ scenario: "" });

/** "Source: tieup, scenario nissan-honda-us (version 3), exported 2026-12-07", under every exported chart. */
export function sourceLine(s: ExportSource, date = new Date()): string {
  const version = s.version !== undefined ? ` (version ${s.version})` : "";
  return `Source: tieup, scenario ${s.scenario || "unnamed"}${version}, exported ${date.toISOString().slice(0, 10)}`;
}
