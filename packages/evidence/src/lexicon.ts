import type { Figure } from "./numbers.js";

/**
 * The metrics a figure can be about, each with the kinds of figure it takes
 * and the words that name it. Listed from specific to general: on a tie of
 * distance the earlier one wins ("break-even utilisation" over "utilisation").
 * docs/evidence.md documents this table.
 */
export interface Metric {
  id: string;
  label: string;
  kinds: readonly Figure["kind"][];
  /** Units a count must be in, when the metric takes counts. */
  units?: readonly string[];
  keywords: RegExp;
  /** What the subject of such a figure usually is. */
  subject: "company" | "plant" | "place";
  /** Distance multiplier: below 1 for metrics that, once named, outweigh a general one nearby. */
  weight?: number;
}

const TARIFF = "(?:tariff|duty|duties|levy|levies)";
const BLOW = "(?:impact|hit|costs?|burden|blow|drag|toll|bill|charge)";

export const METRICS: readonly Metric[] = [
  {
    id: "tariff-impact",
    label: "tariff impact on operating profit",
    kinds: ["money"],
    keywords: new RegExp(
      String.raw`${TARIFF}[- ](?:related )?${BLOW}|${BLOW}s? (?:from|of) (?:the |new |higher |US |U\.S\. |American )*${TARIFF}|${TARIFF}s? (?:would |will |could |to )?(?:cost|shave|wipe|weigh|reduce|eat)|\b${TARIFF}s?\b`,
      "gi",
    ),
    subject: "company",
    // "tariffs would take ¥650 billion out of operating profit": the tariff, not the profit, is the figure.
    weight: 0.5,
  },
  {
    id: "tariff-mitigation",
    label: "tariff mitigation",
    kinds: ["money"],
    keywords: /\b(offset|mitigat\w*|recoup\w*|countermeasures?)\b/gi,
    subject: "company",
  },
  {
    id: "fx-impact",
    label: "exchange-rate impact on operating profit",
    kinds: ["money"],
    keywords:
      /\b(?:currency|exchange[- ]rate|forex|FX|foreign[- ]exchange)[- ](?:impact|hit|effects?|headwinds?|losses?)|\bstronger yen\b|\byen'?s? (?:strength|appreciation|rise)/gi,
    subject: "company",
  },
  {
    id: "cost-reduction-target",
    label: "cost-reduction target",
    kinds: ["money"],
    keywords:
      /\bcost[- ](?:reduction|cuts?|savings?|cutting)|\b(?:cut|cutting|slash\w*|reduc\w*|trim\w*) (?:its |their )?(?:fixed |variable |annual )?costs\b|\bsavings\b/gi,
    subject: "company",
  },
  { id: "net-loss", label: "net loss", kinds: ["money"], keywords: /\bnet loss\b|(?<!operating )\bloss of\b|\bin the red\b|\blost\b/gi, subject: "company" },
  { id: "net-profit", label: "net profit", kinds: ["money"], keywords: /\bnet (?:profit|income)\b|\bprofit attributable\b/gi, subject: "company" },
  { id: "operating-loss", label: "operating loss", kinds: ["money"], keywords: /\boperating loss\b/gi, subject: "company" },
  {
    id: "operating-profit",
    label: "operating profit",
    kinds: ["money"],
    keywords: /\boperating (?:profit|income)\b|\bprofit forecast\b/gi,
    subject: "company",
  },
  { id: "revenue", label: "revenue", kinds: ["money"], keywords: /\brevenues?\b|\bturnover\b|\bsales\b/gi, subject: "company" },
  {
    id: "investment",
    label: "investment",
    kinds: ["money"],
    keywords: /\binvest\w*|\bcapital spending\b|\bcapex\b|\bretool\w*|\bspend\w*|\bearmark\w*|\bproject\b/gi,
    subject: "company",
  },
  { id: "fx-assumption", label: "exchange-rate assumption", kinds: ["rate"], keywords: /\byen\b|\bdollar\b|\bexchange rate\b/gi, subject: "company" },
  { id: "break-even-utilisation", label: "break-even utilisation", kinds: ["percent"], keywords: /\bbreak[- ]?even\b/gi, subject: "plant" },
  {
    id: "utilisation",
    label: "utilisation",
    kinds: ["percent"],
    keywords: /\butili[sz]ation\b|\bcapacity use\b|\boperating rate\b|\brunning at\b|\bof (?:its |their )?capacity\b|\butili[sz]ed\b/gi,
    subject: "plant",
  },
  { id: "tariff-rate", label: "tariff rate", kinds: ["percent"], keywords: new RegExp(String.raw`\b${TARIFF}s?\b|\brate\b`, "gi"), subject: "place" },
  {
    id: "share-price",
    label: "share price",
    kinds: ["percent"],
    keywords: /\b(?:shares|stock)(?= (?:rose|fell|jumped|slid|dropped|gained|climbed|tumbled|surged|sank))|\bshare price\b|\bstock price\b/gi,
    subject: "company",
  },
  { id: "import-share", label: "share of sales imported", kinds: ["percent"], keywords: /\bimports?\b|\bimported\b|\bbrings? in\b/gi, subject: "company" },
  {
    id: "shareholding",
    label: "shareholding",
    kinds: ["percent"],
    keywords: /\bstakes?\b|\b(?:cross-)?shareholdings?\b|\bholdings?\b|\bshares\b|\bowns?\b/gi,
    subject: "company",
  },
  { id: "profit-margin", label: "profit margin", kinds: ["percent"], keywords: /\bmargins?\b/gi, subject: "company" },
  {
    id: "job-cuts",
    label: "job cuts",
    kinds: ["count"],
    units: ["jobs"],
    keywords: /\b(?:cut\w*|eliminat\w*|shed\w*|reduc\w*|slash\w*|trim\w*|lay(?:ing)? off|layoffs?|redundanc\w*|job losses)\b/gi,
    subject: "company",
  },
  {
    id: "headcount",
    label: "headcount",
    kinds: ["count"],
    units: ["jobs"],
    keywords: /\bemploy\w*|\bworkforce\b|\bworkers\b|\bstaff\b|\bpeople\b|\bjobs\b/gi,
    subject: "company",
  },
  { id: "plant-closures", label: "plant closures", kinds: ["count"], units: ["plants"], keywords: /\b(?:clos\w*|shut\w*|shutter\w*)\b/gi, subject: "company" },
  { id: "plant-count", label: "plant count", kinds: ["count"], units: ["plants"], keywords: /\bplants?\b|\bfactor(?:y|ies)\b/gi, subject: "company" },
  {
    id: "capacity",
    label: "production capacity",
    kinds: ["count"],
    units: ["vehicles"],
    keywords: /\bcapacity\b|\bcan (?:build|make|produce|assemble)\b/gi,
    subject: "plant",
  },
  {
    id: "production",
    label: "production volume",
    kinds: ["count"],
    units: ["vehicles"],
    keywords: /\bproduc\w*|\bbuil[dt]\w*|\boutput\b|\bassembl\w*|\bmake\b|\bmade\b/gi,
    subject: "plant",
  },
  {
    id: "sales-volume",
    label: "sales volume",
    kinds: ["count"],
    units: ["vehicles"],
    keywords: /\bsold\b|\bsales\b|\bsell\w*|\bdeliveries\b/gi,
    subject: "company",
  },
];

const VERBS =
  "(?:fell|falls?|rose|rises?|drop(?:ped|s)?|declin(?:ed|es?)|increas(?:ed|es?)|jump(?:ed|s)?|slump(?:ed|s)?|plunge[ds]?|surge[ds]?|grew|shr[au]nk|climb(?:ed|s)?|slid|tumbled|down|up|lower|higher|gain(?:ed|s)?)";
const CHANGE_BEFORE = new RegExp(String.raw`\b${VERBS}\s+(?:by\s+)?(?:about\s+|some\s+|nearly\s+|roughly\s+|more than\s+|almost\s+|around\s+)?$`, "i");
const CHANGE_AFTER = /^\s*(?:year[- ]on[- ]year\s+)?(drop|fall|decline|increase|rise|jump|slump|plunge|gain|lower|higher|down|up|cut|reduction)\b/i;

export interface MetricChoice {
  metric: Metric;
  /** True when the figure is a change of the metric ("profit fell 58.8%"). */
  change: boolean;
}

/**
 * The metric a figure is about: the metric whose keyword is nearest to it in
 * the sentence, among those that take its kind of figure. A keyword that is
 * separated from the figure by another figure is far less likely to be its own.
 */
export function chooseMetric(sentence: string, figure: Figure, others: readonly Figure[]): MetricChoice | undefined {
  // An exchange rate ("145 yen to the dollar") names its own metric.
  if (figure.kind === "rate") return { metric: metricById("fx-assumption") as Metric, change: false };
  if (figure.kind === "percent" && figure.unit === "%" && isChange(sentence, figure)) {
    const base = nearest(sentence, figure, others, METRICS);
    return base ? { metric: base, change: true } : undefined;
  }
  const fitting = METRICS.filter((m) => m.kinds.includes(figure.kind) && (!m.units || m.units.includes(figure.unit)));
  const metric = nearest(sentence, figure, others, fitting);
  return metric ? { metric, change: false } : undefined;
}

function nearest(sentence: string, figure: Figure, others: readonly Figure[], metrics: readonly Metric[]): Metric | undefined {
  let best: Metric | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const m of metrics) {
    for (const k of sentence.matchAll(m.keywords)) {
      const s = k.index ?? 0;
      const e = s + k[0].length;
      // "before countermeasures" names what the figure excludes.
      if (NEGATED.test(sentence.slice(Math.max(0, s - 12), s))) continue;
      const inside = s >= figure.start && e <= figure.end;
      if (inside && m.units === undefined) continue;
      // The figure's own noun ("seven plants") names a metric only weakly: a verb nearby says more.
      const score = inside ? 30 : distance({ start: s, end: e }, figure, others, sentence) * (m.weight ?? 1);
      if (score < bestScore) {
        bestScore = score;
        best = m;
      }
    }
  }
  return best;
}

const NEGATED = /\b(before|excluding|without|ex)\s+$/i;
const CLAUSE = /[,;:]\s|\s[-–—]\s/;

export interface Span {
  start: number;
  end: number;
}

/**
 * How far a word (keyword, date, period) is from a figure, in characters,
 * plus penalties: across a clause boundary, or when another figure is nearer
 * to the word or lies between them (the word is then more likely that one's).
 */
export function distance(word: Span, figure: Span, figures: readonly Span[], sentence: string): number {
  const lo = Math.min(word.end, figure.end);
  const hi = Math.max(word.start, figure.start);
  const gap = word.end <= figure.start ? figure.start - word.end : word.start >= figure.end ? word.start - figure.end : 0;
  let score = gap;
  if (figures.some((o) => o !== figure && o.start >= lo && o.end <= hi)) score += 80;
  else if (figures.some((o) => o !== figure && gapOf(word, o) < gap)) score += 40;
  if (CLAUSE.test(sentence.slice(lo, hi))) score += 30;
  return score;
}

function gapOf(a: Span, b: Span): number {
  return a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0;
}

function isChange(sentence: string, f: Figure): boolean {
  const before = sentence.slice(Math.max(0, f.start - 30), f.start);
  const after = sentence.slice(f.end, f.end + 16);
  // "fell 58.8%" and "a 58.8% drop" are changes; "fell to 57%" is a level.
  return CHANGE_BEFORE.test(before) || CHANGE_AFTER.test(after);
}

export function metricById(id: string): Metric | undefined {
  return METRICS.find((m) => m.id === id);
}
