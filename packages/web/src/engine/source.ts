import type { Issue } from "@tieup/core";
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

/** A workspace bound beyond loopback that wants a token (401) or a token with more rights (403). */
export interface Locked {
  origin: "locked";
  issues: Issue[];
}

export async function loadSource(fetcher: typeof fetch = fetch): Promise<Loaded | Locked> {
  try {
    const res = await fetcher("./api/scenario", { headers: { accept: "application/json" } });
    if (res.status === 401 || res.status === 403) {
      const body = (await res.json().catch(() => ({}))) as { errors?: Issue[] };
      return { origin: "locked", issues: body.errors ?? [{ severity: "error", path: "Authorization", message: `the workspace answered ${res.status}` }] };
    }
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
