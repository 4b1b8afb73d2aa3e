import { type Controls, noControls } from "../engine/controls.js";
import type { ScenarioMeta } from "../engine/meta.js";
import type { AppState } from "./url.js";

/** One value of a link the scenario cannot take: which parameter, what it said, why, and what to do. */
export interface LinkIssue {
  param: string;
  value: string;
  message: string;
}

/** What a link may name: the scenario's ids once the engine has read it, and its overrides (known even when the read failed). */
export interface LinkContext {
  meta?: Pick<ScenarioMeta, "periods" | "measures" | "currencies" | "programs" | "deals">;
  overrides?: readonly string[];
}

/** The link's state with every value it cannot take left out (what the engine runs), and the issues that say what was left out. */
export interface CheckedLink {
  issues: LinkIssue[];
  with: string[];
  vs: string[];
  controls: Controls;
  period?: string;
  deal?: string;
}

// A control is a patch on a scenario value: it takes that value's range (a tariff rate is a fraction, as in the scenario).
const GROUPS: { group: keyof Controls; prefix: string; what: string; range: (x: number) => string | undefined }[] = [
  { group: "tariffs", prefix: "t", what: "tariff measure", range: (x) => (x >= 0 && x <= 1 ? undefined : rateHint(x)) },
  { group: "fx", prefix: "fx", what: "currency", range: (x) => (x > 0 ? undefined : "an exchange-rate multiplier must be above 0 (1 = as written)") },
  { group: "demand", prefix: "d", what: "program", range: (x) => (x >= 0 ? undefined : "a demand multiplier cannot be negative (1 = as written, 0 = none)") },
  { group: "dealVolume", prefix: "v", what: "contract-manufacturing deal", range: (x) => (x >= 0 ? undefined : "a volume multiplier cannot be negative") },
  { group: "transferPrice", prefix: "tp", what: "contract-manufacturing deal", range: (x) => (x >= 0 ? undefined : "a transfer price cannot be negative") },
];

function rateHint(x: number): string {
  const hint = x > 1 && x <= 100 ? `; did you mean ${x}%? Write ${x / 100}` : "";
  return `a tariff rate is a fraction from 0 to 1 (0.15 = 15%)${hint}`;
}

function idsOf(group: keyof Controls, ctx: NonNullable<LinkContext["meta"]>): readonly string[] {
  if (group === "tariffs") return ctx.measures.filter((m) => m.kind !== "offset").map((m) => m.id);
  if (group === "fx") return ctx.currencies.map((c) => c.id);
  if (group === "demand") return ctx.programs.map((p) => p.id);
  return ctx.deals.filter((d) => d.type === "contract-manufacturing").map((d) => d.id);
}

const list = (ids: readonly string[]) => (ids.length ? `it has ${ids.slice(0, 8).join(", ")}${ids.length > 8 ? ", …" : ""}` : "it has none");

/**
 * Checks a link as the scenario would check the same values: ranges always,
 * ids once the scenario's are known (`ctx`). `hash` is the raw address, for
 * the values `parseHash` could not read as numbers.
 */
export function checkLink(state: AppState, hash: string, ctx: LinkContext): CheckedLink {
  const issues: LinkIssue[] = [];
  const controls = noControls();
  const { meta, overrides: named } = ctx;
  for (const { group, prefix, what, range } of GROUPS) {
    const ids = meta ? idsOf(group, meta) : undefined;
    for (const [id, x] of Object.entries(state.controls[group])) {
      const param = `${prefix}.${id}`;
      const problem = range(x) ?? (ids && !ids.includes(id) ? `the scenario has no ${what} ${id} (${list(ids)})` : undefined);
      if (problem) issues.push({ param, value: String(x), message: problem });
      else controls[group][id] = x;
    }
  }
  issues.push(...unreadable(hash));
  const overrides = (param: string, names: string[]) =>
    names.filter((o) => {
      const known = !named || named.includes(o);
      if (!known && named) issues.push({ param, value: o, message: `the scenario has no override ${o} (${list(named)})` });
      return known;
    });
  const out: CheckedLink = { issues, with: overrides("with", state.with), vs: overrides("vs", state.vs), controls };
  if (state.period && meta && !meta.periods.includes(state.period)) {
    const [first, last] = [meta.periods[0], meta.periods.at(-1)];
    issues.push({ param: "period", value: state.period, message: `${state.period} is outside the horizon ${first}–${last}` });
  } else if (state.period) out.period = state.period;
  if (state.deal && meta && !meta.deals.some((d) => d.id === state.deal))
    issues.push({ param: "deal", value: state.deal, message: `the scenario has no deal ${state.deal} (${list(meta.deals.map((d) => d.id))})` });
  else if (state.deal) out.deal = state.deal;
  return out;
}

/** Control parameters whose value is not a number at all ("t.jp-auto-15=high"): parseHash leaves them out. */
function unreadable(hash: string): LinkIssue[] {
  const query = hash.split("?")[1] ?? "";
  const prefixes = new Set(GROUPS.map((g) => g.prefix));
  return [...new URLSearchParams(query)]
    .filter(([key, value]) => prefixes.has(key.slice(0, key.indexOf("."))) && key.includes(".") && !(value !== "" && Number.isFinite(Number(value))))
    .map(([param, value]) => ({ param, value, message: "not a number" }));
}

/** The patch that takes the issues out of the link (the "drop them" button): the checked values, and unreadable ones gone. */
export function withoutIssues(checked: CheckedLink): Partial<AppState> {
  return { with: checked.with, vs: checked.vs, controls: checked.controls, period: checked.period, deal: checked.deal } as Partial<AppState>;
}
