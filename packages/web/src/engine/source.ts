import type { ScenarioFiles } from "./files.js";

/**
 * The scenario to open: the one `tieup serve` supplies at ./api/scenario, or
 * else the default scenario bundled into the app (offline, or a plain static host).
 */
export interface Loaded {
  source: ScenarioFiles;
  origin: "server" | "bundled";
  /** The served scenario's id in the workspace store, when a workspace serves the app. */
  stored?: string;
}

export async function loadSource(fetcher: typeof fetch = fetch): Promise<Loaded> {
  try {
    const res = await fetcher("./api/scenario", { headers: { accept: "application/json" } });
    if (res.ok && (res.headers.get("content-type") ?? "").includes("json")) {
      const body = (await res.json()) as ScenarioFiles & { stored?: { id?: unknown } };
      if (typeof body.entry === "string" && body.files && typeof body.files[body.entry] === "string") {
        const stored = typeof body.stored?.id === "string" ? body.stored.id : undefined;
        return { source: { entry: body.entry, files: body.files }, origin: "server", ...(stored ? { stored } : {}) };
      }
    }
  } catch {
    // No server behind the page: fall through to the bundled scenario.
  }
  // Loaded only when needed: a served scenario spares the page the bundled data.
  const { bundledFiles } = await import("./bundled.js");
  return { source: bundledFiles(), origin: "bundled" };
}
