import type { Claim } from "./types.js";

export type Status = "current" | "superseded" | "conflict";

/** A claim on a timeline: whether a later claim replaced it, and which. */
export interface TimelineEntry {
  claim: Claim;
  status: Status;
  /** The latest claim on the same subject, metric and period, when it is later than this one. */
  supersededBy?: string;
  /** Claims of the same date that give another value (also kept on superseded claims). */
  conflictsWith?: string[];
}

/**
 * Claims on one subject, metric, period, basis and market segment, in one unit, are about the
 * same figure (the dollar and the euro assumption are two). A claim without a
 * metric or a subject is a figure of its own: unrelated unnamed figures must
 * not supersede each other.
 */
export function figureKey(c: Claim): string {
  if (!c.metric || !c.subject) return `\u0000${c.source}\u0000${c.id}`;
  return `${c.subject}|${c.metric}|${c.period ?? ""}|${c.basis ?? ""}|${c.unit}${c.segment ? `|${c.segment}` : ""}`;
}
const sameValue = (a: Claim, b: Claim) => close(a.value, b.value, a.unit) && close(a.high, b.high, a.unit);
function close(a: number | undefined, b: number | undefined, unit: string): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) || rounded(a, b, unit === "%" || unit === "pp");
}

const SCALES = [1e12, 1e9, 1e6, 1e3, 1];
/** Decimal places of a value written at a scale: 841.3e9 at 1e9 has 1. */
function decimals(x: number, scale: number): number {
  const t = String(Number((Math.abs(x) / scale).toPrecision(12)));
  return t.includes(".") ? (t.split(".")[1] as string).length : 0;
}

/**
 * One value written less precisely than the other: ¥841 billion and ¥841.3 billion, 3.6 and 3.64 trillion won,
 * 16% and 15.8% are one figure, rounded. The less precise needs two significant digits, so "¥1 billion" is not
 * "¥1.4 billion", and both written to the same places (145 and 150 yen) are never a rounding of each other. A
 * percentage of 5 or more may be rounded to a whole one: a 9% fall and a 9.2% fall are one figure.
 */
export function rounded(a: number, b: number, percent = false): boolean {
  if (Math.sign(a) !== Math.sign(b)) return false;
  const scale = percent ? 1 : (SCALES.find((s) => Math.max(Math.abs(a), Math.abs(b)) >= s) ?? 1);
  const [da, db] = [decimals(a, scale), decimals(b, scale)];
  if (da === db) return false;
  const [coarse, fine, places] = da < db ? [a, b, da] : [b, a, db];
  const c = Math.abs(coarse) / scale;
  // A whole percentage of 5 or more may round a finer one (9% for 9.2%); 1% for 0.5% says too little.
  if (c < 10 && places === 0 && !(percent && c >= 5)) return false;
  return Math.abs(Number((Math.abs(fine) / scale).toFixed(places)) - c) < 1e-9;
}

/**
 * An as-of date as a day, so dates of mixed precision compare: a month-only
 * date ("2025-07") is the month's last day, a year-only one the year's. A
 * figure stated "in July" is known by the end of July, so it counts as later
 * than one of 30 July, never earlier.
 */
export function asOfDay(asOf: string): string {
  if (/^\d{4}$/.test(asOf)) return `${asOf}-12-31`;
  const m = /^(\d{4})-(\d{2})$/.exec(asOf);
  if (!m) return asOf;
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return `${asOf}-${String(last).padStart(2, "0")}`;
}

/**
 * Every claim by as-of date within its figure, the latest superseding the
 * earlier ones. A previous value ("from ¥1.4 trillion", "previously") is older
 * than the claims of its own date, so the revised value supersedes it. Claims
 * of one date from different sources that disagree are flagged; at the latest
 * date that makes the figure a conflict, since neither replaces the other.
 */
// A share price moves through the day: "fell about 1% in extended trading" and "rose 3% in premarket trading" of one
// day are two moments, not two sources disagreeing.
const MARKET_MOVES = /^share-price(?:-change)?$/;

export function timeline(claims: Iterable<Claim>): TimelineEntry[] {
  const all = [...claims];
  const groups = new Map<string, Claim[]>();
  for (const c of all) groups.set(figureKey(c), [...(groups.get(figureKey(c)) ?? []), c]);
  const primary = conversionsOf(all);
  // Two values agree when equal up to rounding or a qualifier's bound, or when both convert figures that agree.
  const agree = (a: Claim, b: Claim) => {
    if (sameValue(a, b) || consistent(a, b)) return true;
    const [pa, pb] = [primary.get(a), primary.get(b)];
    return pa !== undefined && pb !== undefined && (sameValue(pa, pb) || consistent(pa, pb));
  };
  const out: TimelineEntry[] = [];
  const earlier = (c: Claim) => (c.role === "previous" ? 0 : 1);
  for (const key of [...groups.keys()].sort()) {
    const list = (groups.get(key) as Claim[]).sort(
      (a, b) => asOfDay(a.asOf).localeCompare(asOfDay(b.asOf)) || earlier(a) - earlier(b) || a.id.localeCompare(b.id),
    );
    const last = list.at(-1) as Claim;
    const latest = asOfDay(last.asOf);
    for (const c of list) {
      const day = asOfDay(c.asOf);
      const rivals = MARKET_MOVES.test(c.metric ?? "")
        ? []
        : list.filter((o) => o !== c && asOfDay(o.asOf) === day && o.source !== c.source && earlier(o) === earlier(c) && !agree(o, c)).map((o) => o.id);
      const flagged = rivals.length ? { conflictsWith: rivals } : {};
      if (day < latest || earlier(c) < earlier(last)) out.push({ claim: c, status: "superseded", supersededBy: last.id, ...flagged });
      else out.push({ claim: c, status: rivals.length ? "conflict" : "current", ...flagged });
    }
  }
  return out;
}

/**
 * "More than ¥780 billion" and ¥786 billion say the same: a bound, or an approximation ("about", "nearly", within
 * 5%), is consistent with a value it admits.
 */
function consistent(a: Claim, b: Claim): boolean {
  const admits = (q: Claim, v: number) => {
    if (q.high !== undefined) return false;
    if (q.qualifier === "more than" || q.qualifier === "at least") return v >= q.value;
    if (q.qualifier === "up to" || q.qualifier === "less than") return v <= q.value;
    if (q.qualifier === "about" || q.qualifier === "nearly") return Math.abs(v - q.value) <= 0.05 * Math.abs(q.value);
    return false;
  };
  return (a.high === undefined && b.high === undefined && admits(a, b.value)) || admits(b, a.value);
}

/**
 * A claim of one source that is another claim's paired value in its own currency ("$566 million" beside
 * "780 billion won ($566 million)") converts that claim: two sources converting one figure at two rates do not
 * disagree about the figure.
 */
function conversionsOf(claims: readonly Claim[]): Map<Claim, Claim> {
  const out = new Map<Claim, Claim>();
  const bySource = new Map<string, Claim[]>();
  for (const c of claims) bySource.set(c.source, [...(bySource.get(c.source) ?? []), c]);
  for (const list of bySource.values())
    for (const c of list) {
      const p = list.find(
        (o) =>
          o !== c &&
          o.unit !== c.unit &&
          o.subject === c.subject &&
          o.metric === c.metric &&
          o.period === c.period &&
          o.alternates?.some((a) => a.unit === c.unit && close(a.value, c.value, c.unit)),
      );
      if (p) out.set(c, p);
    }
  return out;
}

/** The later claim that replaced a cited one, if any. */
export function supersession(claimId: string, claims: Iterable<Claim>): TimelineEntry | undefined {
  const all = [...claims];
  const cited = all.find((c) => c.id === claimId);
  if (!cited) return undefined;
  return timeline(all.filter((c) => figureKey(c) === figureKey(cited))).find((e) => e.claim.id === claimId);
}
