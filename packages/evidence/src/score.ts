import { timeline } from "./timeline.js";
import type { Claim } from "./types.js";

/** A figure a careful reader would extract, as written in an article's annotation file. */
export interface Gold {
  value: number;
  unit: string;
  high?: number;
  from?: number;
  subject?: string;
  metric?: string;
  qualifier?: string;
  period?: string;
  asOf?: string;
  role?: Claim["role"];
  basis?: string;
  /** True when another source gives a different value of this figure on the same day: a real conflict. */
  conflict?: boolean;
  /** Where the figure is printed in the extracted text, when the annotation locates it: [start, end). */
  span?: [number, number];
}

export const FIELDS = ["value", "unit", "subject", "metric", "qualifier", "period", "asOf", "role", "basis"] as const;
// Fields the first annotation files predate: in a set that annotates none of them, the extractor's values are not counted.
const LATER_FIELDS: readonly Field[] = ["role", "basis"];
export type Field = (typeof FIELDS)[number];

export interface Tally {
  /** Extracted claims right on this field. */
  correct: number;
  extracted: number;
  annotated: number;
}

export interface Scores {
  tallies: Record<Field, Tally>;
  /** Annotated figures no extracted claim matched, and extracted claims no annotation matched. */
  missed: Gold[];
  spurious: Claim[];
  /** Each annotation with the claim matched to it. */
  pairs: [Gold, Claim][];
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Matches extracted claims to annotations by value (each used once, same unit
 * preferred), then counts each field: precision = correct / extracted, recall
 * = correct / annotated. A figure found with a wrong subject counts for the
 * value and against the subject.
 */
export function score(extracted: readonly Claim[], gold: readonly Gold[]): Scores {
  const used = new Set<Claim>();
  const matched = new Map<Gold, Claim>();
  // First the annotations that locate their figure, each to the claim printed there: a headline and the body
  // giving one value are two figures, and the headline must not take the body's claim.
  for (const g of gold) {
    const c = g.span ? extracted.find((x) => !used.has(x) && near(x.value, g.value) && placed(g, x)) : undefined;
    if (c) {
      used.add(c);
      matched.set(g, c);
    }
  }
  for (const g of gold) {
    if (matched.has(g)) continue;
    const candidates = extracted.filter((c) => !used.has(c) && near(c.value, g.value));
    // Of several claims of the same value, the one that agrees on most fields is this figure's.
    const c = candidates.sort((a, b) => agreement(g, b) - agreement(g, a))[0];
    if (c) {
      used.add(c);
      matched.set(g, c);
    }
  }
  const pairs: [Gold, Claim][] = gold.flatMap((g) => (matched.has(g) ? [[g, matched.get(g) as Claim] as [Gold, Claim]] : []));
  const missed = gold.filter((g) => !matched.has(g));
  const tallies = Object.fromEntries(FIELDS.map((f) => [f, { correct: 0, extracted: 0, annotated: 0 }])) as Record<Field, Tally>;
  for (const f of FIELDS) {
    const t = tallies[f];
    t.extracted = f === "value" ? extracted.length : extracted.filter((c) => c[f] !== undefined).length;
    t.annotated = f === "value" ? gold.length : gold.filter((g) => g[f] !== undefined).length;
    if (t.annotated === 0 && LATER_FIELDS.includes(f)) t.extracted = 0;
    t.correct = pairs.filter(([g, c]) => (f === "value" ? true : g[f] !== undefined && String(g[f]) === String(c[f]))).length;
  }
  return { tallies, missed, spurious: extracted.filter((c) => !used.has(c)), pairs };
}

const placed = (g: Gold, c: Claim) => g.span !== undefined && c.span !== undefined && c.span[0] < g.span[1] && g.span[0] < c.span[1];

function agreement(g: Gold, c: Claim): number {
  return FIELDS.filter((f) => g[f] !== undefined && String(g[f]) === String(c[f])).length;
}

export const precision = (t: Tally) => (t.extracted === 0 ? 1 : t.correct / t.extracted);
export const recall = (t: Tally) => (t.annotated === 0 ? 1 : t.correct / t.annotated);

/** Sums tallies over several articles. */
export function addTallies(all: readonly Record<Field, Tally>[]): Record<Field, Tally> {
  const out = Object.fromEntries(FIELDS.map((f) => [f, { correct: 0, extracted: 0, annotated: 0 }])) as Record<Field, Tally>;
  for (const t of all)
    for (const f of FIELDS) {
      out[f].correct += t[f].correct;
      out[f].extracted += t[f].extracted;
      out[f].annotated += t[f].annotated;
    }
  return out;
}

export interface ConflictScore {
  claims: number;
  /** Claims the timeline flags as in conflict. */
  flagged: number;
  /** Flagged claims whose annotation is not a real conflict (or that match no annotation). */
  false: number;
}

/**
 * Feeds every extracted claim of a set of articles into one timeline, as the
 * registry would hold them, and counts the claims flagged as conflicts that
 * the annotations do not mark as real ones (`conflict: true`).
 */
export function conflicts(articles: readonly { claims: readonly Claim[]; scores: Scores }[]): ConflictScore {
  const real = new Set<Claim>();
  for (const a of articles) for (const [g, c] of a.scores.pairs) if (g.conflict) real.add(c);
  const all = articles.flatMap((a) => a.claims);
  const flagged = timeline(all).filter((e) => e.status === "conflict" || e.conflictsWith?.length);
  return { claims: all.length, flagged: flagged.length, false: flagged.filter((e) => !real.has(e.claim)).length };
}
