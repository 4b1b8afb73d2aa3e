import { RESERVED_NAMES } from "@tieup/core";
import { type Controls, noControls } from "../engine/controls.js";

export const VIEWS = ["overview", "plants", "deal", "map", "compare", "uncertainty", "optimise", "scenario", "workspace"] as const;
export type View = (typeof VIEWS)[number];

/** Everything a shared link restores: the view, overrides, the focus period and deal, and every control moved. */
export interface AppState {
  view: View;
  with: string[];
  /** Overrides of the other side in Compare. */
  vs: string[];
  period?: string;
  deal?: string;
  /** The output the Uncertainty view's histogram and tornado show (a sweep metric name). */
  out?: string;
  /** The Optimise view's objective: alliance, alliance-fair or company:<id>. */
  objective?: string;
  controls: Controls;
  /** The stored scenario open from the workspace (tieup serve), and its version; absent: the served scenario's latest. */
  scenario?: string;
  version?: number;
}

// One short prefix per control group keeps links readable: t.jp-auto-15=0.2
const PREFIX: Record<keyof Controls, string> = { tariffs: "t", fx: "fx", demand: "d", dealVolume: "v", transferPrice: "tp" };

export function parseHash(hash: string): AppState {
  const [path = "", query = ""] = hash.replace(/^#\/?/, "").split("?");
  const view = (VIEWS as readonly string[]).includes(path) ? (path as View) : "overview";
  const q = new URLSearchParams(query);
  const list = (k: string) => (q.get(k) ?? "").split(",").filter(Boolean);
  const controls = noControls();
  for (const [key, value] of q) {
    const dot = key.indexOf(".");
    if (dot < 0) continue;
    const group = (Object.keys(PREFIX) as (keyof Controls)[]).find((g) => PREFIX[g] === key.slice(0, dot));
    const x = Number(value);
    const name = key.slice(dot + 1);
    // A link is input like any other: __proto__ or constructor would reach the record's prototype.
    if (group && value !== "" && Number.isFinite(x) && !RESERVED_NAMES.has(name)) controls[group][name] = x;
  }
  const period = q.get("period") || undefined;
  const deal = q.get("deal") || undefined;
  const out = q.get("out") || undefined;
  const objective = q.get("objective") || undefined;
  const scenario = q.get("scenario") || undefined;
  const version = Number(q.get("version"));
  return {
    view,
    with: list("with"),
    vs: list("vs"),
    ...(period ? { period } : {}),
    ...(deal ? { deal } : {}),
    ...(out ? { out } : {}),
    ...(objective ? { objective } : {}),
    controls,
    ...(scenario ? { scenario } : {}),
    ...(scenario && Number.isSafeInteger(version) && version >= 1 ? { version } : {}),
  };
}

export function formatHash(s: AppState): string {
  const q = new URLSearchParams();
  if (s.scenario) q.set("scenario", s.scenario);
  if (s.scenario && s.version) q.set("version", String(s.version));
  if (s.with.length) q.set("with", s.with.join(","));
  if (s.vs.length) q.set("vs", s.vs.join(","));
  if (s.period) q.set("period", s.period);
  if (s.deal) q.set("deal", s.deal);
  if (s.out) q.set("out", s.out);
  if (s.objective) q.set("objective", s.objective);
  for (const group of Object.keys(PREFIX) as (keyof Controls)[])
    for (const [id, x] of Object.entries(s.controls[group])) q.set(`${PREFIX[group]}.${id}`, String(x));
  const query = q.toString();
  return `#/${s.view}${query ? `?${query}` : ""}`;
}
