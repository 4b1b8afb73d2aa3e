import { programsBuiltRaw } from "../deals/registry.js";
import { hasErrors, type Issue } from "../issues/issue.js";
import { ENTITY_LISTS, Scenario } from "../scenario/schema.js";
import { checkCompanyResults } from "./company.js";
import { type CheckContext, checkContext } from "./context.js";
import { checkCurrencies } from "./currency.js";
import { checkDeals } from "./deals.js";
import { checkHeadline } from "./headline.js";
import { checkHorizon } from "./horizon.js";
import { checkMagnitudes } from "./magnitudes.js";
import { checkFx, checkLanes } from "./money.js";
import { checkPlausibility } from "./plausibility.js";
import { checkReferences } from "./references.js";
import { checkPriceResponses } from "./responses.js";
import { schemaIssues } from "./schema-issues.js";
import { checkSourcing } from "./sourcing.js";
import { checkTariffs } from "./tariffs.js";
import { checkUncertainty } from "./uncertainty.js";

export interface Validation {
  scenario?: Scenario;
  issues: Issue[];
}

/**
 * Validates a scenario document: the schema first (types, units, ranges),
 * then the checks that need the whole model (references, sourcing, horizon,
 * FX, lanes, tariff stacking). Reports every problem at once: when some
 * entities fail the schema, the model checks still run on the others, so a
 * file with five mistakes of different kinds gets five errors. `scenario` is
 * set only when there are no errors.
 */
export function validateScenario(doc: unknown): Validation {
  const base = (doc as { fx?: { base?: unknown } } | null)?.fx?.base;
  const currencies = checkCurrencies(doc, typeof base === "string" ? base : "USD");
  if (currencies.length === 0) return validateParsed(doc);
  // Report the rest too, as if the currencies were right.
  return { issues: [...currencies, ...validateParsed(stripCurrencies(doc)).issues] };
}

function validateParsed(doc: unknown): Validation {
  const parsed = Scenario.safeParse(doc);
  if (parsed.success) {
    const issues = modelChecks(checkContext(parsed.data));
    return hasErrors(issues) ? { issues } : { scenario: parsed.data, issues };
  }
  const issues = schemaIssues(parsed.error, doc);
  const pruned = withoutBrokenEntities(doc, issues);
  const rest = pruned === undefined ? undefined : Scenario.safeParse(pruned.doc);
  if (!rest?.success || !pruned) return { issues };
  const ctx = checkContext(rest.data);
  for (const [list, ids] of pruned.dropped) for (const id of ids) idSet(ctx, list)?.add(id);
  for (const p of programsBuiltRaw((doc as { deals?: unknown }).deals)) ctx.hostedElsewhere.add(p);
  return { issues: [...issues, ...modelChecks(ctx).map((i) => ({ ...i, path: pruned.originalPath(i.path) }))] };
}

function modelChecks(ctx: CheckContext): Issue[] {
  const horizon = checkHorizon(ctx);
  if (hasErrors(horizon)) return horizon;
  // The later checks skip what they cannot resolve (an unknown plant, say), so
  // running them all after a reference error reports more without cascading.
  return [
    ...horizon,
    ...checkReferences(ctx),
    ...checkTariffs(ctx),
    ...checkSourcing(ctx),
    ...checkFx(ctx),
    ...checkLanes(ctx),
    ...checkMagnitudes(ctx),
    ...checkDeals(ctx),
    ...checkUncertainty(ctx),
    ...checkHeadline(ctx),
    ...checkCompanyResults(ctx),
    ...checkPriceResponses(ctx),
    ...checkPlausibility(ctx),
  ];
}

/**
 * The document without the list entities that failed the schema, or
 * undefined when an error lies outside the entity lists. Ids of dropped
 * entities stay known so that references to them are not reported twice.
 */
interface Pruned {
  doc: Record<string, unknown>;
  dropped: Map<string, string[]>;
  /** Maps a path in the pruned document back to the user's document (indices shift when entities are dropped). */
  originalPath: (path: string) => string;
}

function withoutBrokenEntities(doc: unknown, issues: Issue[]): Pruned | undefined {
  if (doc === null || typeof doc !== "object") return undefined;
  const broken = new Map<string, Set<number>>();
  for (const i of issues) {
    const m = /^(\w+)\[(\d+)\]/.exec(i.path);
    if (!m || !(ENTITY_LISTS as readonly string[]).includes(m[1] as string)) return undefined;
    if (!broken.has(m[1] as string)) broken.set(m[1] as string, new Set());
    broken.get(m[1] as string)?.add(Number(m[2]));
  }
  const out: Record<string, unknown> = { ...(doc as Record<string, unknown>) };
  const dropped = new Map<string, string[]>();
  const kept = new Map<string, number[]>();
  for (const [list, indices] of broken) {
    const items = out[list];
    if (!Array.isArray(items)) return undefined;
    out[list] = items.filter((_, i) => !indices.has(i));
    kept.set(
      list,
      items.map((_, i) => i).filter((i) => !indices.has(i)),
    );
    dropped.set(
      list,
      items.filter((e, i) => indices.has(i) && typeof e?.id === "string").map((e) => e.id as string),
    );
  }
  const originalPath = (path: string) =>
    path.replace(/^(\w+)\[(\d+)\]/, (whole, list: string, k: string) => {
      const orig = kept.get(list)?.[Number(k)];
      return orig === undefined ? whole : `${list}[${orig}]`;
    });
  return { doc: out, dropped, originalPath };
}

function idSet(ctx: CheckContext, list: string): Set<string> | undefined {
  return { companies: ctx.companyIds, markets: ctx.marketIds, plants: ctx.plantIds, programs: ctx.programIds, tariffs: ctx.measureIds }[list];
}

/** The document with explicit currencies on cited values removed, to validate the rest after a currency error. */
function stripCurrencies(doc: unknown): unknown {
  return JSON.parse(JSON.stringify(doc), (_k, v) => {
    if (v !== null && typeof v === "object" && "value" in v && "currency" in v) {
      const { currency: _dropped, ...rest } = v;
      return rest;
    }
    return v;
  });
}
