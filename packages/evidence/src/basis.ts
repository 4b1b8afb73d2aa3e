import { clauseAt } from "./document.js";
import type { Figure } from "./numbers.js";
import type { Role } from "./roles.js";

/**
 * What a figure is measured as: a forecast or an actual, and for tariff costs
 * gross (before mitigation) or net (after it). Written "forecast", "actual",
 * "forecast gross", "actual net"…; figures of different bases are different
 * figures on a timeline.
 */
export type Basis = string;

// Metrics that are not forecast or reported: market prices, rates set by governments, the article's conversion rate.
const TIMELESS = new Set(["fx-conversion", "tariff-rate", "share-price", "share-price-change", "shareholding", "import-share"]);
// A mitigation is neither gross nor net: it is what separates them.
const NETTABLE = new Set(["tariff-impact"]);

// "through June" is so far; "the year through March 2026" is a fiscal year, not a date reached.
const SO_FAR =
  /\b(?:so far|to date|year to date|year-to-date|(?<!(?:year|half|quarter|months|period) )through (?:June|September|December|March)(?! 20\d\d))\b/i;
const FORECAST =
  /\bto (?:cut|shed|eliminate|close|reduce|trim|slash)\b|\b(?:forecasts?|expects?|expected|expecting|sees|seen|outlook|guidance|projects?|projected|projection|estimates?|plans?|planned|planning|aims?|targets?|will|would|could|assum\w+|budget\w*|intends?|to invest|to spend)\b/i;
const ACTUAL =
  /\b(?:posted|reported|booked|recorded|was|were|came to|came in|totall?ed|delivered|sold|running at|is running|had cost|cost it|swung|fell|rose|dropped|jumped|climbed|slid|increased|decreased|declined|achieved|earned|logged|generated|announced|dipped|slipped|plunged|plummeted|tumbled|sank|slumped|soared|surged|grew|gained|edged|eased|shrank|widened|reached|amounted|stood|improved|weakened|contracted|expanded|doubled|halved|tripled|lost|incurred|suffered|saw|shipped|produced)\b/i;
const MITIGATION =
  "(?:mitigation|countermeasures|offsets?|offsetting|price (?:increases|negotiations|rises|hikes)|pric(?:e|ing) actions|cost measures|measures|them|those|such steps)";
const GROSS = new RegExp(String.raw`\bgross\b|\b(?:before|without) (?:any |the |its |their )?${MITIGATION}`, "gi");
// "expects its total tariff impact to be about $2.5 billion but believes it can offset about $1 billion": the total is before the offset.
const TOTAL = /\btotal (?:\w+ ){0,2}(?:impact|cost|hit|bill|burden)s?\b/i;
const OFFSET = /\b(?:offset\w*|mitigat\w*|recoup\w*)\b/i;
const NET = new RegExp(
  String.raw`\bnet\b(?! (?:income|profit|loss|sales|revenue|debt|cash|assets|worth))|\bafter (?:any |the |its )?${MITIGATION}|\bnet of\b`,
  "gi",
);
const CUT_TO = /\b(?:cut|reduc|lower|bring|trim)\w*(?:\s+(?:it|that|this|them|the hit|the cost))?(?:\s+down)?\s+to\s+(?:about\s+|some\s+|roughly\s+)?$/i;

export interface BasisInput {
  sentence: string;
  figure: Figure;
  metric: string | undefined;
  role: Role;
  /** The period's last month as YYYY-MM, when the figure has a period. */
  periodEnd?: string;
  asOf: string;
}

export function basisOf(x: BasisInput): Basis | undefined {
  const base = (x.metric ?? "").replace(/-change$/, "");
  if (!x.metric || TIMELESS.has(x.metric) || TIMELESS.has(base)) return undefined;
  const time = timeBasis(x);
  const measure = NETTABLE.has(base) ? grossOrNet(x.sentence, x.figure) : undefined;
  const out = [time, measure].filter(Boolean).join(" ");
  return out || undefined;
}

/** Whether the verbs of a figure's clause before it look forward ("expects", "will") rather than report ("posted", "fell"). */
export function forwardLooking(sentence: string, figure: { start: number }): boolean {
  return tenseOf(sentence, figure) === "forward";
}

/** The tense of a figure's clause before it: "forward" ("expects", "will"), "past" ("posted", "fell"), or unknown. */
export function tenseOf(sentence: string, figure: { start: number }): "forward" | "past" | undefined {
  const [cs] = clauseAt(sentence, figure.start);
  const words = [...sentence.slice(cs, figure.start).matchAll(new RegExp(`${FORECAST.source}|${ACTUAL.source}`, "gi"))].at(-1)?.[0];
  return words === undefined ? undefined : FORECAST.test(words) ? "forward" : "past";
}

function timeBasis(x: BasisInput): "forecast" | "actual" | undefined {
  if (x.role === "previous" || x.role === "revised") return "forecast";
  const [cs, ce] = clauseAt(x.sentence, x.figure.start);
  const clause = x.sentence.slice(cs, ce);
  if (SO_FAR.test(clause)) return "actual";
  // A period that ended before the figure was stated has results (an ended year's rate is its average); one still running has a forecast.
  if (x.periodEnd) return x.periodEnd < x.asOf.slice(0, 7) ? "actual" : "forecast";
  if (x.metric === "fx-assumption" || x.metric === "fx-assumption-change") return "forecast";
  const before = x.sentence.slice(cs, x.figure.start);
  const words = [...before.matchAll(new RegExp(`${FORECAST.source}|${ACTUAL.source}`, "gi"))].at(-1)?.[0];
  if (!words) return undefined;
  return FORECAST.test(words) ? "forecast" : "actual";
}

/** The gross/net marker nearest the figure in its sentence; "cut it to ¥60 billion" after a gross figure is net. */
function grossOrNet(sentence: string, f: Figure): "gross" | "net" | undefined {
  let best: "gross" | "net" | undefined;
  let gap = Number.POSITIVE_INFINITY;
  for (const [re, kind] of [
    [GROSS, "gross"],
    [NET, "net"],
  ] as const)
    for (const m of sentence.matchAll(re)) {
      const s = m.index ?? 0;
      const d = s >= f.end ? s - f.end : Math.max(0, f.start - (s + m[0].length));
      if (d < gap) {
        gap = d;
        best = kind;
      }
    }
  if (best === "gross" && gap > 0 && CUT_TO.test(sentence.slice(Math.max(0, f.start - 60), f.start))) return "net";
  if (!best && TOTAL.test(sentence.slice(Math.max(0, f.start - 60), f.start)) && OFFSET.test(sentence.slice(f.end))) return "gross";
  return best;
}

/** The last month of a period as YYYY-MM: FY2025 of an April-start company ends 2026-03. */
export function periodEnd(period: string, fiscalYearStart: number): string | undefined {
  const m = /^(?:(Q[1-4]|H[12]|9M) )?(FY|CY)(\d{4})$/.exec(period);
  if (!m) return undefined;
  const year = Number(m[3]);
  const start = m[2] === "CY" ? 1 : fiscalYearStart;
  const [first, months] = !m[1] ? [0, 12] : m[1] === "9M" ? [0, 9] : m[1].startsWith("Q") ? [3 * (Number(m[1][1]) - 1), 3] : [6 * (Number(m[1][1]) - 1), 6];
  // Months since January of the year the period's fiscal year starts in.
  const last = start - 1 + first + months - 1;
  const y = year + Math.floor(last / 12);
  return `${y}-${String((last % 12) + 1).padStart(2, "0")}`;
}
