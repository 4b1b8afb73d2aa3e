import { distance } from "fastest-levenshtein";
import type { EvidenceIssue } from "./types.js";

export type EntityKind = "company" | "person" | "place" | "plant";

/** A company, person, place or plant that figures can be about. */
export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  /** A person's or plant's company. */
  org?: string;
  /** First month of the fiscal year (4 = April, Japan's convention); 1 when not given. */
  fiscalYearStart: number;
}

export interface Mention {
  entity: Entity;
  start: number;
  end: number;
  fuzzy: boolean;
  /** Named as what the subject is owned by, partners with or invests in ("majority-owned by China's Geely", "its investment in partner Nissan"): not a subject. */
  object?: boolean;
}

const KINDS: readonly EntityKind[] = ["company", "person", "place", "plant"];
// Capitalised words long enough that one or two edits are a misspelling, not another word.
const CAPITALISED = /\b[A-Z][a-z]{5,}\b/g;

/** The entities figures are attached to, with their aliases; finds mentions, exact or misspelt. */
export class Dictionary {
  private readonly byId = new Map<string, Entity>();
  private readonly exact: RegExp | undefined;
  private readonly byAlias = new Map<string, Entity>();
  private readonly fuzzyNames: [string, Entity][] = [];

  constructor(readonly entities: readonly Entity[]) {
    for (const e of entities) {
      this.byId.set(e.id, e);
      for (const a of [e.name, ...e.aliases]) this.byAlias.set(a, e);
    }
    const names = [...this.byAlias.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.exact = names.length ? new RegExp(`(?<![\\w])(?:${names.join("|")})(?![\\w])`, "g") : undefined;
    for (const [alias, e] of this.byAlias) if (e.kind !== "place" && /^[A-Z][a-z]{5,}$/.test(alias)) this.fuzzyNames.push([alias, e]);
  }

  get(id: string): Entity | undefined {
    return this.byId.get(id);
  }

  /** Every mention in the text, in order; a misspelt name (one edit, two for long names) still counts. */
  find(text: string): Mention[] {
    const out: Mention[] = [];
    if (this.exact)
      for (const m of text.matchAll(this.exact))
        out.push({ entity: this.byAlias.get(m[0]) as Entity, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, fuzzy: false });
    const taken = new Set(out.map((m) => m.start));
    for (const m of text.matchAll(CAPITALISED)) {
      const start = m.index ?? 0;
      if (taken.has(start) || this.byAlias.has(m[0])) continue;
      const e = this.closest(m[0]);
      if (e) out.push({ entity: e, start, end: start + m[0].length, fuzzy: true });
    }
    return out.sort((a, b) => a.start - b.start);
  }

  private closest(word: string): Entity | undefined {
    const limit = word.length >= 9 ? 2 : 1;
    for (const [alias, e] of this.fuzzyNames) if (Math.abs(alias.length - word.length) <= limit && distance(alias, word) <= limit) return e;
    return undefined;
  }

  /** An entity by id, name or alias (any case), for subjects typed on the command line. */
  lookup(name: string): Entity | undefined {
    const lower = name.toLowerCase();
    return this.byId.get(lower) ?? this.entities.find((e) => [e.id, e.name, ...e.aliases].some((a) => a.toLowerCase() === lower));
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Builds entities from table rows (id, kind, name, aliases separated by "|", org, fiscal_year_start). */
export function entitiesFromRows(rows: readonly Record<string, string>[], file: string): { entities: Entity[]; issues: EvidenceIssue[] } {
  const issues: EvidenceIssue[] = [];
  const entities: Entity[] = [];
  rows.forEach((r, i) => {
    const e = entityFromRow(r, `${file}: row ${i + 2}`, issues);
    if (e) entities.push(e);
  });
  return { entities, issues };
}

function entityFromRow(r: Record<string, string>, at: string, issues: EvidenceIssue[]): Entity | undefined {
  const kind = r.kind as EntityKind;
  const fy = r.fiscal_year_start ? Number(r.fiscal_year_start) : 1;
  if (!r.id || !r.name) issues.push({ severity: "error", path: at, message: "needs an id and a name" });
  else if (!KINDS.includes(kind))
    issues.push({ severity: "error", path: `${at}.kind`, message: `unknown kind \`${r.kind}\``, suggestion: `one of ${KINDS.join(", ")}` });
  else if (!Number.isInteger(fy) || fy < 1 || fy > 12)
    issues.push({ severity: "error", path: `${at}.fiscal_year_start`, message: `must be a month 1–12, got ${r.fiscal_year_start}` });
  else {
    const aliases = (r.aliases ?? "")
      .split("|")
      .map((a) => a.trim())
      .filter(Boolean);
    return { id: r.id, kind, name: r.name, aliases, fiscalYearStart: fy, ...(r.org ? { org: r.org } : {}) };
  }
  return undefined;
}
