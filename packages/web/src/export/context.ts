import { createContext } from "react";
import type { ExportSource } from "./table.js";

/** The scenario (and version) the workspace shows, for the source line of every export; the app provides it. */
export const ExportSourceContext = createContext<ExportSource>({ scenario: "" });

export { sourceLine } from "@tieup/charts/frame";
