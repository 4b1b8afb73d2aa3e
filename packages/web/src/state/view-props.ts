import type { Controls } from "../engine/controls.js";
import type { ScenarioFiles } from "../engine/files.js";
import type { Snapshot } from "../engine/model.js";
import type { AppState } from "./url.js";

export interface ViewProps {
  snap: Snapshot;
  state: AppState;
  update: (patch: Partial<AppState>) => void;
  /** Sets the controls (and marks the change for the redraw timing). */
  setControls: (c: Controls) => void;
  /** The period the views focus on: the URL's, else FY2025, else the first. */
  focus: string;
  dealId: string | undefined;
  /** The scenario files and the entry's edited text, for views that run the engine themselves (Uncertainty). */
  source?: ScenarioFiles | undefined;
  edited?: string | undefined;
}
