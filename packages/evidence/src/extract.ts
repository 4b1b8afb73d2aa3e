import { basisOf, forwardLooking, periodEnd, tenseOf } from "./basis.js";
import { type DateMention, findDates, findPeriods, fiscalYearOf, type Grain, grainOf, MONTH_SPAN, type PeriodMention } from "./dates.js";
import { clauseAt } from "./document.js";
import type { Dictionary, Entity, Mention } from "./entities.js";
import { CONTRAST, chooseMetric, distance, IMPACT_AFTER, metricById, PER_SHARE, type Span } from "./lexicon.js";
import { type Figure, findFigures } from "./numbers.js";
import { type Role, rolesOf } from "./roles.js";
import { segmentOf } from "./segment.js";
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
  const context = new Context(markObjects(plain.text, opts.dictionary.find(plain.text)), opts.dictionary);
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
  return { ...base, claims: linkConversions(leadSubject(claims, context)), issues: plain.issues };
}

// "The group, which is majority-owned by China's Geely Holding, said …", "writing down its investment in partner Nissan".
const OBJECT_BEFORE =
  /\b(?:(?:majority-|wholly |partly |part-)?owned by|a (?:unit|subsidiary) of|(?:alliance )?partner|investments? in|stakes? in|shares? in|(?:hit|charge|loss|writedown|write-down) (?:related|linked|tied) to)\s+(?:(?:its|the|[A-Z][\w-]*'s|[A-Z][\w-]*’s)\s+)?$/;

// "a first half net loss due to a Nissan writedown": the company written down is not the one reporting;
// "The Tata-owned group": the owner named as an adjective.
const OBJECT_AFTER = /^\s+(?:writedown|write-down|impairment|stake|shareholding)\b|^-(?:owned|backed|controlled)\b/i;

/** Marks the companies a text names only as an owner, partner or holding of its subject: they neither are nor become the subject. */
function markObjects(text: string, mentions: Mention[]): Mention[] {
  return mentions.map((m) =>
    OBJECT_BEFORE.test(text.slice(Math.max(0, m.start - 60), m.start)) || OBJECT_AFTER.test(text.slice(m.end, m.end + 30)) ? { ...m, object: true } : m,
  );
}

/**
 * A text that opens on figures and names its company a sentence later ("Operating profit is forecast to slump
 * 20.8%. Trump's tariffs are estimated to reduce Toyota's operating profit…"): the opening figures are the first
 * company's, when it is named within the next 600 characters.
 */
function leadSubject(claims: Extracted[], ctx: Context): Extracted[] {
  const first = ctx.mentions.find((m) => !m.object && ctx.companyOf(m.entity));
  const company = first ? ctx.companyOf(first.entity) : undefined;
  // A text that names a country or anything else first is about that, not about the company named later.
  if (!first || !company || ctx.mentions[0] !== first) return claims;
  return claims.map((c) =>
    c.subject ||
    c.metric === "fx-conversion" ||
    !c.span ||
    c.span[0] >= first.start ||
    first.start - c.span[0] > 600 ||
    (c.metric && metricById(c.metric.replace(/-change$/, ""))?.subject === "place")
      ? c
      : { ...c, subject: company.id },
  );
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
  /** The frames before the last section heading: "during the same period" under a subhead still points back to them. */
  framesBefore: Partial<Record<Grain | "period", Frame>> = {};
  /**
   * The current paragraph's last claim with a metric in each unit, and its last impact, for a
   * figure that names no metric ("Toyota had previously forecast ¥3.8 trillion"). Only the
   * last ones are kept, so a text that is one long paragraph is still read in linear time.
   */
  private paragraph = -1;
  private lastMetric = new Map<string, string>();
  private lastImpact = new Map<string, string>();
  /** The text's last impact in each unit since its last heading: "a 233.5-billion-yen operating profit hit" a paragraph after the tariffs. */
  private textImpact = new Map<string, string>();
  private textMetricByUnit = new Map<string, string>();
  /** The metric of the text's last change since its last heading ("profit … slipped 24.5%": net-profit-change). */
  lastChangeMetric: string | undefined;
  /** Whether the text's last "sales" figure counted vehicles or money: "sales rose 4.1%" after unit sales is of units. */
  sales: "volume" | "revenue" | undefined;
  constructor(
    readonly mentions: readonly Mention[],
    readonly dictionary: Dictionary,
  ) {}

  advanceTo(offset: number): void {
    while (this.next < this.mentions.length && (this.mentions[this.next] as Mention).start < offset) {
      const e = (this.mentions[this.next] as Mention).entity;
      const company = (this.mentions[this.next] as Mention).object ? undefined : this.companyOf(e);
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
    if (c.metric?.startsWith("sales-volume")) this.sales = "volume";
    else if (c.metric?.startsWith("revenue")) this.sales = "revenue";
    if (c.metric && c.role === "change") this.lastChangeMetric = c.metric;
    if (!c.metric || c.role === "change") return;
    // A level stated after the change is what the text speaks of now.
    this.lastChangeMetric = undefined;
    this.lastMetric.set(c.unit, c.metric);
    this.textMetricByUnit.set(c.unit, c.metric);
    if (IMPACTS.has(c.metric)) {
      this.lastImpact.set(c.unit, c.metric);
      this.textImpact.set(c.unit, c.metric);
    }
  }

  /** A heading starts another text: impacts named above it are not the ones below. */
  heading(): void {
    this.textImpact.clear();
    this.textMetricByUnit.clear();
    this.lastChangeMetric = undefined;
  }

  /** The impact named last in the text (since a heading) in a unit. */
  textMetric(unit: string): string | undefined {
    return this.textImpact.get(unit);
  }

  /** The paragraph's last metric in a unit (its last impact, with `impact`). */
  /** The text's last metric in a unit since its last heading, across paragraphs. */
  lastMetricOf(unit: string): string | undefined {
    return this.textMetricByUnit.get(unit);
  }

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

const CONCESSIVE = /,\s*(?:although|though|while|but|whereas)\b/i;
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
  "local-production-share",
  "recall-volume",
  "average-price",
]);
// "…¥210 billion before countermeasures, and by ¥130 billion after them": the second figure is of the first one's metric.
const ELLIPSIS = /(?:,\s*|\s)(?:and|or|but)\s+(?:by\s+|to\s+|at\s+)?(?:about\s+|some\s+|roughly\s+|nearly\s+|around\s+)?$/i;
// "fell by 50,000 units, or 6%": the same change as a percentage.
const OR_PERCENT = /^\s*,?\s*or\s+(?:about\s+|some\s+|roughly\s+|nearly\s+|around\s+)?$/i;
// "shrank 97.5 pct at Mitsubishi Motors, 50.2 pct at Honda and 34.7 pct at Subaru": one change, listed by company.
const CHANGE_LIST = /^\s*(?:at|for|in)\s+[^,;]{1,50},\s*(?:and\s+)?$|^\s*(?:at|for|in)\s+[^,;]{1,50}\s+and\s+$/i;
const LEVEL_AFTER_CHANGE =
  /^\s*,?\s*(?:(?:year[- ]over[- ]year|year[- ]on[- ]year|on[- ]year|from a year earlier|y\/y|YoY)\s+)?to\s+(?:a\s+(?:record\s+)?|about\s+|some\s+|roughly\s+|nearly\s+|around\s+)?$/i;
// "… ¥515 billion, up 7%", "3.8 billion euros ($4.46 billion) in the quarter ended June 30, down 29%".
const CHANGE_AFTER_LEVEL = /^\s*(?:\([^)]*\)\s*)?[^.;,]{0,45},\s*(?:up|down)\s+(?:by\s+)?(?:about\s+|some\s+|nearly\s+|almost\s+)?$/i;
// "48.3 trillion won in revenue and 3.6 trillion won in operating profit": the second names its own metric.
const OWN_METRIC_AFTER =
  /^\s*(?:\([^)]*\)\s*)?(?:(?:in|of)\s+(?:its\s+)?(?:net|operating|adjusted|revenue|sales|profit|income|earnings|EBIT|tariff|duty|duties|levies)|in\s+['‘"“](?!the\b|fiscal\b|this\b|next\b|last\b|its\b|a\b)[a-z])/i;
// "$1.33 billion, or $1.35 per share": a figure whose own noun names another metric is not an ellipsis of the one before.
const OWN_NOUN = new RegExp(String.raw`^\s*(?:${PER_SHARE}|a share|per vehicle|per unit)\b`, "i");
const FORECAST_WORD = /\b(?:forecast|guidance|outlook|previously|expected|projected|estimate)\b/i;

function claimsOf(s: Sentence, published: string, ctx: Context): Draft[] {
  const figures = findFigures(s.text);
  const periods = findPeriods(s.text);
  // A heading neither carries a time frame in nor sets one: "Toyota cuts full-year forecast" is about the text below it.
  // A subhead of the same story ("Model Y changeover hits production") names no other company and periods, and the
  // story's time frame runs on under it.
  if (s.heading && !subhead(s, periods, ctx)) {
    ctx.heading();
    ctx.framesBefore = ctx.period ? { ...ctx.frames, period: ctx.period } : {};
    ctx.period = undefined;
    ctx.frames = {};
    ctx.statement = undefined;
  }
  const frame = ctx.period;
  const own = periods.filter((p) => !p.resolve.relative && !p.comparison && !p.resolve.inherit);
  const mentions = ctx.within(s.start, s.start + s.text.length).map((m) => ({ ...m, start: m.start - s.start, end: m.end - s.start }));
  const drafts = figures.length ? figureDrafts(s, figures, periods, own, frame, published, mentions, ctx) : [];
  // "its first loss since the company went public in 2022": a year things are counted since frames no figure after it.
  const last = own.filter((p) => !p.since).at(-1);
  // The frame is a company's: "a 25% US import tariff" is the country's rate, and the half it names is still Honda's.
  const stated = drafts.map((d) => (d.subject ? companyOfId(d.subject, ctx)?.id : undefined)).find((id) => id !== undefined);
  if (last && !s.heading) {
    ctx.advanceTo(s.start + s.text.length);
    const company = stated ?? ctx.lastCompany?.id;
    ctx.period = { mention: last, company };
    const fyStart = (company ? ctx.dictionary.get(company)?.fiscalYearStart : undefined) ?? 1;
    for (const p of own) ctx.frames[grainOf(p.resolve(fyStart, published))] = { mention: p, company };
  }
  // "Kia's Operating Profit Declines 49% in Q3" above "Kia's sales increased 8.2% during the same period": a headline's
  // period is what a later "the same period" can point back to, though it frames nothing by itself.
  if (last && s.heading) ctx.framesBefore = { ...ctx.framesBefore, period: { mention: last, company: stated } };
  return drafts;
}

/** A heading inside a story, after its text began: it names no period and no company other than the one spoken of. */
function subhead(s: Sentence, periods: PeriodMention[], ctx: Context): boolean {
  if (!ctx.period || periods.length) return false;
  const named = ctx.within(s.start, s.start + s.text.length).filter((m) => ctx.companyOf(m.entity));
  return named.every((m) => ctx.companyOf(m.entity)?.id === ctx.lastCompany?.id);
}

/**
 * Whether a time frame stated for one company holds for another: "the first three months of fiscal 2025" of a roundup
 * of Japanese makers is each one's, all starting their year in April; a calendar-year company's quarter is not theirs.
 */
function sameYear(a: string, b: string, ctx: Context): boolean {
  if (a === b) return true;
  const start = (id: string) => ctx.dictionary.get(id)?.fiscalYearStart;
  return start(a) !== undefined && start(a) === start(b) && start(a) !== 1;
}

function companyOfId(id: string, ctx: Context): Entity | undefined {
  const e = ctx.dictionary.get(id);
  return e ? ctx.companyOf(e) : undefined;
}

function companyId(id: string, ctx: Context): string {
  return companyOfId(id, ctx)?.id ?? id;
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
  // "in just April and May", "between April and June": months that bound a stretch of time do not date a statement.
  const spans = [...s.text.matchAll(MONTH_SPAN)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  const dates = findDates(s.text, published).filter(
    (d) => ![...periods, ...spans].some((p) => d.start < p.end && d.end > p.start) && !figures.some((f) => d.start < f.end && d.end > f.start),
  );
  noteStatement(s.text, s.paragraph, dates, mentions, ctx);
  const choices = figures.map((f) => chooseMetric(s.text, f, figures));
  for (let i = 1; i < figures.length; i++) {
    const f = figures[i] as Figure;
    const prev = figures[i - 1] as Figure;
    const was = choices[i - 1];
    const gap = s.text.slice(prev.end, f.start);
    // "operating profit of 3.086 trillion won (12.2%↓)", Korean business style: a bracketed percentage with an arrow is
    // the change of the figure before it, its sign the arrow's.
    const arrow = /^\s*([↑↓▲▼])/.exec(s.text.slice(f.end, f.end + 3));
    if (arrow && was && !was.change && f.kind === "percent" && f.unit === "%" && /^\s*\(\s*$/.test(gap)) {
      choices[i] = { metric: was.metric, change: true, sign: /[↓▼]/.test(arrow[1] ?? "") ? -1 : 1 };
      continue;
    }
    // An elliptical figure takes the metric of the one before it.
    if (
      prev.unit === f.unit &&
      ELLIPSIS.test(gap) &&
      was &&
      !OWN_METRIC_AFTER.test(s.text.slice(f.end, f.end + 30)) &&
      !OWN_NOUN.test(s.text.slice(f.end, f.end + 20))
    )
      choices[i] = was;
    else if (was?.change && f.kind === "percent" && f.unit === "%" && (OR_PERCENT.test(gap) || CHANGE_LIST.test(gap))) choices[i] = was;
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
  // "Domestic sales climbed 3.2% to 142,535 units", or after figures of units: "sales" is of vehicles, not money.
  const money = figures.some((f) => f.kind === "money");
  const units = figures.some((f) => f.unit === "vehicles") || ctx.sales === "volume";
  for (const [i, c] of choices.entries())
    if (c?.change && c.metric.id === "revenue" && !money && units && /\bsales\b/i.test(s.text) && (figures[i] as Figure).unit === "%")
      choices[i] = { ...c, metric: metricById("sales-volume") as NonNullable<typeof c>["metric"] };
  const metrics = choices.map((c) => (c ? (c.change ? `${c.metric.id}-change` : c.metric.id) : undefined));
  // "forecast a ¥275 billion operating loss … It estimates a ¥30 billion loss for the April-September period": a loss
  // the sentence names no further is of the kind of loss the text was just speaking of.
  const netWords = (metricById("net-loss") as NonNullable<ReturnType<typeof metricById>>).keywords;
  netWords.lastIndex = 0;
  if (!netWords.test(s.text))
    metrics.forEach((m, i) => {
      const unit = (figures[i] as Figure).unit;
      if (m === "net-loss" && ctx.lastMetricOf(unit) === "operating-loss") metrics[i] = "operating-loss";
    });
  // "a net loss of ¥42.1 billion … In the same quarter of 2024, the company reported a profit of ¥49.8 billion": a bare
  // profit after a net figure is the net one; "an operating loss of ¥46.1 billion, compared with the year-before profit
  // of ¥50.3 billion": a profit the loss is compared with is the profit of that kind.
  // "lifted its profit forecast" names no operating profit: only the word does.
  const namesOperating = /\boperating\b|\bEBIT\b|\bearnings before interest\b/i.test(s.text);
  metrics.forEach((m, i) => {
    const f = figures[i] as Figure;
    const profitOf = PROFIT_OF.test(s.text.slice(Math.max(0, f.start - 30), f.start));
    // The net figure may be earlier in the same sentence ("a net loss of ¥670.8 billion …, against the fiscal 2023 profit of …").
    const netBefore = metrics.some((x, j) => j < i && /^net-(?:loss|profit)$/.test(x ?? "") && (figures[j] as Figure).unit === f.unit);
    // "a loss before income taxes of ¥43.6 billion, compared with a profit of ¥80.1 billion": the profit of that loss's kind.
    const lossBefore = metrics.filter((x, j) => j < i && /-loss$/.test(x ?? "") && (figures[j] as Figure).unit === f.unit).at(-1);
    const counterpart = lossBefore?.replace(/-loss$/, "-profit");
    if (m === "operating-profit" && profitOf && counterpart && metricById(counterpart)) metrics[i] = counterpart;
    // "Honda's profit … slipped 24.5% … said its annual profit totaled ¥835.8 billion": the bare profit the text has
    // been reading as net stays net.
    else if (
      m === "operating-profit" &&
      !namesOperating &&
      (netBefore || /^net-/.test(ctx.lastMetricOf(f.unit) ?? "") || ctx.lastChangeMetric === "net-profit-change")
    )
      metrics[i] = "net-profit";
    else if (profitOf && (m === "operating-loss" || m === "net-loss")) metrics[i] = m.replace(/-loss$/, "-profit");
  });
  // A previous value is of its revised partner's metric ("to ¥50 billion from ¥150 billion and its net income forecast…").
  roles.forEach((r, i) => {
    if (r !== "previous") return;
    const f = figures[i] as Figure;
    const partner = [...figures.keys()].filter((j) => j < i && roles[j] !== "change" && (figures[j] as Figure).unit === f.unit).at(-1);
    if (partner !== undefined && metrics[partner]) metrics[i] = metrics[partner];
  });
  const drafts = figures.map((f, i) => {
    let metric = metrics[i];
    const role = roles[i] as Role;
    if (!metric && f.kind !== "count") metric = inheritedMetric(s, f, role, ctx);
    const want = metric ? (metricById(metric.replace(/-change$/, ""))?.subject ?? "company") : "company";
    const subject = f.conversion ? undefined : subjectOf(s.text, f, want, mentions, figures, ctx);
    const near = nearestOf(dates, f, figures, s.text, NEAR);
    const st = ctx.statement;
    const said = st && st.paragraph === s.paragraph && (!subject || st.company === companyId(subject.id, ctx)) ? st.date : undefined;
    // "On Wednesday, Trump agreed to lower … to 15 per cent": a date opening the sentence dates all of it.
    const opening = dates.find((d) => d.date.length === 10 && /^\s*(?:On|As of)\s+$/i.test(s.text.slice(0, d.start)) && /^\s*,/.test(s.text.slice(d.end)));
    const asOf = near?.date ?? opening?.date ?? said ?? published;
    const fyStart = subject ? fiscalStart(subject, ctx) : 1;
    const period = f.conversion ? undefined : periodOf(s.text, f, figures, periods, own, role, metric, subject, frame, fyStart, asOf, published, ctx);
    const basis = basisOf({ sentence: s.text, figure: f, metric, role, asOf, ...(period ? { periodEnd: periodEnd(period, fyStart) } : {}) });
    const value = choices[i]?.change && f.kind !== "rate" ? (choices[i]?.sign ?? 1) * f.value : f.value;
    const segment = f.conversion || (metric && PERIODLESS.has(metric)) ? undefined : segmentOf(s.text, f.start);
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
      ...(segment ? { segment } : {}),
      asOf,
      span: [s.start + f.start, s.start + f.end] as [number, number],
      text: s.text.slice(f.start, f.end),
      quote: s.text.trim(),
      ...(role === "previous" && !near ? { note: "earlier value; the text does not say when it was stated" } : {}),
    };
  });
  // "to 8% to 10%, down from 9% to 13% previously": the value a forecast was revised from is of its period, unless
  // the sentence dates it otherwise ("from ¥1.2 trillion in fiscal 2024").
  roles.forEach((r, i) => {
    const f = figures[i] as Figure;
    const j = [...figures.keys()].filter((k) => k < i && roles[k] === "revised" && (figures[k] as Figure).unit === f.unit).at(-1);
    const d = drafts[i];
    const partner = j === undefined ? undefined : drafts[j];
    // "It now expects a ¥450 billion hit …, compared to ¥650 billion forecast previously": a previous value with no
    // metric of its own is of its revised partner's, once the partner has one from the text before it.
    if (r === "previous" && d && partner?.metric && !d.metric) drafts[i] = { ...d, metric: partner.metric, ...(partner.basis ? { basis: partner.basis } : {}) };
    const e = drafts[i];
    if (r !== "previous" || !e || !partner?.period || e.period === partner.period) return;
    if (periods.some((p) => !p.resolve.inherit && Math.abs(p.start - f.end) <= 30)) return;
    const fyStart = partner.subject ? fiscalStart(ctx.dictionary.get(partner.subject) as Entity, ctx) : 1;
    const end = periodEnd(partner.period, fyStart);
    drafts[i] = {
      ...e,
      period: partner.period,
      ...(end ? { basis: basisOf({ sentence: s.text, figure: f, metric: e.metric, role: r, asOf: e.asOf, periodEnd: end }) ?? e.basis } : {}),
    };
  });
  return comparisons(s, figures, drafts, ctx);
}

const MOVED_TO =
  /\b(?:fell|rose|dropped|declined|increased|decreased|climbed|slumped|jumped|slid|grew|plunged|tumbled|sank|edged (?:up|down)|down|up)\b[^;]{0,50}?\bto\s+(?:a\s+(?:record\s+)?)?(?:about\s+|some\s+|roughly\s+|nearly\s+|around\s+)?$/i;
const FROM_GAP = /^\s*(?:\([^)]*\)\s*)?(?:(?:in|for|during|over) the [^,;.\d]{0,40}?\s)?from\s+$/i;
const CONSENSUS =
  /\banalysts?['’]?s?\b|\bconsensus\b|\bLSEG\b|\bSmartEstimate\b|\bStreetAccount\b|\bFactSet\b|\bVisible Alpha\b|\bpoll(?:ed)?\b|\bsurvey(?:ed)?\b|\bWall Street(?:['’]s)? (?:estimates?|expectations?)/i;
// "missing the 1 million forecast": a comparison with a figure that the words after it call a forecast.
const BEAT_BARE = /\b(?:above|below|beat\w*|exceed\w*|top(?:s|ped|ping)?|miss\w*|short of)\s+(?:the\s+|an?\s+)?$/i;
const CALLED_FORECAST = /^\s*(?:[\w-]+\s+)?(?:forecast|estimate|expectation|projection|consensus)s?\b/i;
const BEAT_PROJECTED =
  /\b(?:above|below|beat(?:ing)?|exceed(?:ed|ing)?|topp(?:ed|ing)|miss(?:ed|ing)|short of|narrower than|wider than|better than|worse than|ahead of)\s+(?:the\s+|an?\s+)?(?:average\s+)?(?:projected|expected|estimated|forecast)\s+$/i;
const BOUNDARY = /,\s|;\s|\s(?:and|while|but|whereas)\s|\s[-–—]\s|[—–]/g;
// "earnings of $2.53 per share exceeded analyst expectations of $2.44": what follows a comparison is the other figure's.
const COMPARISON = /\b(?:above|below|beat\w*|exceed\w*|top(?:s|ped|ping)?|miss\w*|short of|narrower|wider|compared|compares|versus|vs)\b/i;

/**
 * What a figure is compared with. "fell 24.1% to 2.76 trillion won from 3.64 trillion won" gives last year's level
 * of the same metric; "above analysts' estimate of ¥310 billion" and "a ¥3.5 trillion LSEG SmartEstimate" are
 * analysts' figures of the metric and period beside them, on a `consensus` basis: not the company's figure, so they
 * neither supersede nor conflict with it.
 */
function comparisons(s: Sentence, figures: Figure[], drafts: Draft[], ctx: Context): Draft[] {
  const sentence = s.text;
  const out = drafts.map((d) => ({ ...d }));
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i] as Figure;
    const d = out[i] as Draft;
    const j = i - 1;
    const prev = figures[j];
    const p = out[j];
    if (prev && p && p.unit === d.unit && d.role === "level" && p.role === "level" && FROM_GAP.test(sentence.slice(prev.end, f.start))) {
      if (MOVED_TO.test(sentence.slice(Math.max(0, prev.start - 70), prev.start)) && p.metric && p.period) {
        out[i] = rebased(d, p.metric, yearEarlier(p.period), sentence, f, ctx);
        continue;
      }
    }
    if (!consensus(sentence, figures, i)) continue;
    // The figure estimated is the sentence's result nearest before it, not a year-earlier one compared with
    // ("EPS of $0.45 topping expectations of $0.36, with adjusted EBIT of $2.6 billion versus $2.02 billion expected").
    const results = [...out.keys()].filter((k) => k < i && out[k]?.unit === d.unit && out[k]?.role !== "change" && out[k]?.basis !== "consensus");
    const first = results[0];
    const partner = first === undefined ? undefined : results.filter((k) => out[k]?.period === out[first]?.period).at(-1);
    const q = partner !== undefined ? out[partner] : undefined;
    // "It compared with a ¥200 billion consensus": the figure estimated was the paragraph's last in the unit.
    const metric = q?.metric ?? ctx.paragraphMetric(s.paragraph, d.unit) ?? ctx.lastMetricOf(d.unit) ?? d.metric;
    const period = q?.period ?? d.period;
    const { basis: _b, period: _p, metric: _m, ...rest } = d;
    out[i] = { ...rest, ...(metric ? { metric } : {}), ...(period ? { period } : {}), role: "level", basis: "consensus" };
  }
  return out;
}

function rebased(d: Draft, metric: string, period: string, sentence: string, f: Figure, ctx: Context): Draft {
  const subject = d.subject ? ctx.dictionary.get(d.subject) : undefined;
  const fyStart = subject ? fiscalStart(subject, ctx) : 1;
  const end = periodEnd(period, fyStart);
  const basis = basisOf({ sentence, figure: f, metric, role: "level", asOf: d.asOf, ...(end ? { periodEnd: end } : {}) });
  const { basis: _b, ...rest } = d;
  return { ...rest, metric, period, ...(basis ? { basis } : {}) };
}

/** Whether the words beside a figure, up to the next clause or figure, make it an analysts' estimate. */
function consensus(sentence: string, figures: Figure[], i: number): boolean {
  const f = figures[i] as Figure;
  const from = Math.max(figures[i - 1]?.end ?? 0, f.start - 70);
  const to = Math.min(figures[i + 1]?.start ?? sentence.length, f.end + 70);
  const before = sentence.slice(from, f.start);
  const lead = before.slice(Math.max(0, ...[...before.matchAll(BOUNDARY)].map((m) => (m.index ?? 0) + m[0].length)));
  const tail = sentence.slice(f.end, to);
  const cut = Math.min(...[...tail.matchAll(BOUNDARY)].map((m) => m.index ?? 0), COMPARISON.exec(tail)?.index ?? tail.length);
  const trail = tail.slice(0, cut);
  return (
    CONSENSUS.test(lead) ||
    BEAT_PROJECTED.test(lead) ||
    BEAT_EXPECTATIONS.test(lead) ||
    CONSENSUS.test(trail) ||
    (BEAT_BARE.test(lead) && CALLED_FORECAST.test(trail)) ||
    (VERSUS.test(lead) && /^\s*expected\b/i.test(trail))
  );
}

// "exceeding Bloomberg's estimate of $43.7 billion", "topping expectations of $0.36": the figure beaten is the market's.
const BEAT_EXPECTATIONS =
  /\b(?:above|below|beat(?:ing|s)?|exceed(?:ed|ing|s)?|top(?:s|ped|ping)|miss(?:ed|ing|es)?|short of|versus|vs\.?|compared (?:with|to))\s+(?:the\s+|an?\s+)?(?:[\w.&-]+['’]s?\s+)?(?:average\s+|market\s+)?(?:expectations?|estimates?)\s+(?:of|for)\s+$/i;
// "adjusted EBIT of $2.6 billion versus $2.02 billion expected".
const VERSUS = /\b(?:versus|vs\.?|compared (?:with|to)|against)\s+$/i;

// "Ford said on Wednesday", "Toyota Motor on Thursday lowered": the day a company made the statement.
const STATED = /(?:\b(?:said|says|announced|reported|told|warned)|[A-Z][\w.&-]*)\s+(?:on\s+)?$/;

// "Honda expects a ¥650 billion hit" after a sentence on tariffs; "… make up the remaining ¥130 billion" of a breakdown.
// The words between a period and the figure of its noun phrase: " profit of ", " operating income of about ".
const NOUN_OF = /^\s+(?:[\w-]+\s+){1,3}of\s+(?:about\s+|nearly\s+|some\s+)?$/;
const PROFIT_OF = /\b(?:year-(?:before|earlier) |a |the )?profits? of\s+(?:about\s+|nearly\s+|some\s+)?$/i;
const BARE_IMPACT = /^\s*(?:burden|drag)\b/i;
const BREAKDOWN = /\b(?:the\s+)?(?:remaining|rest of|other|another)\s+$/i;
const IMPACTS = new Set(["tariff-impact", "fx-impact"]);

/**
 * The metric of a figure that names none, from the paragraph's figures before it in its
 * unit: a previous or revised value, a forecast, the rest of a breakdown; a bare "hit" only
 * takes an impact.
 */
function inheritedMetric(s: Sentence, f: Figure, role: Role, ctx: Context): string | undefined {
  const after = s.text.slice(f.end, f.end + 60);
  if (BARE_IMPACT.test(after) || IMPACT_AFTER.test(after)) return ctx.paragraphMetric(s.paragraph, f.unit, true) ?? ctx.textMetric(f.unit);
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
  // A share price's move is of a moment, not of a fiscal period.
  if (metric?.startsWith("share-price")) return undefined;
  const ref = asOf.length === 4 ? published : asOf;
  const company = subject ? companyId(subject.id, ctx) : undefined;
  const periodless = PERIODLESS.has((metric ?? "").replace(/-change$/, ""));
  const carried = frame && !periodless && (!company || !frame.company || sameYear(frame.company, company, ctx)) ? frame.mention : undefined;
  const resolve = (p: PeriodMention | undefined): string | undefined => {
    if (!p) return undefined;
    if (p.resolve.inherit) {
      // "full-year operating profit …, while raising its revenue target for the period": the period the sentence named.
      const inSentence =
        p.resolve.inherit === "period"
          ? periods.filter((q) => q.end <= p.start && !q.resolve.inherit && !q.resolve.relative && !q.comparison).at(-1)
          : undefined;
      if (inSentence) return calendarAsFiscal(inSentence.resolve(fyStart, ref), fyStart);
      const from = (p.resolve.inherit === "period" ? frame : ctx.frames[p.resolve.inherit]) ?? ctx.framesBefore[p.resolve.inherit];
      return from && (!company || !from.company || sameYear(from.company, company, ctx))
        ? calendarAsFiscal(from.mention.resolve(fyStart, ref), fyStart)
        : undefined;
    }
    return calendarAsFiscal(p.resolve(fyStart, ref), fyStart);
  };
  // "a $1.1bn hit from tariffs but confirmed its full-year forecast": a period named after a contrast is its clause's.
  const candidates = periods.filter((p) => !p.resolve.relative && !p.comparison && !(p.start >= f.end && CONTRAST.test(sentence.slice(f.end, p.start))));
  // A rate or a plan has a period only when one is named right beside it, not the sentence's time frame.
  const named = nearestOf(candidates, f, figures, sentence, NEAR);
  // "is expected to cost $1.5bn to $2bn, although the automaker expects a recovery next year": the year of the
  // concession after it is not the figure's.
  // "a 9.2% drop in revenues to £6.6 billion, after … the launch of new ranges in 2026": nor is a calendar year named
  // beyond a clause boundary after the figure.
  const sole =
    own.length === 1 &&
    !(
      own[0] &&
      own[0].start > f.end &&
      (CONCESSIVE.test(sentence.slice(f.end, own[0].start)) ||
        (/,\s/.test(sentence.slice(f.end, own[0].start)) && /^(?:in|by|during) 20\d\d$/i.test(sentence.slice(own[0].start, own[0].end))))
    );
  const stated = periodless
    ? resolve(nearestOf(candidates, f, figures, sentence, NEAR))
    : (resolve(nearestOf(candidates, f, figures, sentence, sole ? undefined : NEAR)) ??
      resolve(own.filter((p) => p.start < f.start).at(-1) ?? (sole ? own[0] : undefined)));
  // Tense checks a period the sentence does not name beside the figure; only a carried one can be the wrong year's forecast.
  const tensedBase = stated
    ? tensed(stated, sentence, f, fyStart, ref, named, false)
    : !periodless && carried
      ? tensed(resolve(carried) ?? "", sentence, f, fyStart, ref, undefined, true) || undefined
      : undefined;
  const attached = attachedPeriod(sentence, f, figures, periods);
  // "compared with a profit of ¥80 billion in the same period of last year": a figure a year back is a result.
  const back = role !== "change" && attached?.resolve.relative === true;
  const base = named && !named.resolve.inherit ? tensedBase : reported(tensedBase, sentence, f, fyStart, ref, company, ctx, resolve, back);
  if (role === "change") return base;
  // "A year earlier the automaker earned $3.06 billion": a sentence that opens a year back is of the frame's year before.
  const opening = periods.find((p) => p.resolve.relative && !p.resolve.back && p.start <= 1 && p.end <= f.start);
  if (opening && base) return yearEarlier(base);
  // "compared with the year-before profit of ¥50.3 billion": a year back named in the figure's own noun phrase.
  const before = periods.find((p) => p.resolve.relative && !p.resolve.back && ownsNextOf(sentence, p, f.start));
  if (before && base) return yearEarlier(base);
  // "a net loss for fiscal 2024, against the fiscal 2023 profit of 426.6 billion yen": the year compared with, named in
  // the figure's own noun phrase, is the figure's.
  const comparedOwn = periods.find((p) => p.comparison && !p.resolve.relative && !p.resolve.inherit && ownsNextOf(sentence, p, f.start));
  if (comparedOwn) return resolve(comparedOwn);
  if (!attached) return base;
  if (attached.resolve.relative) return base ? (attached.resolve.back === "quarter" ? quarterEarlier(base, fyStart) : yearEarlier(base)) : resolve(attached);
  return resolve(attached);
}

/** "a year earlier" in a figure's own noun phrase: "the year-before profit of ¥50.3 billion", "last year's ¥835.8 billion". */
function ownsNextOf(sentence: string, p: PeriodMention, at: number): boolean {
  const gap = sentence.slice(p.end, at);
  return p.end <= at && at - p.end <= 24 && (NOUN_OF.test(gap) || (/['’]s$/.test(sentence.slice(p.start, p.end)) && /^\s*$/.test(gap)));
}

/**
 * A comparison's period printed right after a figure ("down from ¥1.21 trillion a year earlier") is that figure's.
 * Figures between the two are allowed only as its alternates ("¥35.3 billion or ¥56.07 per share in the prior-year
 * period").
 */
function attachedPeriod(sentence: string, f: Figure, figures: Figure[], periods: PeriodMention[]): PeriodMention | undefined {
  // "tumbled 30% to 6.4 billion yuan ($895m) from a year earlier": after "to", a period after "from" is the change's base.
  const levelOfChange = /\bto\s+(?:about\s+|some\s+|roughly\s+|around\s+)?$/i.test(sentence.slice(Math.max(0, f.start - 20), f.start));
  return periods.find((p) => {
    if (!(p.resolve.relative || p.comparison) || p.since || p.start < f.end) return false;
    const gap = sentence.slice(f.end, p.start);
    const between = figures.filter((o) => o.start >= f.end && o.end <= p.start);
    return (
      p.start - (between.at(-1)?.end ?? f.end) <= 30 &&
      between.every((o) => alternate(sentence, figures, o)) &&
      !(levelOfChange && /\bfrom\s*$/i.test(gap)) &&
      // "$2.4bn, nearly triple last year's figure": a multiple of last year's is no figure of last year.
      !/\b(?:triple|double|twice|half|than)\b/i.test(gap) &&
      !figures.some((o) => o !== f && ownsNextOf(sentence, p, o.start)) &&
      // "¥500 billion by fiscal 2026 compared with fiscal 2024": the comparison is of the period named between.
      !periods.some((q) => q !== p && q.start >= f.end && q.end <= p.start)
    );
  });
}

/** A figure printed as "or" another just before it: "45.3 billion yen or 71.82 yen per basic share", "$1.39 billion and 41 cents". */
function alternate(sentence: string, figures: Figure[], o: Figure): boolean {
  const prev = figures.filter((x) => x.end <= o.start).at(-1);
  return prev !== undefined && /^\s*,?\s+(?:or|and)\s+$/.test(sentence.slice(prev.end, o.start));
}

/**
 * A result ("Net profit for the period was €957 million") cannot be of a year still running: when the frame it
 * would take is such a year (the "full-year outlook" named last), it is of the last quarter or half the text named
 * that has ended.
 */
function reported(
  period: string | undefined,
  sentence: string,
  f: Figure,
  fyStart: number,
  ref: string,
  company: string | undefined,
  ctx: Context,
  resolve: (p: PeriodMention | undefined) => string | undefined,
  back = false,
): string | undefined {
  const end = period && grainOf(period) === "year" ? periodEnd(period, fyStart) : undefined;
  const month = ref.slice(0, 7);
  // Nine months are no year still running: they are the figure's own period, named as such.
  if (!end || end <= month || period?.startsWith("9M ") || (!back && tenseOf(sentence, f) !== "past")) return period;
  // A result of a year not yet begun ("announced the $1.6 billion cost hit" after "stabilize in 2026") has none.
  const begun = startOf(end, 12) <= month;
  const [cs] = clauseAt(sentence, f.start);
  if (FORECAST_WORD.test(sentence.slice(cs, f.start))) return period;
  for (const grain of ["quarter", "half"] as const) {
    const frame = ctx.frames[grain];
    if (!frame || (company && frame.company && !sameYear(frame.company, company, ctx))) continue;
    const p = resolve(frame.mention);
    const e = p ? periodEnd(p, fyStart) : undefined;
    if (p && e && e <= month) return p;
  }
  return begun ? period : undefined;
}

/**
 * A period the sentence does not name beside the figure, checked against its tense: a forecast ("now expects")
 * cannot be of a period that has ended, so it is of the fiscal year running at the as-of date; a result ("rose
 * 18% in fourth-quarter profit") cannot be of a quarter or half not yet begun, so it is the year before's.
 */
function tensed(period: string, sentence: string, f: Figure, fyStart: number, asOf: string, named: PeriodMention | undefined, carried: boolean): string {
  const end = periodEnd(period, fyStart);
  if (!end) return period;
  const month = asOf.slice(0, 7);
  const forward = forwardLooking(sentence, f);
  if (carried && forward && end < month) return `FY${fiscalYearOf(asOf, fyStart)}`;
  const grain = grainOf(period);
  const yearless = !named || named.resolve.yearless === true;
  if (yearless && !forward && grain !== "year" && startOf(end, grain === "quarter" ? 3 : 6) > month) return yearEarlier(period);
  return period;
}

function startOf(end: string, months: number): string {
  const n = Number(end.slice(0, 4)) * 12 + Number(end.slice(5, 7)) - 1 - (months - 1);
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;
}

/** A calendar year (quarter, half) of a company whose fiscal year is the calendar year is its fiscal year (quarter, half). */
function calendarAsFiscal(period: string, fyStart: number): string {
  return fyStart === 1 ? period.replace(/^((?:Q[1-4]|H[12]|9M) )?CY(\d{4})$/, "$1FY$2") : period;
}

/** The quarter before a quarter: Q1 FY2025 → Q4 FY2024. A period that is not a quarter has none. */
function quarterEarlier(period: string, _fyStart: number): string | undefined {
  const m = /^Q([1-4]) (FY|CY)(\d{4})$/.exec(period);
  if (!m) return undefined;
  const q = Number(m[1]);
  return q > 1 ? `Q${q - 1} ${m[2]}${m[3]}` : `Q4 ${m[2]}${Number(m[3]) - 1}`;
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
    if (figures.some((o) => o !== f && o.start >= lo && o.end <= hi && !pairedWith(sentence, o, f))) continue;
    const score = distance(it, f, figures, sentence);
    if (score < bestScore) {
      bestScore = score;
      best = it;
    }
  }
  return best;
}

/** "to climb 23% to ¥675 billion", "to ¥41 billion from ¥58 billion": two figures of one statement share its period. */
function pairedWith(sentence: string, o: Figure, f: Figure): boolean {
  const [a, b] = o.start < f.start ? [o, f] : [f, o];
  return /^\s*,?\s*(?:to|from|or)\s+(?:about\s+|some\s+|roughly\s+|around\s+)?$/i.test(sentence.slice(a.end, b.start));
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
  const named = mentions.filter((m) => !m.object && ctx.companyOf(m.entity) !== undefined);
  const companies = named.filter((m) => !appositive(sentence, m, named, ctx));
  // "net profit shrank 97.5 pct at Mitsubishi Motors, 50.2 pct at Honda": the company the figure is "at".
  const at = f.kind === "percent" ? named.find((m) => m.start >= f.end && /^\s+(?:at|for)\s+(?:the\s+)?$/i.test(sentence.slice(f.end, m.start))) : undefined;
  if (at) return ctx.companyOf(at.entity);
  const before = companies.filter((m) => m.end <= f.start && !figures.some((o) => o !== f && o.start >= m.end && o.end <= f.start)).at(-1);
  if (!before) {
    // "Ford said it now expects $2 billion, up from $1.5 billion": "it" is the company this sentence named, not the last one before it.
    const earlier = companies.filter((m) => m.end <= f.start).at(-1);
    if (earlier && COREFERENCE.test(sentence.slice(earlier.end, f.start))) return ctx.companyOf(earlier.entity);
    if (!earlier && ctx.lastCompany && COREFERENCE.test(sentence.slice(0, f.start))) return ctx.lastCompany;
  }
  // "Nissan logged a net loss of ¥115.8 billion, against a net profit of ¥28.6 billion a year earlier, and Mazda …": a
  // figure compared with the one before it is of that figure's company, not of the one named next.
  const compared =
    /^[^.;]{0,40}\b(?:against|compared (?:with|to)|versus|vs\.?|down from|up from)\s+(?:a|an|the)?\s*(?:[\w-]+\s+){0,3}?(?:of\s+)?(?:about\s+)?$/i.test(
      sentence.slice(figures.filter((o) => o.end <= f.start).at(-1)?.end ?? f.start, f.start),
    );
  const last = companies.filter((m) => m.end <= f.start).at(-1);
  const pick = before ?? (compared ? last : undefined) ?? nearestOf(companies, f, figures, sentence) ?? last;
  const [cs] = clauseAt(sentence, f.start);
  const company = pick ? ctx.companyOf(pick.entity) : ctx.lastCompany;
  // "Maruti Suzuki said its consolidated net profit rose": a company named in the figure's own clause keeps it.
  return pick && pick.start >= cs ? company : consolidated(sentence, f, company, ctx);
}

/** "Consolidated profit fell about 63%" after JLR's figures: a consolidated figure is the owner's, Tata Motors'. */
function consolidated(sentence: string, f: Figure, company: Entity | undefined, ctx: Context): Entity | undefined {
  const owner = company?.org ? ctx.dictionary.get(company.org) : undefined;
  const [cs] = clauseAt(sentence, f.start);
  return owner?.kind === "company" && /\b(?:consolidated|group-wide)\b/i.test(sentence.slice(cs, f.start)) ? owner : company;
}

/**
 * "Denso, Toyota's biggest supplier, said …", "Jaguar Land Rover, owned by
 * India's Tata Motors, said …": a company named in an aside after another
 * company is not the subject.
 */
/** The rest of an aside up to its closing comma: no figure and no reporting verb ("Like Nissan, Honda said … 50%, …"). */
function aside(after: string): boolean {
  const m = /^([^,]{0,100}),/.exec(after);
  return m !== null && (m[1]?.length ?? 0) <= 70 ? true : m !== null && !/\d|\b(?:said|says|reported|posted|announced)\b/i.test(m[1] ?? "");
}

function appositive(sentence: string, m: Mention, named: Mention[], ctx: Context): boolean {
  return named.some(
    (p) =>
      p.end <= m.start &&
      ctx.companyOf(p.entity)?.id !== ctx.companyOf(m.entity)?.id &&
      /^,\s[^,]{0,70}$/.test(sentence.slice(p.end, m.start)) &&
      aside(sentence.slice(m.end, m.end + 101)),
  );
}

function fiscalStart(e: Entity, ctx: Context): number {
  return ctx.companyOf(e)?.fiscalYearStart ?? e.fiscalYearStart;
}
