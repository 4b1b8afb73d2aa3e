import { clauseAt } from "./document.js";

/**
 * The market a figure is of, when its clause names one: "In the United States, sales rose 4.1%", "North America
 * shipments declined by 25%", "domestic sales climbed 3.2%". A regional figure is another figure than the
 * company's total: Kia's US sales growth does not conflict with its global one.
 */
const REGIONS: [RegExp, string][] = [
  [/\bNorth America(?:n)?\b/i, "north-america"],
  [/\bSouth America(?:n)?\b|\bLatin America(?:n)?\b/i, "south-america"],
  [/\b(?:Western |Eastern )?Europe(?:an)?\b/i, "europe"],
  [
    /\b(?:the )?United States\b|\bU\.S\.(?!\s*(?:tariffs?|duties|levies|President|government|administration|import))|\bUS(?!\s*(?:tariffs?|duties|levies|President|government|administration|import))\b|\bAmerican\b/,
    "us",
  ],
  [/\bChina\b|\bChinese\b/, "china"],
  [/\bIndia\b|\bIndian\b/, "india"],
  [/\bJapan\b/, "japan"],
  [/\bdomestic(?:ally)?\b|\bhome market\b/i, "domestic"],
  [/\boverseas\b|\binternational(?:ly)?\b/i, "overseas"],
];
// The region must qualify the figure's market: "in X", "X sales", "sales in X", "X's … market", not "X-based" or a tariff's origin.
const MARKET = /\b(?:sales|shipments?|deliveries|revenues?|volumes?|market|business|operations?|region|unit)\b/i;

// A business line named in the figure's clause: Tesla's automotive revenue is not its total revenue, Ford Pro's EBIT
// not Ford's.
// A total named after a line ("…, while total revenue fell 9%") ends it (id undefined). Global flags for matchAll,
// which copies the regex, so the shared ones keep no state between calls.
const LINES: readonly (readonly [RegExp, string | undefined])[] = [
  [/\bautomotive (?:revenues?|sales|segment|business|division)\b/gi, "automotive"],
  [/\benergy (?:generation and storage )?(?:revenues?|segment|business|division)\b/gi, "energy"],
  [/\bmotorcycles? (?:segment|business|division|unit|sales|revenues?|operations?)\b/gi, "motorcycles"],
  [/\bModel e\b/g, "model-e"],
  [/\bFord Pro\b/g, "ford-pro"],
  [/\bFord Blue\b/g, "ford-blue"],
  [/\b(?:tyres?|tires?) (?:segment|business|division|unit|sales|revenues?|operations?)\b/gi, "tyres"],
  [/\bfinancial services\b/gi, "financial-services"],
  [/\bregulatory credits?\b/gi, "regulatory-credits"],
  [/\b(?:total|overall|group|consolidated)\b/gi, undefined],
];

/** The business line named last before a figure ("Automotive revenue, more specifically, plummeted by"), unless a total is. */
function lineOf(before: string): string | undefined {
  let best: { at: number; id: string | undefined } | undefined;
  for (const [re, id] of LINES) {
    const m = [...before.matchAll(re)].at(-1);
    if (m && (!best || (m.index ?? 0) > best.at)) best = { at: m.index ?? 0, id };
  }
  return best?.id;
}

export function segmentOf(sentence: string, figureStart: number): string | undefined {
  const [cs] = clauseAt(sentence, figureStart);
  // The clause's, across asides ("Automotive revenue, more specifically, plummeted by"), not past "while" or "but".
  const window = sentence.slice(Math.max(0, figureStart - 80), figureStart);
  const line = lineOf(window.split(/;\s|,\s+(?:while|whereas|but|and|as)\s/i).at(-1) ?? window);
  if (line) return line;
  // A sentence-opening "In the United States," sets the market of the clause after it.
  const lead = /^\s*(?:In|Across)\s+[^,]{2,40},\s/.exec(sentence)?.[0] ?? "";
  const scope = `${lead} ${sentence.slice(cs, figureStart)}`;
  if (!MARKET.test(scope) && !lead) return undefined;
  for (const [re, id] of REGIONS) {
    const m = re.exec(scope);
    if (!m) continue;
    const near = scope.slice(m.index, m.index + m[0].length + 40);
    const before = scope.slice(Math.max(0, m.index - 20), m.index);
    if (lead.includes(m[0]) || MARKET.test(near) || /\b(?:in|across)\s+(?:the\s+)?$/i.test(before)) return id;
  }
  return undefined;
}
