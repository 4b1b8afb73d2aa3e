import type { Figure } from "./numbers.js";

/** What a figure is of its metric: its level, a change of it, an earlier value or the value it was revised to. */
export type Role = "level" | "change" | "previous" | "revised";
export const ROLES: readonly Role[] = ["level", "change", "previous", "revised"];

// A sentence that revises a figure: "lowered its forecast", "now expects", "previously".
const REVISION =
  /\b(?:forecasts?|estimates?|outlooks?|guidance|projections?|targets?)\s+(?:was|were|has been|have been|is|are)\s+(?:lower|rais|cut|revis|trim|slash|lift|reduc)\w*|\b(?:lower|rais|cut|trim|revis|slash|lift|upgrad|downgrad|reduc|hik|boost|halv|narrow|widen|doubl|tighten)\w*\s+(?:[\w'-]+\s+){0,6}?(?:forecasts?|outlooks?|guidance|targets?|estimates?|projections?|assumptions?|expectations?|view)\b|\bnow\s+(?:expects?|sees?|seen|forecasts?|projects?|assumes?|estimates?|puts?|targets?|anticipates?)\b|\bis now\b|\bpreviously\b|\bhad (?:previously )?(?:forecast|expected|projected|estimated|guided)\b/i;
const FROM_BEFORE =
  /\bfrom\s+(?:(?:a|an|the|its)\s+)?(?:(?:previous|earlier|prior|original|initial)\s+)?(?:(?:forecast|estimate|projection|guidance|target)\s+(?:of\s+)?)?(?:about\s+|some\s+|roughly\s+|around\s+)?$/i;
// "about half the €5bn (R100,205,800,000) previously assumed": a bracketed conversion does not end the clause.
const PREVIOUSLY_AFTER = /^\s*(?:\([^)]*\)\s*)?[^,;.]{0,40}?\b(?:previously|originally|initially|before the revision)\b/i;
const QUALIFIED = "(?:about\\s+|some\\s+|roughly\\s+|as much as\\s+|up to\\s+|more than\\s+)?";
const EARLIER_BEFORE = new RegExp(
  String.raw`\b(?:previously|originally|initially|had|earlier)\s+(?:\w+\s+)?(?:forecast|expected|projected|estimated|guided|seen|targeted|predicted|put it at)\s+(?:[\w-]+\s+){0,4}?(?:at\s+|of\s+)?${QUALIFIED}$` +
    String.raw`|\b(?:previous|earlier|prior|original|initial|old)\s+(?:[\w-]+\s+)?(?:forecast|estimate|guidance|outlook|projection|target|assumption|range)\s+(?:of|was|at|for)\s+${QUALIFIED}$` +
    // "its previous forecast that it would lose ¥180 billion".
    String.raw`|\b(?:previous|earlier|prior|original|initial)\s+(?:forecast|estimate|guidance|outlook|projection)\s+that\s+(?:it|they|the \w+)\s+would\s+(?:lose|post|make|earn|book|report|see|log)\s+(?:an?\s+(?:\w+\s+)?(?:loss|profit)\s+of\s+)?${QUALIFIED}$` +
    // "The result compared to a company forecast for a loss of 200 billion yen": the company's earlier forecast of the figure.
    String.raw`|\bcompared? (?:to|with) (?:a|an|the|its) (?:company|company's|own|earlier|previous|initial|original) (?:forecast|estimate|projection|guidance|target) (?:for|of) (?:an? (?:\w+ )?(?:loss|profit) of\s+)?${QUALIFIED}$`,
  "i",
);
const NOW_BEFORE = /\bnow\b[^,;]{0,60}$/i;
// "to above €2.5bn", "to a range of $3.5 billion to $4.5 billion".
const TO_BEFORE = /\bto\s+(?:a range of\s+)?(?:about\s+|some\s+|roughly\s+|around\s+|above\s+|over\s+|more than\s+|below\s+|under\s+|at least\s+)?$/i;

/**
 * The role of each figure of a sentence. A change is decided by the metric
 * (`changes`); of the rest, "from ¥1.4 trillion" in a revision, "¥1.5 billion
 * previously" and "had forecast ¥3.8 trillion" are previous values, and the
 * value they were revised to (its partner of the same unit, or a figure after
 * "now …") is the revised one.
 */
export function rolesOf(sentence: string, figures: readonly Figure[], changes: readonly boolean[]): Role[] {
  const revision = REVISION.test(sentence);
  const roles: Role[] = figures.map((f, i) => {
    const before = sentence.slice(Math.max(0, f.start - 90), f.start);
    // "versus a previously forecast rise of up to 5%": an earlier forecast of the change.
    if (changes[i]) return EARLIER_BEFORE.test(before) ? "previous" : "change";
    const after = sentence.slice(f.end, f.end + 50);
    // "a year earlier" after a figure makes it last year's level, not an earlier forecast.
    if (/^\s*(?:of\s+)?a year (?:earlier|ago|before)/i.test(after)) return "level";
    if (PREVIOUSLY_AFTER.test(after) || EARLIER_BEFORE.test(before)) return "previous";
    const partner = figures.slice(0, i).some((o, j) => !changes[j] && o.unit === f.unit);
    if (revision && FROM_BEFORE.test(before) && partner) return "previous";
    // "lowered its net profit estimate from 40 billion yen to 10 billion yen": the value it went from.
    const next = figures[i + 1];
    if (
      revision &&
      /\bfrom\s+(?:about\s+|some\s+|roughly\s+)?$/i.test(before) &&
      next?.unit === f.unit &&
      /^\s*to\s+$/i.test(sentence.slice(f.end, next.start))
    )
      return "previous";
    return "level";
  });
  const moved = figures.some((f) => f.move);
  return roles.map((r, i) => {
    const f = figures[i] as Figure;
    if (r !== "level") return r;
    // The revised value is the one a previous value was revised from: the nearest before it in its unit.
    const partner = figures.some(
      (o, j) =>
        roles[j] === "previous" && o.unit === f.unit && j > i && !figures.slice(i + 1, j).some((x, k) => x.unit === f.unit && roles[i + 1 + k] === "level"),
    );
    const before = sentence.slice(Math.max(0, f.start - 90), f.start);
    if (partner || (revision && (NOW_BEFORE.test(before) || TO_BEFORE.test(before)))) return "revised";
    // "Its dollar assumption of 145 yen is one yen stronger than in May": the rate after a move.
    if (moved && f.kind === "rate" && !f.conversion) return "revised";
    return "level";
  });
}
