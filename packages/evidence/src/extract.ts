import { type DateMention, findDates, findPeriods, type PeriodMention } from "./dates.js";
import type { Dictionary, Entity, Mention } from "./entities.js";
import { chooseMetric, distance, type Span } from "./lexicon.js";
import { type Figure, findFigures } from "./numbers.js";
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

/** Reads every figure of a document as a claim: subject, metric, value, unit, qualifier, period and date. */
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
    for (const c of claimsOf(s, published, context)) claims.push({ ...c, id: `${opts.source}-${claims.length + 1}`, source: opts.source });
    context.advanceTo(s.start + s.text.length);
  }
  return { ...base, claims, issues: plain.issues };
}

/** What the text has spoken of so far: the company, plant and country last named, the period of the paragraph. */
class Context {
  private next = 0;
  lastCompany: Entity | undefined;
  lastPlant: Entity | undefined;
  /** Last country named other than the US, the usual importer: a tariff rate is about its origin. */
  lastOrigin: Entity | undefined;
  period: { mention: PeriodMention; paragraph: number } | undefined;
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

function claimsOf(s: Sentence, published: string, ctx: Context): Draft[] {
  const figures = findFigures(s.text);
  const periods = findPeriods(s.text);
  // A paragraph keeps its time frame: "forecast ¥500 billion for the year ending March 2026 … Net profit is expected at ¥250 billion."
  const carried = ctx.period?.paragraph === s.paragraph ? ctx.period.mention : undefined;
  // "a year earlier" compares; it does not set the paragraph's time frame.
  const last = periods.filter((p) => !p.resolve.relative).at(-1);
  if (last) ctx.period = { mention: last, paragraph: s.paragraph };
  if (figures.length === 0) return [];
  const dates = findDates(s.text, published).filter(
    (d) => !periods.some((p) => d.start < p.end && d.end > p.start) && !figures.some((f) => d.start < f.end && d.end > f.start),
  );
  const mentions = ctx.within(s.start, s.start + s.text.length).map((m) => ({ ...m, start: m.start - s.start, end: m.end - s.start }));
  return figures.map((f) => {
    const choice = chooseMetric(s.text, f, figures);
    const metric = choice ? (choice.change ? `${choice.metric.id}-change` : choice.metric.id) : undefined;
    const subject = subjectOf(s.text, f, choice?.metric.subject ?? "company", mentions, figures, ctx);
    const asOf = nearestOf(dates, f, figures, s.text, NEAR)?.date ?? published;
    const fyStart = subject ? fiscalStart(subject, ctx) : 1;
    // A sentence's only period ("For the fiscal year through March, …") frames all of it; of several, the nearest counts.
    const periodMention = periods.length ? nearestOf(periods, f, figures, s.text, periods.length === 1 ? undefined : NEAR) : carried;
    const period = periodMention?.resolve(fyStart, asOf.length === 4 ? published : asOf);
    return {
      value: f.value,
      unit: f.unit,
      ...(f.high !== undefined ? { high: f.high } : {}),
      ...(f.from !== undefined ? { from: f.from } : {}),
      ...(f.alternates ? { alternates: f.alternates } : {}),
      ...(f.qualifier ? { qualifier: f.qualifier } : {}),
      ...(subject ? { subject: subject.id } : {}),
      ...(metric ? { metric } : {}),
      ...(period ? { period } : {}),
      asOf,
      span: [s.start + f.start, s.start + f.end] as [number, number],
      text: s.text.slice(f.start, f.end),
      quote: s.text.trim(),
    };
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
  const companies = mentions.filter((m) => ctx.companyOf(m.entity) !== undefined);
  const before = companies.filter((m) => m.end <= f.start && !figures.some((o) => o !== f && o.start >= m.end && o.end <= f.start)).at(-1);
  if (!before && ctx.lastCompany && COREFERENCE.test(sentence.slice(0, f.start))) return ctx.lastCompany;
  const pick = before ?? nearestOf(companies, f, figures, sentence) ?? companies.filter((m) => m.end <= f.start).at(-1);
  return pick ? ctx.companyOf(pick.entity) : ctx.lastCompany;
}

function fiscalStart(e: Entity, ctx: Context): number {
  return ctx.companyOf(e)?.fiscalYearStart ?? e.fiscalYearStart;
}
