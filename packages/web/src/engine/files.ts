/** A scenario and every file it may read (extends chain, CSV tables, overrides, cited data), keyed by absolute POSIX path. */
export interface ScenarioFiles {
  entry: string;
  files: Record<string, string>;
}

export { joinPosix as resolvePath, memoryReader } from "@tieup/core";
