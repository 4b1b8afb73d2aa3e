import { error, type Issue, suggestId, unknownPeriod } from "../issues/issue.js";
import type { CheckContext } from "./context.js";

const COUNTRY = /^[A-Z]{2}$/;

const SINGULAR = { companies: "company", markets: "market", periods: "period", plants: "plant", "tariff measures": "tariff measure" } as const;

/** Every id that names another entity must exist; ids are unique within their list. */
export function checkReferences(ctx: CheckContext): Issue[] {
  const { s } = ctx;
  const issues: Issue[] = [...duplicates(ctx)];
  const ref = (path: string, id: string, known: Set<string>, kind: keyof typeof SINGULAR, entity?: string) => {
    if (known.has(id)) return;
    issues.push(
      kind === "periods" ? unknownPeriod(path, id, known, entity) : error(path, `unknown ${SINGULAR[kind]} \`${id}\``, suggestId(id, known, kind), entity),
    );
  };
  s.plants.forEach((p, i) => {
    ref(`plants[${i}].owner`, p.owner, ctx.companyIds, "companies", p.id);
    issues.push(...jointOwners(ctx, p, `plants[${i}]`));
    // A latitude alone places nothing: the map would have to guess the other half.
    if ((p.lat === undefined) !== (p.lon === undefined)) {
      const missing = p.lat === undefined ? "lat" : "lon";
      issues.push(
        error(`plants[${i}].${missing}`, `the plant has ${missing === "lat" ? "lon" : "lat"} but no ${missing}`, "give both lat and lon, or neither", p.id),
      );
    }
  });
  s.programs.forEach((p, i) => {
    ref(`programs[${i}].seller`, p.seller, ctx.companyIds, "companies", p.id);
    // Known ids are tested before a path is built: a large scenario has millions of them.
    for (const m of Object.keys(p.markets)) {
      if (!ctx.marketIds.has(m)) ref(`programs[${i}].markets.${m}`, m, ctx.marketIds, "markets", p.id);
      const d = p.markets[m]?.demand;
      if (d !== undefined && typeof d === "object")
        for (const period of Object.keys(d))
          if (!ctx.periodIds.has(period)) ref(`programs[${i}].markets.${m}.demand.${period}`, period, ctx.periodIds, "periods", p.id);
    }
    const steps = Array.isArray(p.sourcing) ? p.sourcing : [{ from: undefined, shares: p.sourcing }];
    steps.forEach((step, k) => {
      const at = Array.isArray(p.sourcing) ? `programs[${i}].sourcing[${k}]` : `programs[${i}].sourcing`;
      if (step.from !== undefined) ref(`${at}.from`, step.from, ctx.periodIds, "periods", p.id);
      for (const plant of Object.keys(step.shares))
        if (!ctx.plantIds.has(plant)) ref(Array.isArray(p.sourcing) ? `${at}.shares.${plant}` : `${at}.${plant}`, plant, ctx.plantIds, "plants", p.id);
    });
  });
  s.lanes.forEach((l, i) => {
    ref(`lanes[${i}].to`, l.to, ctx.marketIds, "markets");
    if (!COUNTRY.test(l.from)) ref(`lanes[${i}].from`, l.from, ctx.plantIds, "plants");
  });
  s.tariffs.forEach((t, i) => {
    for (const key of ["inclusiveOf", "supersedes", "offsets"] as const)
      t[key].forEach((id, k) => {
        ref(`tariffs[${i}].${key}[${k}]`, id, ctx.measureIds, "tariff measures", t.id);
      });
  });
  return issues;
}

function duplicates({ s }: CheckContext): Issue[] {
  const issues: Issue[] = [];
  for (const list of ["companies", "markets", "plants", "programs", "tariffs"] as const) {
    const seen = new Map<string, number>();
    (s[list] as { id: string }[]).forEach((e, i) => {
      const first = seen.get(e.id);
      if (first !== undefined)
        issues.push(
          error(`${list}[${i}].id`, `id \`${e.id}\` is already used by ${list}[${first}]`, "ids must be unique within a list; rename one, or merge them", e.id),
        );
      else seen.set(e.id, i);
    });
  }
  return issues;
}

/** A jointly owned plant: known owners whose shares sum to 1, the operator among them. */
function jointOwners(ctx: CheckContext, p: CheckContext["s"]["plants"][number], at: string): Issue[] {
  if (!p.owners) return [];
  const issues: Issue[] = [];
  for (const id of Object.keys(p.owners))
    if (!ctx.companyIds.has(id)) issues.push(error(`${at}.owners.${id}`, `unknown company \`${id}\``, suggestId(id, ctx.companyIds, "companies"), p.id));
  const sum = Object.values(p.owners).reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-6)
    issues.push(
      error(
        `${at}.owners`,
        `owners' shares sum to ${Math.round(sum * 1e6) / 1e6}, not 1`,
        "give each owner its share of the plant, the shares adding up to 1",
        p.id,
      ),
    );
  if (!((p.owners[p.owner] ?? 0) > 0))
    issues.push(
      error(`${at}.owner`, `the operator ${p.owner} is not among the owners`, `add ${p.owner} to plants.${p.id}.owners, or name an owner as operator`, p.id),
    );
  return issues;
}
