import { basisOf, periodEnd } from "./basis.js";
import { type DateMention, findDates, findPeriods, type Grain, grainOf, type PeriodMention } from "./dates.js";
import type { Dictionary, Entity, Mention } from "./entities.js";
import { chooseMetric, distance, metricById, type Span } from "./lexicon.js";
import { type Figure, findFigures } from "./numbers.js";
import { type Role, rolesOf } from "./roles.js";
import { type Sentence, sentences } from "./sentences.js";
import { detectFormat, type Format, type Plain, toPlainText } from "./text.js";
import type { EvidenceIssue, Extracted } from "./types.js";

export interface ExtractOptions {
  /** Id of the source the claims are read from; claim ids are `<source>-<n>`. */
  source: string;
  /** File name (for the format and for messages). */
  name: string;
  dictionary: Dictionary;
  /** Publication date, when the document does not carry one (or to override it). */
  published?: string;
  format?: Format;
}

export interface Extraction {
  source: string;
  title?: string;
  published?: string;
  /** The plain text that claim spans point into. */
  text: string;
  claims: Extracted[];
  issues: EvidenceIssue[];
}

/** Reads every figure of a document as a claim: subject, metric, role, basis, value, unit, qualifier, period and date. */
export function extract(input: string, opts: ExtractOptions): Extraction {
  const plain: Plain = toPlainText(input, opts.format ?? detectFormat(opts.name, input), opts.name);
  const published = opts.published ?? plain.published;
  const base = { source: opts.source, text: plain.text, ...(plain.title ? { title: plain.title } : {}), ...(published ? { published } : {}) };
  if (!published) {
    const issue: EvidenceIssue = { severity: "error", path: opts.name, message: "has no publication date", suggestion: "pass --published YYYY-MM-DD" };
    return { ...base, claims: [], issues: [...plain.issues, issue] };
  }
  const claims: Extracted[] = [];
  const context = new Context(opts.dictionary.find(plain.text), opts.dictionary);
  for (const s of sentences(plain.text)) {
    context.advanceTo(s.start);
    let spoken: string | undefined;
    for (const c of claimsOf(s, published, context)) {
      const claim = { ...c, id: `${opts.source}-${claims.length + 1}`, source: opts.source };
      claims.push(claim);
      context.remember(s.paragraph, claim);
      spoken = claim.subject ?? spoken;
    }
    context.advanceTo(s.start + s.text.length);
    // "Denso, Toyota's biggest supplier, said …. The company kept …": the company is the one the figures were about, not the last name.
    context.spokeOf(spoken);
  }
  return { ...base, claims: linkConversions(claims), issues: plain.issues };
}

/** What the text has spoken of so far: the company, plant and country last named, the fiscal frame and the paragraph's last figures. */
class Context {
  private next = 0;
  lastCompany: Entity | undefined;
  lastPlant: Entity | undefined;
  /** Last country named other than the US, the usual importer: a tariff rate is about its origin. */
  lastOrigin: Entity | undefined;
  /** The time frame last stated and the company it was stated for; reset at a heading. */
  period: Frame | undefined;
  /** The day the company last named as speaking made its statement ("GM said on Tuesday"); reset at a heading. */
  statement: { date: string; company: string; paragraph: number } | undefined;
  /** The last year, half and quarter stated: "in the quarter" is the quarter named last, even after a year was. */
  frames: Partial<Record<Grain, Frame>> = {};
  /**
   * The current paragraph's last claim with a metric in each unit, and its last impact, for a
   * figure that names no metric ("Toyota had previously forecast ¥3.8 trillion"). Only the
   * last ones are kept, so a text that is one long paragraph is still read in linear time.
   */
  private paragraph = -1;
  private lastMetric = new Map<string, string>();
  private lastImpact = new Map<string, string>();
  constructor(
    readonly mentions: readonly Mention[],
    readonly dictionary: Dictionary,
  ) {}

  advanceTo(offset: number): void {
    while (this.next < this.mentions.length && (this.mentions[this.next] as Mention).start < offset) {
      const e = (this.mentions[this.next] as Mention).entity;
      const company = this.companyOf(e);
      if (company) this.lastCompany = company;
      if (e.kind === "plant") this.lastPlant = e;
      if (e.kind === "place" && e.id !== "us") this.lastOrigin = e;
      this.next++;
    }
  }

  spokeOf(subject: string | undefined): void {
    const e = subject ? this.dictionary.get(subject) : undefined;
    const company = e ? this.companyOf(e) : undefined;
    if (company) this.lastCompany = company;
  }

  remember(paragraph: number, c: Extracted): void {
    if (paragraph !== this.paragraph) {
      this.lastMetric.clear();
      this.lastImpact.clear();
    }
    this.paragraph = paragraph;
    if (!c.metric || c.role === "change") return;
    this.lastMetric.set(c.unit, c.metric);
    if (IMPACTS.has(c.metric)) this.lastImpact.set(c.unit, c.metric);
  }

  /** The paragraph's last metric in a unit (its last impact, with `impact`). */
  paragraphMetric(paragraph: number, unit: string, impact = false): string | undefined {
    if (paragraph !== this.paragraph) return undefined;
    return (impact ? this.lastImpact : this.lastMetric).get(unit);
  }

  /** Mentions inside [start, end), found from the read pointer (the sentence being read). */
  within(start: number, end: number): Mention[] {
    const out: Mention[] = [];
    for (let i = this.next; i < this.mentions.length && (this.mentions[i] as Mention).start < end; i++)
      if ((this.mentions[i] as Mention).start >= start) out.push(this.mentions[i] as Mention);
    return out;
  }

  companyOf(e: Entity): Entity | undefined {
    if (e.kind === "company") return e;
    return (e.kind === "person" || e.kind === "plant") && e.org ? this.dictionary.get(e.org) : undefined;
  }
}

type Draft = Omit<Extracted, "id" | "source">;
interface Frame {
  mention: PeriodMention;
  company: string | undefined;
}

// Figures of these metrics describe a state or a plan, not a fiscal period: a frame stated elsewhere does not reach them.
const PERIODLESS = new Set([
  "share-price",
  "utilisation",
  "break-even-utilisation",
  "capacity",
  "plant-count",
  "plant-closures",
  "shareholding",
  "tariff-rate",
  "fx-conversion",
  "investment",
  "job-cuts",
  "headcount",
  "import-share",
]);
// "…¥210 billion before countermeasures, and by ¥130 billion after them": the second figure is of the first one's metric.
const ELLIPSIS = /(?:,\s*|\s)(?:and|or|but)\s+(?:by\s+|to\s+|at\s+)?(?:about\s+|some\s+|roughly\s+|nearly\s+|around\s+)?$/i;
const LEVEL_AFTER_CHANGE = /^\s*,?\s*to\s+(?:a\s+(?:record\s+)?|about\s+|some\s+|roughly\s+|nearly\s+|around\s+)?$/i;
const CHANGE_AFTER_LEVEL = /^[^.;,\d]{0,25},\s*(?:up|down)\s+(?:by\s+)?(?:about\s+|some\s+|nearly\s+|almost\s+)?$/i;
const FORECAST_WORD = /\b(?:forecast|guidance|outlook|previously|expected|projected|estimate)\b/i;

function claimsOf(s: Sentence, published: string, ctx: Context): Draft[] {
  const figures = findFigures(s.text);
  const periods = findPeriods(s.text);
  // A heading neither carries a time frame in nor sets one: "Toyota cuts full-year forecast" is about the text below it.
  if (s.heading) {
    ctx.period = undefined;
    ctx.frames = {};
    ctx.statement = undefined;
  }
  const frame = ctx.period;
  const own = periods.filter((p) => !p.resolve.relative && !p.comparison && !p.resolve.inherit);
  const mentions = ctx.within(s.start, s.start + s.text.length).map((m) => ({ ...m, start: m.start - s.start, end: m.end - s.start }));
  const drafts = figures.length ? figureDrafts(s, figures, periods, own, frame, published, mentions, ctx) : [];
  const last = own.at(-1);
  if (last && !s.heading) {
    ctx.advanceTo(s.start + s.text.length);
    const stated = drafts.find((d) => d.subject)?.subject ?? ctx.lastCompany?.id;
    const company = stated ? companyId(stated, ctx) : undefined;
    ctx.period = { mention: last, company };
    const fyStart = (company ? ctx.dictionary.get(company)?.fiscalYearStart : undefined) ?? 1;
    for (const p of own) ctx.frames[grainOf(p.resolve(fyStart, published))] = { mention: p, company };
  }
  return drafts;
}

function companyId(id: string, ctx: Context): string {
  const e = ctx.dictionary.get(id);
  return (e ? ctx.companyOf(e)?.id : undefined) ?? id;
}

function figureDrafts(
  s: Sentence,
  figures: Figure[],
  periods: PeriodMention[],
  own: PeriodMention[],
  frame: Context["period"],
  published: string,
  mentions: Mention[],
  ctx: Context,
): Draft[] {
  const dates = findDates(s.text, published).filter(
    (d) => !periods.some((p) => d.start < p.end && d.end > p.start) && !figures.some((f) => d.start < f.end && d.end > f.start),
  );
  noteStatement(s.text, s.paragraph, dates, mentions, ctx);
  const choices = figures.map((f) => chooseMetric(s.text, f, figures));
  for (let i = 1; i < figures.length; i++) {
    const f = figures[i] as Figure;
    const prev = figures[i - 1] as Figure;
    const was = choices[i - 1];
    const gap = s.text.slice(prev.end, f.start);
    // An elliptical figure takes the metric of the one before it.
    if (prev.unit === f.unit && ELLIPSIS.test(gap) && was) choices[i] = was;
    // "net profit rose 1.7% to 37.1 billion rupees": the level a change arrived at is of the changed metric.
    else if (was?.change && f.kind === "money" && LEVEL_AFTER_CHANGE.test(gap)) choices[i] = { ...was, change: false, sign: 1 };
    // "operating profit forecast at ¥515 billion, up 7% from fiscal 2024": a change right after a level is of the level's metric.
    else if (was && !was.change && choices[i]?.change && prev.kind === "money" && CHANGE_AFTER_LEVEL.test(gap))
      choices[i] = { metric: was.metric, change: true, sign: choices[i]?.sign ?? 1 };
  }
  const roles = rolesOf(
    s.text,
    figures,
    choices.map((c) => c?.change === true),
  );
  const metrics = choices.map((c) => (c ? (c.change ? `${c.metric.id}-change` : c.metric.id) : undefined));
  // A previous value is of its revised partner's metric ("to ¥50 billion from ¥150 billion and its net income forecast…").
  roles.forEach((r, i) => {
    if (r !== "previous") return;
    const f = figures[i] as Figure;
    const partner = [...figures.keys()].filter((j) => j < i && roles[j] !== "change" && (figures[j] as Figure).unit === f.unit).at(-1);
    if (partner !== undefined && metrics[partner]) metrics[i] = metrics[partner];
  });
  return figures.map((f, i) => {
    let metric = metrics[i];
    const role = roles[i] as Role;
    if (!metric && f.kind !== "count") metric = inheritedMetric(s, f, role, ctx);
    const want = metric ? (metricById(metric.replace(/-change$/, ""))?.subject ?? "company") : "company";
    const subject = f.conversion ? undefined : subjectOf(s.text, f, want, mentions, figures, ctx);
    const near = nearestOf(dates, f, figures, s.text, NEAR);
    const st = ctx.statement;
    const said = st && st.paragraph === s.paragraph && (!subject || st.company === companyId(subject.id, ctx)) ? st.date : undefined;
    const asOf = near?.date ?? said ?? published;
    const fyStart = subject ? fiscalStart(subject, ctx) : 1;
    const period = f.conversion ? undefined : periodOf(s.text, f, figures, periods, own, role, metric, subject, frame, fyStart, asOf, published, ctx);
    const basis = basisOf({ sentence: s.text, figure: f, metric, role, asOf, ...(period ? { periodEnd: periodEnd(period, fyStart) } : {}) });
    const value = choices[i]?.change && f.kind !== "rate" ? (choices[i]?.sign ?? 1) * f.value : f.value;
    return {
      value,
      unit: f.unit,
      ...(f.high !== undefined ? { high: f.high } : {}),
      ...(f.from !== undefined ? { from: f.from } : {}),
      ...(f.alternates ? { alternates: f.alternates } : {}),
      ...(f.qualifier ? { qualifier: f.qualifier } : {}),
      ...(subject ? { subject: subject.id } : {}),
      ...(metric ? { metric } : {}),
      role,
      ...(basis ? { basis } : {}),
      ...(period ? { period } : {}),
      asOf,
      span: [s.start + f.start, s.start + f.end] as [number, number],
      text: s.text.slice(f.start, f.end),
      quote: s.text.trim(),
      ...(role === "previous" && !near ? { note: "earlier value; the text does not say when it was stated" } : {}),
    };
  });
}

// "Ford said on Wednesday", "Toyota Motor on Thursday lowered": the day a company made the statement.
const STATED = /(?:\b(?:said|says|announced|reported|told|warned)|[A-Z][\w.&-]*)\s+(?:on\s+)?$/;

// "Honda expects a ¥650 billion hit" after a sentence on tariffs; "… make up the remaining ¥130 billion" of a breakdown.
const BARE_IMPACT = /^\s*(?:hit|impact|blow|burden|drag)\b/i;
const BREAKDOWN = /\b(?:the\s+)?(?:remaining|rest of|other|another)\s+$/i;
const IMPACTS = new Set(["tariff-impact", "fx-impact"]);

/**
 * The metric of a figure that names none, from the paragraph's figures before it in its
 * unit: a previous or revised value, a forecast, the rest of a breakdown; a bare "hit" only
 * takes an impact.
 */
function inheritedMetric(s: Sentence, f: Figure, role: Role, ctx: Context): string | undefined {
  if (BARE_IMPACT.test(s.text.slice(f.end, f.end + 12))) return ctx.paragraphMetric(s.paragraph, f.unit, true);
  const inherits = role !== "level" || FORECAST_WORD.test(s.text) || BREAKDOWN.test(s.text.slice(Math.max(0, f.start - 24), f.start));
  return inherits ? ctx.paragraphMetric(s.paragraph, f.unit) : undefined;
}

/**
 * The day a sentence says its company spoke, which dates its figures and the
 * company's figures after it (the rest of the statement) until it speaks again.
 */
function noteStatement(sentence: string, paragraph: number, dates: DateMention[], mentions: Mention[], ctx: Context): void {
  const d = dates.find((x) => x.date.length === 10 && STATED.test(sentence.slice(Math.max(0, x.start - 40), x.start)));
  if (!d) return;
  const by = mentions.filter((m) => m.end <= d.start && ctx.companyOf(m.entity)).at(-1);
  const company = by ? ctx.companyOf(by.entity)?.id : undefined;
  if (company) ctx.statement = { date: d.date, company, paragraph };
}

/**
 * The period of a figure. "a year earlier" or "fiscal 2024" right after a
 * level is that level's own ("down from ¥1.21 trillion a year earlier");
 * otherwise the period named nearest in the sentence, else the sentence's own
 * time frame, else the frame the text stated before for the same company.
 */
function periodOf(
  sentence: string,
  f: Figure,
  figures: Figure[],
  periods: PeriodMention[],
  own: PeriodMention[],
  role: Role,
  metric: string | undefined,
  subject: Entity | undefined,
  frame: Context["period"],
  fyStart: number,
  asOf: string,
  published: string,
  ctx: Context,
): string | undefined {
  const ref = asOf.length === 4 ? published : asOf;
  const company = subject ? companyId(subject.id, ctx) : undefined;
  const periodless = PERIODLESS.has((metric ?? "").replace(/-change$/, ""));
  const carried = frame && !periodless && (!company || !frame.company || frame.company === company) ? frame.mention : undefined;
  const resolve = (p: PeriodMention | undefined): string | undefined => {
    if (!p) return undefined;
    if (p.resolve.inherit) {
      const from = p.resolve.inherit === "period" ? frame : ctx.frames[p.resolve.inherit];
      return from && (!company || !from.company || from.company === company) ? calendarAsFiscal(from.mention.resolve(fyStart, ref), fyStart) : undefined;
    }
    return calendarAsFiscal(p.resolve(fyStart, ref), fyStart);
  };
  const candidates = periods.filter((p) => !p.resolve.relative && !p.comparison);
  // A rate or a plan has a period only when one is named right beside it, not the sentence's time frame.
  const base = periodless
    ? resolve(nearestOf(candidates, f, figures, sentence, NEAR))
    : (resolve(nearestOf(candidates, f, figures, sentence, own.length === 1 ? undefined : NEAR)) ??
      resolve(own.filter((p) => p.start < f.start).at(-1) ?? (own.length === 1 ? own[0] : undefined)) ??
      resolve(carried));
  if (role === "change") return base;
  const attached = periods.find(
    (p) =>
      (p.resolve.relative || p.comparison) &&
      p.start >= f.end &&
      p.start - f.end <= 30 &&
      !figures.some((o) => o.start >= f.end && o.end <= p.start) &&
      // "¥500 billion by fiscal 2026 compared with fiscal 2024": the comparison is of the period named between.
      !periods.some((q) => q !== p && q.start >= f.end && q.end <= p.start),
  );
  if (!attached) return base;
  if (attached.resolve.relative) return base ? yearEarlier(base) : resolve(attached);
  return resolve(attached);
}

/** A calendar year of a company whose fiscal year is the calendar year is its fiscal year. */
function calendarAsFiscal(period: string, fyStart: number): string {
  return fyStart === 1 ? period.replace(/^CY(\d{4})$/, "FY$1") : period;
}

function yearEarlier(period: string): string {
  return period.replace(/(FY|CY)(\d{4})$/, (_m, k: string, y: string) => `${k}${Number(y) - 1}`);
}

/** Links the claims an article's conversion line ("($1 = 144.20 yen)") converts: those in its currencies. */
function linkConversions(claims: Extracted[]): Extracted[] {
  const rates = claims.filter((c) => c.metric === "fx-conversion");
  if (!rates.length) return claims;
  return claims.map((c) => {
    if (c.metric === "fx-conversion" || !/^[A-Z]{3}$/.test(c.unit)) return c;
    const units = [c.unit, ...(c.alternates ?? []).map((a) => a.unit)];
    const rate = rates.find((r) => r.unit.split("/").some((u) => u === c.unit) && (units.length === 1 || r.unit.split("/").every((u) => units.includes(u))));
    return rate ? { ...c, conversion: rate.id } : c;
  });
}

// A date or period further than this (in characters, with the clause penalty) is about something else in the sentence.
const NEAR = 64;

/** The mention nearest to a figure; none across another figure (a date two clauses away is that figure's). */
function nearestOf<T extends DateMention | PeriodMention | Span>(
  items: readonly T[],
  f: Figure,
  figures: readonly Figure[],
  sentence: string,
  limit = Number.POSITIVE_INFINITY,
): T | undefined {
  let best: T | undefined;
  let bestScore = limit;
  for (const it of items) {
    const lo = Math.min(it.end, f.end);
    const hi = Math.max(it.start, f.start);
    if (figures.some((o) => o !== f && o.start >= lo && o.end <= hi)) continue;
    const score = distance(it, f, figures, sentence);
    if (score < bestScore) {
      bestScore = score;
      best = it;
    }
  }
  return best;
}

const COREFERENCE = /\b(?:the (?:\w+ )?(?:company|automaker|carmaker|firm|group|manufacturer)|it|its|he|she)\b/i;
const PLANT_REFERENCE = /\b(?:the|this|that) (?:\w+ )?(?:plant|factory|site)\b|\bthere\b/i;

/**
 * The entity a figure is about: the kind its metric is usually about (a
 * plant for utilisation, a country for a tariff rate), named nearest to it in
 * the sentence; else the one the text last spoke of.
 */
function subjectOf(sentence: string, f: Figure, want: "company" | "plant" | "place", mentions: Mention[], figures: Figure[], ctx: Context): Entity | undefined {
  if (want === "place") {
    const places = mentions.filter((m) => m.entity.kind === "place");
    // A US tariff is about the goods' origin: prefer the country that is not the importer.
    const origin = places.filter((m) => m.entity.id !== "us");
    const pick = nearestOf(origin, f, figures, sentence) ?? nearestOf(origin, f, [], sentence) ?? nearestOf(places, f, [], sentence);
    if (pick) return pick.entity;
    if (ctx.lastOrigin) return ctx.lastOrigin;
  }
  if (want === "plant") {
    const plant = nearestOf(
      mentions.filter((m) => m.entity.kind === "plant"),
      f,
      [],
      sentence,
    );
    if (plant) return plant.entity;
    if (ctx.lastPlant && PLANT_REFERENCE.test(sentence)) return ctx.lastPlant;
  }
  const named = mentions.filter((m) => ctx.companyOf(m.entity) !== undefined);
  const companies = named.filter((m) => !appositive(sentence, m, named, ctx));
  const before = companies.filter((m) => m.end <= f.start && !figures.some((o) => o !== f && o.start >= m.end && o.end <= f.start)).at(-1);
  if (!before) {
    // "Ford said it now expects $2 billion, up from $1.5 billion": "it" is the company this sentence named, not the last one before it.
    const earlier = companies.filter((m) => m.end <= f.start).at(-1);
    if (earlier && COREFERENCE.test(sentence.slice(earlier.end, f.start))) return ctx.companyOf(earlier.entity);
    if (!earlier && ctx.lastCompany && COREFERENCE.test(sentence.slice(0, f.start))) return ctx.lastCompany;
  }
  const pick = before ?? nearestOf(companies, f, figures, sentence) ?? companies.filter((m) => m.end <= f.start).at(-1);
  return pick ? ctx.companyOf(pick.entity) : ctx.lastCompany;
}

/**
 * "Denso, Toyota's biggest supplier, said …", "Jaguar Land Rover, owned by
 * India's Tata Motors, said …": a company named in an aside after another
 * company is not the subject.
 */
function appositive(sentence: string, m: Mention, named: Mention[], ctx: Context): boolean {
  return named.some(
    (p) =>
      p.end <= m.start &&
      ctx.companyOf(p.entity)?.id !== ctx.companyOf(m.entity)?.id &&
      /^,\s[^,]{0,40}$/.test(sentence.slice(p.end, m.start)) &&
      /^[^,]{0,30},/.test(sentence.slice(m.end, m.end + 31)),
  );
}

function fiscalStart(e: Entity, ctx: Context): number {
  return ctx.companyOf(e)?.fiscalYearStart ?? e.fiscalYearStart;
}
