import type { Alternate } from "./types.js";

/**
 * Figures in a sentence: money with currency and scale, percentages, counts
 * with their noun, ranges ("70%-80%"), changes ("from 17 to 10") and paired
 * currencies ("90 billion yen ($0.6B)"). Offsets are relative to the text
 * given; values are in base units (yen, not billions).
 */
export interface Figure {
  kind: "money" | "percent" | "count" | "rate";
  value: number;
  high?: number;
  from?: number;
  unit: string;
  alternates?: Alternate[];
  qualifier?: string;
  /** A conversion line, "($1 = 144.20 yen)": the rate the article converts at, not a figure of a company. */
  conversion?: boolean;
  /** A move of an exchange rate, "three yen weaker": a signed change (more yen to the dollar is positive). */
  move?: boolean;
  start: number;
  end: number;
}

interface Token {
  value: number;
  move?: boolean;
  start: number;
  end: number;
  scale?: number;
  kind?: Figure["kind"];
  unit?: string;
  word: boolean;
}

const WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
};
const WORD_ALT = Object.keys(WORDS).join("|");
// A number not glued to a preceding letter or digit (so FY2025 and Q1 are not figures),
// except a currency code: "USD2.1 billion".
const NUMBER = new RegExp(
  `(?:(?<![\\w.,])|(?<=\\b(?:USD|JPY|EUR|CAD|MXN|GBP|CNY|AUD|KRW|INR|RMB|SEK)))(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)|\\b(${WORD_ALT})(?:-(${WORD_ALT}))?\\b`,
  "gi",
);

const SCALES: Record<string, number> = {
  trillion: 1e12,
  tn: 1e12,
  t: 1e12,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  million: 1e6,
  crore: 1e7,
  lakh: 1e5,
  mn: 1e6,
  mln: 1e6,
  m: 1e6,
  thousand: 1e3,
  k: 1e3,
};
// "95.2-billion-yen": a hyphen may join the number, its scale and its currency.
const SCALE_WORD = /^(?:\s*|-)(trillion|billion|million|thousand|crore|lakh|tn|bn|mln|mn)\b/i;
// Single-letter scales only when glued to the number: "$3.4B", "20k".
const SCALE_LETTER = /^([BMKTbmk])(?![\w])/;

const SYMBOLS: Record<string, string> = {
  C$: "CAD",
  CA$: "CAD",
  US$: "USD",
  A$: "AUD",
  MX$: "MXN",
  $: "USD",
  "¥": "JPY",
  "€": "EUR",
  "£": "GBP",
  "₩": "KRW",
  "₹": "INR",
  Rs: "INR",
  "Rs.": "INR",
  RMB: "CNY",
};
const PREFIX_SYMBOL = /(C\$|CA\$|US\$|A\$|MX\$|\$|¥|€|£|₩|₹|\bRs\.?)\s?$/;
const PREFIX_CODE = /\b(USD|JPY|EUR|CAD|MXN|GBP|CNY|AUD|KRW|INR|RMB|SEK)\s?$/;
const POST_CURRENCY =
  /^(?:\s*|-)(U\.?S\.? dollars?|Canadian dollars?|Mexican pesos?|(?:South )?Korean won|Indian rupees?|Chinese yuan|Swedish (?:kronor|krona|crowns?)|kronor|krona|crowns|yen|won|rupees?|renminbi|dollars?|euros?|pounds? sterling|pesos?|yuan|USD|JPY|EUR|CAD|MXN|GBP|CNY|KRW|INR|RMB|SEK)(?![\w])/i;
const CURRENCY_WORDS: [RegExp, string][] = [
  [/^canadian/i, "CAD"],
  [/^mexican|^peso/i, "MXN"],
  [/^u\.?s\.?|^dollar/i, "USD"],
  [/^yen/i, "JPY"],
  [/^euro/i, "EUR"],
  [/^pound/i, "GBP"],
  [/^yuan|^chinese|^renminbi|^rmb/i, "CNY"],
  [/^won|^(?:south )?korean/i, "KRW"],
  [/^rupee|^indian/i, "INR"],
  // Volvo Cars reports in Swedish kronor, which English copy also calls crowns.
  [/^swedish|^kron|^crown|^sek/i, "SEK"],
];
/** The currency an exchange rate is quoted in ("145 yen per dollar" is JPY/USD). */
const RATE_BASE: Record<string, string> = { yen: "JPY", won: "KRW", yuan: "CNY", rupee: "INR", rupees: "INR", peso: "MXN", pesos: "MXN" };
const RATE = /^[\s-]*(?:(yen|won|yuan|rupees?|pesos?)\s+)?(?:to|per|against)\s+(?:the\s+|one\s+|a\s+|each\s+)?(?:U\.?S\.?\s+)?(dollar|greenback|euro)\b/i;
const RATE_QUOTE: Record<string, string> = { dollar: "USD", greenback: "USD", euro: "EUR" };
// "three yen weaker": a move of the yen, not ¥3 of anything.
const MOVE = /^\s+(yen|won)\s+(weaker|stronger|lower|higher)\b/i;
// "($1 = 144.20 yen)", "(1 euro = 160 yen)": the rate an article's conversions use.
const CONVERSION =
  /\(\s*(?:US)?(\$|€|£|1\s+(?:U\.?S\.?\s+)?(?:dollar|euro|pound))\s?1?\s*=\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(yen|won|yuan|rupees?|pesos?|euros?|dollars?|Canadian dollars?|[A-Z]{3})\s*\)/gi;
// "a sharp 70.1-percent decline": the hyphenated adjective too.
const PERCENT = /^(?:\s*|-)(%|percent\b|per cent\b|pct\b|pc\b)/i;
const POINTS = /^\s*(percentage points?|points?|pp)\b/i;

/** Counted nouns and the unit each is recorded in. */
const NOUNS: Record<string, string> = {
  job: "jobs",
  worker: "jobs",
  employee: "jobs",
  position: "jobs",
  role: "jobs",
  people: "jobs",
  plant: "plants",
  factory: "plants",
  factorie: "plants",
  vehicle: "vehicles",
  unit: "vehicles",
  car: "vehicles",
  truck: "vehicles",
  pickup: "vehicles",
  suv: "vehicles",
  model: "models",
  shift: "shifts",
  platform: "platforms",
  line: "lines",
  dealer: "dealers",
  dealership: "dealers",
  site: "plants",
  "vehicle sale": "vehicles",
  delivery: "vehicles",
  shipment: "vehicles",
};
const NOUN =
  /^\s*((?:(?!of\b|to\b|and\b|in\b|a\b|the\b|from\b|by\b|at\b|on\b|per\b|for\b|with\b|or\b)[a-z-]+\s+){0,2})(jobs?|workers?|employees?|positions?|roles?|people|plants?|factory|factories|vehicles?|units?|cars?|trucks?|pickups?|SUVs?|models?|shifts?|platforms?|lines?|dealers?|dealerships?|sites?)(?![\w])/i;
const NOUN_BEFORE =
  /\b(jobs|workers|employees|positions|plants|factories|vehicles|units|models|shifts|platforms|lines|dealers|sites|vehicle sales|deliveries|shipments)\b[^.;]{0,40}$/i;

const QUALIFIERS: [RegExp, string][] = [
  [/\b(up to|as much as|as many as|a maximum of|maximum of|max(?:imum)?)\s*$/i, "up to"],
  [/\b(more than|over|above|just over|in excess of|upwards of|exceeded|exceeding|topped)\s*$/i, "more than"],
  [/\b(at least|no less than)\s*$/i, "at least"],
  [/\b(less than|under|below|just under|fewer than)\s*$/i, "less than"],
  [/\b(nearly|almost|close to|nearing|approaching)\s*$/i, "nearly"],
  [/\b(about|around|roughly|approximately|some|an estimated|estimated|circa|approx\.?|~)\s*$/i, "about"],
];

/** Every figure of the text, in order of appearance. */
export function findFigures(text: string): Figure[] {
  const conversions = conversionsIn(text);
  const inConversion = (t: Token) => conversions.some((c) => t.start < c.end && t.end > c.start);
  // "F-150 pickups", "EV-3": a number joined to a model's letters is its name, not a figure.
  const tokens = [...text.matchAll(NUMBER)]
    .filter((m) => !/\b[A-Z]{1,3}-$/.test(text.slice(Math.max(0, (m.index ?? 0) - 4), m.index)))
    .map((m) => readToken(text, m))
    .filter((t) => !inConversion(t));
  const figures = pairCurrencies(text, mergeRanges(text, joinCompounds(text, tokens))).map((f) => ({ ...f, ...qualifierOf(text, f.start, f.end) }));
  const all = [...figures, ...conversions].sort((a, b) => a.start - b.start);
  return all.some((f) => f.kind === "rate" && !f.conversion) || RATE_CONTEXT.test(text) ? ratePairs(text, all) : all;
}

// Words that make bare yen amounts in a sentence exchange rates: "its dollar assumption of 145 yen".
const RATE_CONTEXT = /\b(?:dollar|euro) assumption|\bassumed (?:exchange )?rate|\bexchange[- ]rate assumption/i;
const QUOTE_WORD = /\b(dollar|greenback|euro)\b/gi;
const CLAUSE_END = /[;,]\s|\s[-–—]\s|\bwhile\b|\bwhereas\b/gi;

/**
 * Unscaled yen beside an exchange rate are rates too ("145 yen to the dollar,
 * compared with 135 yen in May"). Each takes the currency named before it in
 * its clause ("the euro assumption is two yen weaker at 160 yen"), else the
 * rates named earlier in the same order ("145 yen per dollar and 160 yen to
 * the euro, compared with 146 yen and 158 yen"), else the dollar.
 */
function ratePairs(text: string, figures: Figure[]): Figure[] {
  const named = figures.filter((f) => f.kind === "rate" && !f.conversion && !f.move && /\/(USD|EUR)$/.test(f.unit));
  let parallel = 0;
  return figures.map((f) => {
    const bare = f.kind === "money" && f.unit === "JPY" && f.value < 1000 && f.high === undefined;
    if (!bare && !(f.move && f.unit.endsWith("/?"))) return f;
    const base = f.unit.split("/")[0] ?? "JPY";
    const last = named.at(-1);
    const inOrder = last && last.end < f.start ? named[parallel++ % named.length]?.unit.split("/")[1] : undefined;
    const quote = quoteBefore(text, f.start) ?? inOrder ?? "USD";
    return { ...f, kind: "rate", unit: `${base}/${quote}` };
  });
}

function quoteBefore(text: string, at: number): string | undefined {
  let from = 0;
  for (const m of text.slice(0, at).matchAll(CLAUSE_END)) from = (m.index ?? 0) + m[0].length;
  const words = [...text.slice(from, at).matchAll(QUOTE_WORD)];
  const last = words.at(-1)?.[1];
  return last ? RATE_QUOTE[last.toLowerCase()] : undefined;
}

/** "($1 = 144.20 yen)" as a rate figure (JPY/USD) marked as the article's conversion rate. */
function conversionsIn(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(CONVERSION)) {
    const quote = /€|euro/i.test(m[1] ?? "") ? "EUR" : /£|pound/i.test(m[1] ?? "") ? "GBP" : "USD";
    const base = currencyOf(m[3] ?? "");
    if (base === quote) continue;
    const start = m.index ?? 0;
    out.push({ kind: "rate", value: Number((m[2] ?? "").replace(/,/g, "")), unit: `${base}/${quote}`, conversion: true, start, end: start + m[0].length });
  }
  return out;
}

function readToken(text: string, m: RegExpMatchArray): Token {
  const start = m.index ?? 0;
  let end = start + m[0].length;
  const word = m[1] === undefined;
  const value = word ? (WORDS[(m[2] ?? "").toLowerCase()] ?? 0) + (WORDS[(m[3] ?? "").toLowerCase()] ?? 0) : Number((m[1] ?? "").replace(/,/g, ""));
  const t: Token = { value, start, end, word };
  const before = text.slice(Math.max(0, start - 5), start);
  const sym = PREFIX_SYMBOL.exec(before) ?? PREFIX_CODE.exec(before);
  if (sym?.[1]) {
    t.kind = "money";
    t.unit = SYMBOLS[sym[1]] ?? sym[1];
    t.start = start - sym[0].length;
  }
  let after = text.slice(end, end + 60);
  const scale = SCALE_WORD.exec(after) ?? (!word ? SCALE_LETTER.exec(after) : null);
  if (scale?.[1]) {
    t.scale = SCALES[scale[1].toLowerCase()];
    end += scale[0].length;
    after = text.slice(end, end + 60);
  }
  const move = MOVE.exec(after);
  if (move?.[1] && t.scale === undefined) {
    // "three yen weaker": more yen to the dollar. The quote currency is settled by ratePairs.
    const sign = /weaker|higher/i.test(move[2] ?? "") ? 1 : -1;
    return { ...t, kind: "rate", unit: `${currencyOf(move[1])}/?`, value: sign * t.value, end: end + move[0].length, move: true };
  }
  // "45 cents a share": hundredths of a dollar.
  const cents = t.kind === undefined && t.scale === undefined && !word ? /^\s?cents?\b/i.exec(after) : null;
  if (cents) {
    t.end = end + cents[0].length;
    return { ...t, kind: "money", unit: "USD", scale: 0.01 };
  }
  const unit = readUnit(after, t);
  if (unit) {
    t.kind = t.kind ?? unit.kind;
    if (unit.kind === "rate" || t.unit === undefined) t.unit = unit.unit;
    if (unit.kind === "rate") t.kind = "rate";
    end += unit.length;
  }
  t.end = end;
  return t;
}

function readUnit(after: string, t: Token): { kind: Figure["kind"]; unit: string; length: number } | undefined {
  const rate = t.word ? null : RATE.exec(after);
  if (rate && (rate[1] || t.unit === "JPY")) {
    const base = rate[1] ? (RATE_BASE[rate[1].toLowerCase()] ?? "JPY") : "JPY";
    return { kind: "rate", unit: `${base}/${RATE_QUOTE[(rate[2] ?? "").toLowerCase()] ?? "USD"}`, length: rate[0].length };
  }
  const post = POST_CURRENCY.exec(after);
  // "in 2024 won praise": a year before "won" is not an amount of won.
  const currency = post?.[1] && !(/^won$/i.test(post[1]) && isYear(t)) ? post : null;
  if (t.kind === "money") return currency?.[1] ? { kind: "money", unit: t.unit ?? currencyOf(currency[1]), length: currency[0].length } : undefined;
  if (currency?.[1]) return { kind: "money", unit: currencyOf(currency[1]), length: currency[0].length };
  const pct = PERCENT.exec(after);
  if (pct) return { kind: "percent", unit: "%", length: pct[0].length };
  const pts = POINTS.exec(after);
  // "two percentage points" is a figure; "two points" in words is too often not one.
  if (pts && (!t.word || /^percentage/i.test(pts[1] ?? ""))) return { kind: "percent", unit: "pp", length: pts[0].length };
  const noun = NOUN.exec(after);
  if (noun?.[2]) return { kind: "count", unit: nounUnit(noun[2]), length: noun[0].length };
  return undefined;
}

function currencyOf(word: string): string {
  if (/^[A-Z]{3}$/.test(word)) return word;
  return CURRENCY_WORDS.find(([re]) => re.test(word))?.[1] ?? "USD";
}

function nounUnit(noun: string): string {
  const singular = noun.toLowerCase().replace(/s$/, "");
  return NOUNS[singular] ?? NOUNS[singular.replace(/ie$/, "y")] ?? singular;
}

// "by fiscal 2027" after "plants": a year, not a count of plants.
const isYear = (t: Token) => t.scale === undefined && Number.isInteger(t.value) && t.value >= 1900 && t.value <= 2100;

// "€4.1 billion" is 4,100,000,000, not the 4,099,999,999.9999995 of a binary product: printed figures have few digits.
const scaled = (t: Token) => Number((t.value * (t.scale ?? 1)).toPrecision(12));

/**
 * "10 trillion 69 billion won" is 10.069 trillion won, as Korean copy writes 10조 690억. Four digits after the trillion
 * are a count of 억 (hundred millions) carried over untranslated: "46 trillion 7,214 billion won" is 46조 7214억,
 * 46.7214 trillion won.
 */
function joinCompounds(text: string, tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i] as Token;
    const b = tokens[i + 1];
    // "10 trillion 69 billion to 10 trillion 500 billion won": the low end of a range of compounds has no unit yet.
    const [c, d] = [tokens[i + 2], tokens[i + 3]];
    const won =
      b?.kind === "money"
        ? b.unit === "KRW"
        : b !== undefined && c?.scale === 1e12 && d?.kind === "money" && d.unit === "KRW" && /^\s*(?:to|-|–)\s*$/i.test(text.slice(b.end, c.start));
    if (
      b &&
      a.scale !== undefined &&
      b.scale !== undefined &&
      a.kind === undefined &&
      !a.word &&
      won &&
      a.scale === 1e12 &&
      b.scale === 1e9 &&
      b.value < 10000 &&
      /^\s+$/.test(text.slice(a.end, b.start))
    ) {
      const rest = b.value >= 1000 ? b.value * 1e8 : b.value * 1e9;
      out.push({ ...b, start: a.start, scale: 1, value: a.value * 1e12 + rest });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** Joins "70%-80%", "250 to 300 billion yen", "between 2 and 3" and "from 17 to 10" into one figure each. */
function mergeRanges(text: string, tokens: Token[]): Figure[] {
  const out: Figure[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i] as Token;
    const b = tokens[i + 1];
    const gap = b ? text.slice(a.end, b.start) : "";
    const lead = text.slice(Math.max(0, a.start - 12), a.start);
    // Money "from ¥40 billion to ¥10 billion" is a previous and a revised value (roles.ts), not one figure's move.
    const isFrom = /\bfrom\s*$/i.test(lead) && /^\s*to\s*$/i.test(gap) && !(a.kind === "money" && b?.kind === "money");
    // "capacity to 2.5 million vehicles from 3.5 million", "sites to 10 from 17": a count's move, read as one figure.
    // (Money "to ¥3.2 trillion from ¥3.8 trillion" stays two: a revised value and the previous one.)
    const toFrom =
      b !== undefined &&
      /\bto\s*$/i.test(lead) &&
      /^\s*(?:vehicles?|units?|plants?|jobs?|sites?)?\s*from\s*$/i.test(gap) &&
      a.kind !== "money" &&
      a.kind !== "percent" &&
      b.kind !== "money" &&
      b.kind !== "percent";
    // "fell by ¥467 billion to ¥1.17 trillion" is a change and the level it reached, not a range.
    const changeThenLevel = a.kind === "money" && /^\s*to\s*$/i.test(gap) && CHANGE_LEAD.test(text.slice(Math.max(0, a.start - 40), a.start));
    // "to $6.5 billion to $7.5 billion from $7 billion to $8.5 billion": the earlier range, not a move from $7 billion.
    const previousRange = isFrom && out.at(-1)?.high !== undefined && /^[^.;\d]{0,30}\bfrom\s*$/i.test(text.slice(out.at(-1)?.end ?? 0, a.start));
    // …unless it is the earlier range of "to $6.5 billion to $7.5 billion from $7 billion to $8.5 billion".
    const afterRange = out.at(-1)?.high !== undefined && /^[^.;\d]{0,30}\bfrom\s*$/i.test(text.slice(out.at(-1)?.end ?? 0, a.start));
    const moneyMove = /\bfrom\s*$/i.test(lead) && /^\s*to\s*$/i.test(gap) && a.kind === "money" && b?.kind === "money" && !afterRange;
    const isRange =
      !changeThenLevel && !moneyMove && (/^\s*(-|–|—|to)\s*$/.test(gap) || (/\bbetween\s*$/i.test(lead) && /^\s*and\s*$/i.test(gap)) || previousRange);
    // "the year to March 2026 to ¥3.2 trillion": a bare year does not open a range.
    if (b && toFrom && compatible(a, b) && !isYear(a) && !isYear(b)) {
      const figure = toFigure({ ...a, end: a.end }, text, a.start, b.end);
      if (figure) out.push({ ...figure, value: scaled(a), from: scaled(b) });
      i++;
      continue;
    }
    if (b && ((isFrom && !previousRange) || isRange) && compatible(a, b) && !(isYear(a) && a.kind === undefined)) {
      const unit = b.unit ?? a.unit;
      const kind = b.kind ?? a.kind;
      const fromScale = a.scale ?? b.scale;
      const low = scaled({ ...a, scale: fromScale });
      const head = { ...a, scale: fromScale };
      const figure = toFigure(kind ? { ...head, kind, unit } : head, text, a.start, b.end);
      if (figure) out.push(isFrom && !previousRange ? { ...figure, value: scaled(b), from: low } : { ...figure, value: low, high: scaled(b) });
      i++;
      continue;
    }
    const f = toFigure(a, text, a.start, a.end);
    if (f) out.push(f);
  }
  return out;
}

const CHANGE_LEAD =
  /\b(?:by|fell|rose|dropped|declined|decreased|increased|jumped|slumped|plunged|surged|grew|climbed|slid|tumbled|sank|gained|shrank)\s+(?:a further\s+|about\s+|some\s+|roughly\s+|nearly\s+|around\s+|almost\s+)?$/i;

function compatible(a: Token, b: Token): boolean {
  if (a.kind && b.kind && a.kind !== b.kind) return false;
  return !(a.unit && b.unit && a.unit !== b.unit);
}

function toFigure(t: Token, text: string, start: number, end: number): Figure | undefined {
  // "the No. 2 position", "#1 brand": a rank, not a figure.
  if (/(?:\bNo\.?\s?|#)$/.test(text.slice(Math.max(0, start - 4), start))) return undefined;
  let { kind, unit } = t;
  if (!kind || !unit) {
    // "cut its plants from 17 to 10": the noun comes before the numbers.
    const back = NOUN_BEFORE.exec(text.slice(Math.max(0, start - 60), start));
    if (!back?.[1] || t.word || isYear(t) || /^\s*(%|percent)/i.test(text.slice(end, end + 10))) return undefined;
    kind = "count";
    unit = nounUnit(back[1]);
  }
  if (kind !== "money" && t.word && t.value === 1) return undefined;
  const value = kind === "percent" || kind === "rate" ? t.value : scaled(t);
  return { kind, value, unit, start, end, ...(t.move ? { move: true } : {}) };
}

/** "90 billion yen ($0.6B USD)": one figure in two currencies. */
function pairCurrencies(text: string, figures: Figure[]): Figure[] {
  const out: Figure[] = [];
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i] as Figure;
    const g = figures[i + 1];
    const gap = g ? text.slice(f.end, g.start) : "";
    if (g && f.kind === "money" && g.kind === "money" && g.unit !== f.unit && /^\s*[(,]\s*(?:or\s+|about\s+|roughly\s+|around\s+|some\s+)?$/i.test(gap)) {
      const close = /^\s*(?:USD)?\s*\)/.exec(text.slice(g.end, g.end + 8));
      out.push({ ...f, alternates: [{ value: g.value, unit: g.unit }], end: g.end + (close ? close[0].length : 0) });
      i++;
      continue;
    }
    out.push(f);
  }
  return out;
}

function qualifierOf(text: string, start: number, end: number): { qualifier?: string } {
  const before = text.slice(Math.max(0, start - 24), start);
  const hit = QUALIFIERS.find(([re]) => re.test(before));
  if (hit) return { qualifier: hit[1] };
  // "$8 billion-plus", "50,000-plus jobs".
  return /^-?plus\b/i.test(text.slice(end, end + 6)) ? { qualifier: "more than" } : {};
}
