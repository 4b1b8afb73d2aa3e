import * as chrono from "chrono-node";

/** A date found in a sentence, at the precision the text gives (YYYY-MM-DD, YYYY-MM or YYYY). */
export interface DateMention {
  date: string;
  start: number;
  end: number;
}

/** How long a period is: a fiscal or calendar year, a half or a quarter. */
export type Grain = "year" | "half" | "quarter";

/** The grain of a resolved period: "Q1 FY2025" is a quarter. */
export function grainOf(period: string): Grain {
  return period.startsWith("Q") ? "quarter" : period.startsWith("H") ? "half" : "year";
}

/** A period a figure refers to ("fiscal 2025" → FY2025) and where it was named. */
export interface PeriodMention {
  /** The period, as a function of the figure's fiscal-year convention and as-of date. */
  resolve: ((fiscalYearStart: number, asOf: string) => string) & {
    relative?: boolean;
    inherit?: Grain | "period";
    /** A quarter or half named without its year ("the fourth quarter"): which year it is depends on the tense. */
    yearless?: boolean;
    /** A relative period a quarter back ("the previous quarter"), not a year. */
    back?: "quarter";
  };
  start: number;
  end: number;
  /** Named as what a figure is compared with ("up 7% from fiscal 2024"): not the time frame of what follows. */
  comparison?: boolean;
  /** Named as a reference point ("for the first time since the fourth quarter of 2022"): no figure's period. */
  since?: boolean;
}

// Just before a date: "will start in February", "from March", "until June".
const FUTURE = /(?:\b(?:will|to)\b[^.,;]{0,25}|\b(?:from|starting|beginning|until|by|next)\s+)$/i;
const DATE_WORD =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|yesterday|tomorrow|tonight|last|next|this|ago|week|month|quarter|year|\d{4}-\d{2})/i;
const EARLIER_THIS_YEAR = /\b(earlier this year|earlier in the year|so far this year)\b/gi;

/**
 * Dates in a sentence, resolved against the publication date. A month
 * without a year is taken as the latest one not after publication (news
 * reports what happened), unless the sentence speaks of the future.
 */
export function findDates(sentence: string, published: string): DateMention[] {
  const ref = new Date(`${published.length === 4 ? `${published}-07-01` : published.length === 7 ? `${published}-15` : published}T12:00:00Z`);
  if (Number.isNaN(ref.getTime())) return [];
  const out: DateMention[] = [];
  // chrono is the slow part of extraction: only sentences with a date word go to it.
  // timezone 0 with a noon-UTC reference: chrono's implied day, month and year are
  // the publication's own, whatever zone the machine runs in.
  const parsed = DATE_WORD.test(sentence) ? chrono.parse(sentence, { instant: ref, timezone: 0 }) : [];
  for (const r of parsed) {
    const c = r.start;
    if (!c.isCertain("month") && !c.isCertain("weekday") && !c.isCertain("day")) continue;
    // "it now expects": chrono reads "now" as the reference instant, but it dates nothing.
    if (/^(?:right )?now$/i.test(r.text.trim())) continue;
    // "the most in two months" is a stretch of time, not a date two months ahead.
    if (
      /^(?:(?:in|for|over|within) )?(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a few) (?:days?|weeks?|months?|years?)(?: after| later)?$/i.test(
        r.text.trim(),
      )
    )
      continue;
    // The calendar components chrono read or implied, never a Date in the local zone.
    let year = c.get("year") ?? Number(published.slice(0, 4));
    let monthNo = c.get("month") ?? 1;
    let dayNo = c.get("day") ?? 1;
    const later = Date.UTC(year, monthNo - 1, dayNo, 12) > ref.getTime() + 864e5;
    const past = !FUTURE.test(sentence.slice(0, r.index));
    if (later && past && c.isCertain("weekday") && !c.isCertain("day")) {
      // "signed Friday" in a Tuesday's report is last Friday, not the coming one a year back.
      const back = new Date(Date.UTC(year, monthNo - 1, dayNo - 7, 12));
      [year, monthNo, dayNo] = [back.getUTCFullYear(), back.getUTCMonth() + 1, back.getUTCDate()];
    } else if (!c.isCertain("year") && later && past) year -= 1;
    const month = String(monthNo).padStart(2, "0");
    const day = String(dayNo).padStart(2, "0");
    const date = c.isCertain("day") || c.isCertain("weekday") ? `${year}-${month}-${day}` : `${year}-${month}`;
    out.push({ date, start: r.index, end: r.index + r.text.length });
  }
  for (const m of sentence.matchAll(EARLIER_THIS_YEAR)) out.push({ date: published.slice(0, 4), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  return out.sort((a, b) => a.start - b.start);
}

/** The fiscal year a date falls in, named by the calendar year it starts in (FY2025 = April 2025–March 2026 in Japan). */
export function fiscalYearOf(date: string, fiscalYearStart: number): number {
  const year = Number(date.slice(0, 4));
  const month = date.length >= 7 ? Number(date.slice(5, 7)) : fiscalYearStart;
  return fiscalYearStart === 1 || month >= fiscalYearStart ? year : year - 1;
}

const ORDINAL: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, "1": 1, "2": 2, "3": 3, "4": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4 };
/** The calendar month a quarter named by its months begins in. */
const QUARTER_START: Record<string, number> = { "january-march": 1, "april-june": 4, "july-september": 7, "october-december": 10 };

type Rule = [RegExp, (m: RegExpMatchArray) => PeriodMention["resolve"]];
const fixed = (p: string) => () => p;
const fy = (shift: number) => (start: number, asOf: string) => `FY${fiscalYearOf(asOf, start) + shift}`;
const twoOrFour = (y: string) => Number(y.length === 2 ? `20${y}` : y);

const QUARTER_MONTHS = `(?:January|April|July|October)[-–—](?:March|June|September|December)`;
const MONTH = `(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?`;
const MONTH_NO: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const monthNo = (name: string) => MONTH_NO[name.slice(0, 3).toLowerCase()] ?? 0;
/**
 * Two months that bound a stretch of time ("between April and June", "April to June", "in just April and May"):
 * a period, never the day a figure was stated.
 */
export const MONTH_SPAN = new RegExp(
  String.raw`\b(${MONTH})(?:\s+(?:and|to|through|until)\s+|\s*[-–—]\s*(?:to[-–—]\s*)?)(${MONTH})(?![\w-])` +
    // "the first half through September", "fiscal 2024, which ended in March": the end of a period.
    String.raw`|\b(?:(?:which|that) )?(?:ended|ending|ends|through|thru)\s+(?:in\s+|on\s+)?(${MONTH})(?:\s+\d{1,2}\b)?(?:,?\s+20\d\d)?` +
    // "the financial year to end-March".
    String.raw`|\b(?:to |through |by |at )?end-(${MONTH})`,
  "gi",
);

const RULES: Rule[] = [
  // A quarter with its year: "Q2 2025", "2Q25", "the July-September quarter in 2024", "the second quarter of 2024".
  [/\bQ([1-4])\s?(?:FY\s?)?'?(\d{4}|\d{2})\b|\b([1-4])Q\s?(?:FY\s?)?'?(\d{4}|\d{2})\b/g, (m) => fixed(`Q${m[1] ?? m[3]} FY${twoOrFour(m[2] ?? m[4] ?? "")}`)],
  [
    new RegExp(String.raw`\b(first|second|third|fourth|1st|2nd|3rd|4th|${QUARTER_MONTHS})[- ](?:fiscal[- ])?quarter (?:of|in) (20\d{2})\b`, "gi"),
    (m) => datedQuarter((m[1] ?? "").replace(/[–—]/g, "-"), Number(m[2])),
  ],
  // "the second quarter of this year", "the first half of last year".
  [
    /\b(first|second|third|fourth|1st|2nd|3rd|4th)[- ](quarter|half) of (this|last|the previous|the current) (?:fiscal )?year\b/gi,
    (m) => {
      const shift = /last|previous/i.test(m[3] ?? "") ? -1 : 0;
      const make = /quarter/i.test(m[2] ?? "") ? quarter(m[1] ?? "") : half(m[1] ?? "");
      return (start: number, asOf: string) => make(start, asOf).replace(/FY(\d{4})$/, (_x, y: string) => `FY${Number(y) + shift}`);
    },
  ],
  // "₩828 billion in the previous quarter": the quarter before the figure's frame.
  [/\b(?:in |for |during )?the (?:previous|prior|preceding|last) quarter\b/gi, () => Object.assign(() => "", { relative: true, back: "quarter" as const })],
  // "in the same period last year", "the same quarter a year earlier": the figure's period a year before.
  [
    /\b(?:in |for |during )?the (?:same|corresponding|comparable) (?:period|quarter|half|time|months?) (?:last year|a year (?:earlier|ago|before)|of (?:the )?(?:previous|prior|last) year|in (?:the )?(?:previous|prior) year)\b/gi,
    () => Object.assign(fy(-1), { relative: true }),
  ],
  // "compared with the year-before profit of ¥50.3 billion": the figure's period a year before.
  [/\bthe (?:year-before|year-earlier|year-ago|prior-year)\b/gi, () => Object.assign(fy(-1), { relative: true })],
  // "In the same quarter of 2024, the company reported a profit of ¥49.8 billion": the figure's quarter, that many years back.
  [
    /\b(?:in |for |during )?the same (?:period|quarter|half|months?) (?:of|in) (20\d\d)\b/gi,
    (m) => Object.assign((start: number, asOf: string) => `FY${fiscalYearOf(asOf, start) + Number(m[1]) - Number(asOf.slice(0, 4))}`, { relative: true }),
  ],
  // "the three-month period between April and June", "for the quarter from April to June", "the three months ended June".
  [
    /\b(?:(?:the\s+)?(?:three[- ]month(?:s)?(?:\s+period)?|quarter)\s+)?(?:between|from)\s+(January|April|July|October)\s+(?:and|to|through)\s+(March|June|September|December)\b|\b(January|April|July|October)[-–—]to[-–—](March|June|September|December)\b|\b(?:three months|quarter|three-month period) (?:ended|ending|to|through)\s+(?:the end of\s+)?(Mar(?:ch)?|June?|Sept?(?:ember)?|Dec(?:ember)?)\b\.?(?:\s+\d{1,2}\b)?/gi,
    (m) => (m[5] ? quarter(QUARTER_OF_END[monthNo(m[5])] ?? "") : quarter(`${m[1] ?? m[3]}-${m[2] ?? m[4]}`.toLowerCase())),
  ],
  // "the April-September period", "between April and September": the half that ends in the second month.
  [
    /\b(?:January(?:[-–—]|\s+(?:to|through)\s+)(June)|April(?:[-–—]|\s+(?:to|through)\s+)(September)|July(?:[-–—]|\s+(?:to|through)\s+)(December)|October(?:[-–—]|\s+(?:to|through)\s+)(March))\b(?!\s+20\d\d)/gi,
    (m) => halfEnding(monthNo(m[1] ?? m[2] ?? m[3] ?? m[4] ?? "")),
  ],
  // "the first six months of the year", "the six months ending in September", "six months through June".
  [
    /\b(first|second|last) six months\b|\bsix months (?:ended|ending|to|through) (?:in )?(Mar(?:ch)?|June?|Sept?(?:ember)?|Dec(?:ember)?)\b/gi,
    (m) => (m[2] ? halfEnding(monthNo(m[2])) : half(/first/i.test(m[1] ?? "") ? "first" : "second")),
  ],
  // "the first three months of fiscal 2025": its first quarter.
  [
    /\b(?:the )?first three months(?: of (?:the (?:fiscal |business |financial )?year|(?:fiscal |FY ?)(20\d\d)|(20\d\d)))?/gi,
    (m) => (m[1] ? fixed(`Q1 FY${m[1]}`) : m[2] ? fixed(`Q1 CY${m[2]}`) : (start: number, asOf: string) => `Q1 FY${fiscalYearOf(asOf, start)}`),
  ],
  // "for the first nine months of 2025", "the nine months to September", "profit plunges in nine months": the year's
  // first three quarters (9M); not a duration ("idle the plant for nine months").
  [
    /\b(?:the )?first nine months(?: of (?:the (?:fiscal |business |financial )?year|(20\d\d)))?|\bnine months (?:ended|ending|to|through) (?:the end of )?(?:Sept?(?:ember)?|Dec(?:ember)?)\b|\b(?:in|for|over|during) the nine[- ]months?(?: period)?\b|\bin nine months\b|\bnine-month period\b/gi,
    (m) => (m[1] ? fixed(`9M FY${m[1]}`) : (start: number, asOf: string) => `9M FY${fiscalYearOf(asOf, start)}`),
  ],
  [/\b(?:fiscal(?: year)?|FY)\s?'?(\d{4}|\d{2})\b/gi, (m) => fixed(`FY${twoOrFour(m[1] ?? "")}`)],
  // "cut its 2025 earnings forecast", "its 2025 guidance": the year a forecast is for is the company's fiscal year so named.
  [
    /\b(20\d\d) (?:(?:full[- ]year|annual|earnings|profit|sales|revenue|financial|operating|margin|EBIT|deliver(?:y|ies)|volume) )*(?:forecasts?|outlook|guidance|targets?)\b/gi,
    (m) => fixed(`FY${m[1]}`),
  ],
  // Japan's fiscal year named by its end: "the year ending March 2026" is FY2025. Without a year,
  // "ending"/"ends" or "next March" is the coming March (a forecast), "ended"/"to"/"through" the last one (results).
  [
    /\b(?:fiscal )?year (?:that )?(ending|ended|ends|to|through) (?:in )?(?:(next|this coming|the coming|this|last) )?March(?:,? (\d{4}))?/gi,
    (m) =>
      m[3]
        ? fixed(`FY${Number(m[3]) - 1}`)
        : /next|coming/i.test(m[2] ?? "") || /^end(?:ing|s)$/i.test(m[1] ?? "")
          ? comingMarch
          : /last/i.test(m[2] ?? "") || !m[2]
            ? lastMarch
            : comingMarch,
  ],
  [/\b(?:fiscal )?year (?:that )?(?:began|begins|started|starting) (?:in )?April\b/gi, () => fy(0)],
  // "down from ¥1.1 trillion in the previous fiscal year": the year before the figure's, not before the as-of date's.
  [
    /\ba year (?:earlier|ago|before)\b|\bthe (?:previous|prior|preceding) (?:fiscal |business |financial )?year\b|\blast year['’]s\b/gi,
    () => Object.assign(fy(-1), { relative: true }),
  ],
  // "forecast a ¥275 billion operating loss this year": the year a company forecasts for is its fiscal year.
  [
    /(?<=\b(?:forecasts?|forecast(?:ed|ing)|expects?|expected|outlook|guidance|projects?|projected|sees)\b(?:[^.;]|\.(?=\d)){0,80})\b(?:this|the current) year\b/gi,
    () => fy(0),
  ],
  [
    // Not after a month ("through March this year", "in May last year"): that dates a month, it frames no year.
    new RegExp(
      String.raw`(?<!\b(?:earlier|later|so far) )(?<!\b${MONTH}\s)\b(this|the current|current|next|last|the previous|previous|the next) ((?:fiscal|business|financial) )?year\b`,
      "gi",
    ),
    (m) => (/fiscal|business|financial/i.test(m[0]) ? fy(/next/i.test(m[1] ?? "") ? 1 : /last|previous/i.test(m[1] ?? "") ? -1 : 0) : calendar(m[1] ?? "")),
  ],
  // "for the year", "the full year", "in the fiscal year": the subject's current fiscal year, not a quarter named nearby.
  // Not "the year to March" (a fiscal year named by its end), but "cost projections for the year to $200 million" is one.
  [
    new RegExp(
      String.raw`\b(?:full[- ]year|annual (?:forecast|outlook|guidance|estimate|projection|target)s?|(?:for|over|in) the (?:full |whole |entire )?(?:fiscal )?year)\b(?! (?:earlier|ago|before|ending|ended|ends|that)\b| (?:to|through) (?:the end of )?(?:(?:next|this|last|the coming) )?${MONTH})`,
      "gi",
    ),
    () => fy(0),
  ],
  [
    new RegExp(String.raw`\b(first|second|third|fourth|${QUARTER_MONTHS})[- ](?:fiscal[- ])?(?:quarter|period)\b|\b(${QUARTER_MONTHS})\b`, "gi"),
    (m) => quarter((m[1] ?? m[2] ?? "").replace(/[–—]/g, "-")),
  ],
  [/\bQ([1-4])\b|\b([1-4])Q\b/g, (m) => quarter(m[1] ?? m[2] ?? "")],
  [/\b(1st|2nd|3rd|4th)[- ]quarter\b/gi, (m) => quarter(m[1] ?? "")],
  [/\b(first|second|1st|2nd)[- ]half\b|\bH([12])\b|\b([12])H\b/gi, (m) => half(m[1] ?? m[2] ?? m[3] ?? "")],
  // "in the quarter", "for the half": the quarter (half) the text named last, not whatever it named last.
  [
    /\b(?:in|for|during|over) the (?:same |cited |said |reported |above )?(quarter|half|period)\b/gi,
    (m) => Object.assign(() => "", { inherit: (m[1] ?? "period").toLowerCase() as Grain | "period" }),
  ],
  [/\b(?:in|for|during|calendar(?: year)?|by|of) (20\d{2})\b(?! fiscal)/gi, (m) => fixed(`CY${m[1]}`)],
];

const QUARTER_OF_END: Record<number, string> = { 3: "january-march", 6: "april-june", 9: "july-september", 12: "october-december" };

/** A quarter named with its year: by months, the calendar year they fall in; by number, the fiscal year so named. */
function datedQuarter(which: string, year: number): PeriodMention["resolve"] {
  const ordinal = ORDINAL[which.toLowerCase()];
  if (ordinal) return fixed(`Q${ordinal} FY${year}`);
  const first = QUARTER_START[which.toLowerCase()] ?? 1;
  return (start) => {
    const n = Math.floor(((((first - start) % 12) + 12) % 12) / 3) + 1;
    return `Q${n} FY${fiscalYearOf(`${year}-${String(first).padStart(2, "0")}`, start)}`;
  };
}

/** The half of the subject's fiscal year that ends in a month (the latest such month by the as-of date). */
function halfEnding(month: number): PeriodMention["resolve"] {
  return (start, asOf) => {
    const asOfYear = Number(asOf.slice(0, 4));
    const at = asOfYear * 12 + (asOf.length >= 7 ? Number(asOf.slice(5, 7)) : 12);
    // The month nearest the as-of date: "the six months ending in September" said in July is this September,
    // "the six months ended December" said in February last December.
    const year = [asOfYear - 1, asOfYear, asOfYear + 1].sort((a, b) => Math.abs(a * 12 + month - at) - Math.abs(b * 12 + month - at))[0] as number;
    const end = `${year}-${String(month).padStart(2, "0")}`;
    const n = Math.floor(((((month - start) % 12) + 12) % 12) / 6) + 1;
    return `H${n} FY${fiscalYearOf(end, start)}`;
  };
}

function half(which: string): PeriodMention["resolve"] {
  return Object.assign((start: number, asOf: string) => `H${ORDINAL[which.toLowerCase()]} FY${fiscalYearOf(asOf, start)}`, { yearless: true });
}

/** The fiscal year (April start) that ends in the first March not before the as-of month. */
function comingMarch(_start: number, asOf: string): string {
  const year = Number(asOf.slice(0, 4));
  const month = asOf.length >= 7 ? Number(asOf.slice(5, 7)) : 12;
  return `FY${month >= 4 ? year : year - 1}`;
}

function lastMarch(_start: number, asOf: string): string {
  const year = Number(asOf.slice(0, 4));
  const month = asOf.length >= 7 ? Number(asOf.slice(5, 7)) : 12;
  return `FY${(month >= 4 ? year : year - 1) - 1}`;
}

function calendar(which: string): PeriodMention["resolve"] {
  const shift = /next/i.test(which) ? 1 : /last|previous/i.test(which) ? -1 : 0;
  return (_s, asOf) => `CY${Number(asOf.slice(0, 4)) + shift}`;
}

function quarter(which: string): PeriodMention["resolve"] {
  const ordinal = ORDINAL[which.toLowerCase()];
  if (ordinal) return Object.assign((start: number, asOf: string) => `Q${ordinal} FY${fiscalYearOf(asOf, start)}`, { yearless: true });
  const first = QUARTER_START[which.toLowerCase()] ?? 1;
  return (start, asOf) => {
    // "The January-March quarter" is the latest one that began by the as-of month: in May 2025, January-March 2025.
    const asOfYear = Number(asOf.slice(0, 4));
    const asOfMonth = asOf.length >= 7 ? Number(asOf.slice(5, 7)) : 12;
    const year = first <= asOfMonth ? asOfYear : asOfYear - 1;
    // Its number counts from the subject's fiscal-year start: January-March is Q4 from April, Q1 from January.
    const n = Math.floor(((((first - start) % 12) + 12) % 12) / 3) + 1;
    return `Q${n} FY${fiscalYearOf(`${year}-${String(first).padStart(2, "0")}`, start)}`;
  };
}

// A period is the comparison's when the comparison word names it ("up 7% from fiscal 2024", "compared with the same
// quarter of 2024") or the figure compared with ("from a record ¥5.35 trillion in fiscal 2024"); "a hit from US
// tariffs in the fiscal year" is not a comparison.
const COMPARED =
  /\b(?:from|than|compared (?:with|to)|versus|vs\.?|against|since)\s+(?:[^,;]*\d[^,;]*|(?:the |a )?(?:same |year-earlier |previous |prior |record )?(?:\w+ )?(?:of |in )?(?:the )?)$/i;

/** Periods named in a sentence: fiscal years, quarters, halves and calendar years. */
export function findPeriods(sentence: string): PeriodMention[] {
  const out: PeriodMention[] = [];
  for (const [re, make] of RULES)
    for (const m of sentence.matchAll(re)) {
      const start = m.index ?? 0;
      if (out.some((p) => start < p.end && start + m[0].length > p.start)) continue;
      const lead =
        sentence
          .slice(Math.max(0, start - 45), start)
          .split(/[,;]\s/)
          .at(-1) ?? "";
      out.push({
        resolve: make(m),
        start,
        end: start + m[0].length,
        ...(COMPARED.test(lead) ? { comparison: true } : {}),
        ...(/\bsince\s+(?:the\s+)?$/i.test(lead) || (/^in\b/i.test(m[0]) && /\bsince\b[^,;]{0,40}$/i.test(lead)) ? { since: true } : {}),
      });
    }
  // "to ¥4.66 trillion from ¥5.76 trillion a year earlier in the first half": "a year earlier" is the comparison's
  // period, so the half named after it is the sentence's own.
  return out
    .map((p) =>
      p.comparison &&
      out.some((q) => q.resolve.relative && q.end <= p.start && /^\s*$/.test(sentence.slice(q.end, p.start).replace(/\b(?:in|for|during|over|the)\b/gi, "")))
        ? { ...p, comparison: undefined }
        : p,
    )
    .map(({ comparison, ...p }) => (comparison ? { ...p, comparison } : p))
    .sort((a, b) => a.start - b.start);
}
