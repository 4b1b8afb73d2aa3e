import type { ScenarioFiles } from "./files.js";

/**
 * The scenario to open: the one `tieup serve` supplies at ./api/scenario, or
 * else the default scenario bundled into the app (offline, or a plain static host).
 */
export async function loadSource(fetcher: typeof fetch = fetch): Promise<{ source: ScenarioFiles; origin: "server" | "bundled" }> {
  try {
    const res = await fetcher("./api/scenario", { headers: { accept: "application/json" } });
    if (res.ok && (res.headers.get("content-type") ?? "").includes("json")) {
      const body = (await res.json()) as ScenarioFiles;
      if (typeof body.entry === "string" && body.files && typeof body.files[body.entry] === "string") return { source: body, origin: "server" };
    }
  } catch {
    // No server behind the page: fall through to the bundled scenario.
  }
  // Loaded only when needed: a served scenario spares the page the bundled data.
  const { bundledFiles } = await import("./bundled.js");
  return { source: bundledFiles(), origin: "bundled" };
}
