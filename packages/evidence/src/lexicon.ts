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
  /** A share of a whole ("hybrids made up 20% of sales"), never the base of a change: "EV sales rose 20%" is of sales. */
  levelsOnly?: boolean;
  keywords: RegExp;
  /** Words that name the metric only loosely ("profit" for operating profit): they count at 1.6 times their distance. */
  weak?: RegExp;
  /** What the subject of such a figure usually is. */
  subject: "company" | "plant" | "place";
  /** Distance multiplier: below 1 for metrics that, once named, outweigh a general one nearby. */
  weight?: number;
}

const TARIFF = "(?:tariff|duty|duties|levy|levies|import tax(?:es)?)";
const BLOW = "(?:impact|hit|costs?|burden|blow|drag|toll|bill|charge)";

/** How a per-share figure is named ("$2.53 per share", "56.07 yen per basic share"). */
export const PER_SHARE = String.raw`per (?:basic |diluted )?share`;

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
    kinds: ["money", "percent"],
    keywords: /\b(offset|mitigat\w*|recoup\w*|countermeasures?)\b/gi,
    subject: "company",
  },
  {
    id: "fx-impact",
    label: "exchange-rate impact on operating profit",
    kinds: ["money"],
    keywords:
      /\b(?:currency|exchange[- ]rate|forex|FX|foreign[- ]exchange)[- ](?:impact|hit|effects?|headwinds?|losses?|movements?|swings?)|\b(?:stronger|firmer|strong|weaker) (?:yen|won|euro|dollar)\b|\byen'?s? (?:strength|appreciation|rise)/gi,
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
  {
    id: "material-cost-impact",
    label: "raw-material cost impact",
    kinds: ["money"],
    keywords:
      /\b(?:raw[- ])?materials?(?: and (?:energy|logistics|labou?r))? (?:costs?|prices?|expenses?)\b|\b(?:steel|alumini?um|copper|commodit(?:y|ies)|battery[- ]metals?|precious metals?) (?:costs?|prices?)\b/gi,
    subject: "company",
    // "tariffs … on top of rising material costs of ¥350 billion": the cost named right before the figure wins over the tariff.
    weight: 0.6,
  },
  {
    id: "impairment",
    label: "impairment or write-down",
    kinds: ["money"],
    keywords: /\b(?:impairments?|write-?(?:downs?|offs?))(?: (?:charges?|losses?|costs?))?\b|\b(?:writ(?:e|es|ten|ing)|wrote) (?:down|off)\b/gi,
    subject: "company",
  },
  {
    id: "warranty-cost",
    label: "warranty and recall costs",
    kinds: ["money"],
    keywords: /\bwarrant(?:y|ies)\b|\brecall[- ](?:related )?(?:costs?|expenses?|provisions?)\b/gi,
    subject: "company",
  },
  {
    id: "one-off-costs",
    label: "one-off charges (restructuring, programme cancellations, recalls)",
    kinds: ["money"],
    keywords:
      /\b(?:pre-?(?:net )?tax (?:net )?charges?|one-(?:off|time) (?:costs?|charges?|expenses?|losses?)|restructuring (?:charges?|costs?|losses?)|(?:net )?charges? (?:of|for|related to|linked to)|loss(?:es)? on (?:its |the |their )?(?:[\w-]+ ){0,2}(?:holding|stake|investment|shares|sale|disposal)s?|recalls?|special (?:charges?|items))\b/gi,
    subject: "company",
  },
  {
    id: "net-loss",
    label: "net loss",
    kinds: ["money"],
    keywords: /\bnet loss\b|(?<!operating )\bloss of\b|\bin the red\b|\blost\b|\b(?:first[- ]half|half-year|quarterly|annual|full-year) (?:net )?loss\b/gi,
    // "a €2.3 billion loss": a loss with no other word is the bottom line.
    weak: /(?<!operating )\bloss(?:es)?\b/gi,
    subject: "company",
  },
  {
    id: "net-profit",
    label: "net profit",
    kinds: ["money"],
    keywords: /\bnet (?:profits?|income)\b|\bprofit attributable\b/gi,
    // "GM earned $1.33 billion, or $1.35 per share": what a company earned is its bottom line.
    weak: /\bearned\b/gi,
    subject: "company",
  },
  { id: "operating-loss", label: "operating loss", kinds: ["money"], keywords: /\boperating loss\b/gi, subject: "company" },
  {
    id: "adjusted-operating-profit",
    label: "adjusted operating profit (adjusted EBIT)",
    kinds: ["money"],
    // "operating profit excluding items affecting comparability" (Volvo Cars' adjusted measure), "before one-offs".
    keywords:
      /\badjusted (?:operating (?:profit|income)|EBIT)\b|\bEBIT[- ]adjusted\b|\bEBIT\b|\boperating (?:profit|income|earnings),? (?:before|excluding|excl\.?) (?:items affecting comparability|one-offs|one-time items|special items)\b/gi,
    subject: "company",
  },
  {
    id: "ordinary-profit",
    label: "ordinary (recurring) profit",
    kinds: ["money"],
    keywords: /\bordinary (?:profit|income)\b|\brecurring profit\b/gi,
    subject: "company",
  },
  // Profit before income taxes: after financial items, unlike operating profit; not Japan's ordinary profit.
  {
    id: "pretax-profit",
    label: "profit before tax",
    kinds: ["money"],
    keywords: /\bpre-?tax (?:profits?|income|earnings)\b|\b(?:profits?|income|earnings) before (?:income )?tax(?:es|ation)?\b|\bEBT\b/gi,
    subject: "company",
  },
  {
    id: "pretax-loss",
    label: "loss before tax",
    kinds: ["money"],
    keywords: /\bpre-?tax loss(?:es)?\b|\bloss(?:es)? before (?:income )?tax(?:es|ation)?\b/gi,
    subject: "company",
  },
  { id: "gross-profit", label: "gross profit", kinds: ["money"], keywords: /\bgross profits?\b/gi, subject: "company" },
  {
    id: "extraordinary-losses",
    label: "extraordinary losses",
    kinds: ["money"],
    keywords: /\bextraordinary (?:losses|loss|charges)\b/gi,
    subject: "company",
  },
  {
    id: "working-capital-impact",
    label: "working-capital effect on cash flow",
    kinds: ["money"],
    keywords: /\bworking[- ]capital\b/gi,
    subject: "company",
    weight: 0.5,
  },
  {
    id: "free-cash-flow",
    label: "free cash flow",
    kinds: ["money"],
    keywords: /\b(?:free|adjusted) cash flows?\b|\bFCF\b/gi,
    subject: "company",
  },
  {
    id: "dividend",
    label: "dividend",
    kinds: ["money"],
    keywords: /\bdividends?\b|\bpayouts?\b/gi,
    subject: "company",
    // "a dividend of ¥95 per share": the dividend, not the per-share earnings.
    weight: 0.4,
  },
  {
    id: "share-buyback",
    label: "share buyback",
    kinds: ["money", "percent"],
    keywords: /\b(?:share |stock )?buy-?backs?\b|\bbuy(?:ing)? back\b|\brepurchas\w*/gi,
    subject: "company",
    weight: 0.8,
  },
  {
    id: "earnings-per-share",
    label: "earnings per share",
    kinds: ["money"],
    keywords: new RegExp(String.raw`\b${PER_SHARE}\b|\bEPS\b`, "gi"),
    subject: "company",
    // "adjusted earnings of $2.53 per share": the share, not the earnings, says what the figure is.
    weight: 0.5,
  },
  {
    id: "ebitda",
    label: "EBITDA",
    kinds: ["money"],
    keywords: /\b(?:adjusted )?EBITDA\b/gi,
    subject: "company",
  },
  {
    id: "operating-cash-flow",
    label: "operating cash flow",
    kinds: ["money"],
    keywords: /\boperating cash flows?\b|\bcash flows? from operati\w+/gi,
    subject: "company",
  },
  {
    id: "cash-position",
    label: "cash and liquidity",
    kinds: ["money"],
    keywords:
      /\bcash (?:reserves?|piles?|position|holdings?|on hand|balances?|and (?:cash )?equivalents)\b|\b(?:net |industrial |automotive )cash\b|\bliquidity\b/gi,
    subject: "company",
  },
  {
    id: "debt",
    label: "debt and borrowing",
    kinds: ["money"],
    keywords: /\bdebts?\b|\bborrow\w*|\bbonds?\b|\bloans?\b|\bcredit lines?\b/gi,
    subject: "company",
  },
  {
    id: "rd-spending",
    label: "research and development spending",
    kinds: ["money"],
    keywords: /\b(?:research and development|R ?& ?D)(?: (?:spending|expenses?|expenditures?|costs?|budgets?|investments?|outlays?))?\b/gi,
    subject: "company",
    // "R&D spending of …": outweighs the "spend" of the investment metric.
    weight: 0.8,
  },
  {
    id: "incentives",
    label: "sales incentives and purchase credits",
    kinds: ["money"],
    keywords: /\bincentives?\b|\brebates?\b|\btax credits?\b|\bdiscounts?\b/gi,
    subject: "company",
  },
  {
    id: "price-increase",
    label: "price increase per vehicle",
    // A percentage rise of prices is a change of the average price.
    kinds: ["money"],
    levelsOnly: true,
    keywords:
      /\bprice (?:increases?|hikes?|rises?)\b|\b(?:rais|hik|lift|increas)\w* (?:its |their |the )?(?:vehicle |car |sticker |list )?prices\b|\bprices? (?:up|higher)\b/gi,
    subject: "company",
  },
  {
    id: "average-price",
    label: "average vehicle price",
    kinds: ["money"],
    keywords: /\b(?:average (?:transaction |selling |sale )?prices?|(?:new-car|vehicle|car) prices?|prices? on average)\b/gi,
    subject: "company",
  },
  {
    id: "operating-profit",
    label: "operating profit",
    kinds: ["money"],
    keywords: /\boperating (?:profit|income)\b|\bprofit forecast\b|\bearnings before interest and tax(?:es)?\b/gi,
    weak: /\b(?:profits?|earnings)\b/gi,
    subject: "company",
  },
  { id: "revenue", label: "revenue", kinds: ["money"], keywords: /\brevenues?\b|\bturnover\b|\bsales\b/gi, subject: "company" },
  {
    id: "investment",
    label: "investment",
    kinds: ["money"],
    keywords: /\binvest(?!ment grade|ors?\b)\w*|\bretool\w*|\bspen[dt]\w*|\bearmark\w*|\bproject\b/gi,
    subject: "company",
  },
  {
    id: "capex",
    label: "capital expenditure",
    kinds: ["money"],
    keywords: /\bcapital (?:expenditures?|spending|investments?|outlays?)\b|\bcapex\b/gi,
    subject: "company",
    // "plans capital spending of …": outweighs the "plans to invest" of the investment metric.
    weight: 0.8,
  },
  {
    id: "fx-assumption",
    label: "exchange-rate assumption",
    kinds: ["rate"],
    keywords: /\byen\b|\bdollar\b|\beuro\b|\bexchange rate\b/gi,
    subject: "company",
  },
  // Never named by a keyword: a conversion line "($1 = 144.20 yen)" is read as one.
  { id: "fx-conversion", label: "conversion rate of the article", kinds: [], keywords: /(?!)/g, subject: "company" },
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
    keywords:
      /\b(?:shares|stock)(?= (?:(?:in|of) (?:[\w.'’-]+ ){1,5}?)?(?:were |was |have |had )?(?:closed |ended |finished )?(?:the day |the session |trading |the morning )?(?:rose|fell|jumped|slid|dropped|gained|climb(?:s|ed)?|tumbled|surged|sank|soared|rocketed|plunged|slumped|rallied|advanced|declined|shed|lost|up|down|higher|lower))|\bshare price\b|\bstock price\b|\b(?:closed|ended|finished)(?= (?:up |down )?[\d.]+ ?(?:%|per ?cent|percent))/gi,
    subject: "company",
  },
  {
    id: "import-share",
    label: "share of sales imported",
    kinds: ["percent"],
    keywords: /\bimports?\b(?![- ](?:tariffs?|dut(?:y|ies)|lev(?:y|ies)|tax(?:es)?)\b)|\bimported\b|\bbrings? in\b/gi,
    subject: "company",
  },
  {
    id: "shareholding",
    label: "shareholding",
    kinds: ["percent"],
    keywords: /\bstakes?\b|\b(?:cross-)?shareholdings?\b|\bholdings?\b|\bshares\b|\bowns?\b/gi,
    subject: "company",
  },
  {
    id: "market-share",
    label: "market share",
    kinds: ["percent"],
    keywords: /\bmarket shares?\b|\bshare of (?:the )?(?:[\w.]+ ){0,2}market\b/gi,
    subject: "company",
  },
  {
    id: "local-production-share",
    label: "share of sales built locally",
    kinds: ["percent"],
    keywords:
      /\b(?:locally|domestically)[- ](?:built|produced|made|assembled|sourced)\b|\b(?:built|produced|made|assembled|manufactured|sourced) (?:locally|domestically|in (?:the )?(?:U\.?S\.?|United States|America|North America))\b|\b(?:make|makes|build|builds|produce|produces|assemble|assembles)\b(?=[^.;]{0,60}\bin (?:the )?(?:U\.?S\.?|United States|America|North America)\b)|\blocal(?:ly)? (?:production|content|sourcing|procurement)\b|\blocali[sz]ation\b/gi,
    subject: "company",
    levelsOnly: true,
  },
  {
    id: "hybrid-share",
    label: "share of hybrids and electrified vehicles in sales",
    kinds: ["percent"],
    keywords: /\bhybrids?\b|\belectrified\b|\bplug-ins?\b|\b(?:battery[- ])?electric (?:vehicles?|cars?|models?)\b|\bEVs?\b/gi,
    subject: "company",
    levelsOnly: true,
  },
  {
    id: "return-on-capital",
    label: "return on capital (RoCE, ROE, ROIC)",
    kinds: ["percent"],
    keywords: /\breturn on (?:capital(?: employed)?|equity|invested capital|assets)\b|\bRoCE\b|\bROE\b|\bROIC\b/gi,
    subject: "company",
  },
  {
    id: "dividend-payout-ratio",
    label: "dividend payout ratio",
    kinds: ["percent"],
    keywords: /\b(?:dividend )?payout ratio\b|\bpay out (?:\w+ ){0,3}of (?:its |their )?(?:net )?(?:profit|income|earnings)\b/gi,
    subject: "company",
  },
  // "Its gross margin, a key metric for assessing the tariff impact, dropped to 13.5%": the margin named outweighs a tariff in
  // the aside about it.
  { id: "gross-margin", label: "gross margin", kinds: ["percent"], keywords: /\bgross margins?\b/gi, subject: "company", weight: 0.3 },
  {
    id: "adjusted-profit-margin",
    label: "adjusted profit margin (adjusted return on sales)",
    kinds: ["percent"],
    keywords: /\badjusted (?:EBIT |operating |profit )?margins?\b|\badjusted return on sales\b|\bmargin (?:on|of) adjusted (?:EBIT|operating profit)\b/gi,
    subject: "company",
  },
  { id: "profit-margin", label: "profit margin", kinds: ["percent"], keywords: /\bmargins?\b|\breturn on sales\b/gi, subject: "company" },
  {
    id: "job-cuts",
    label: "job cuts",
    kinds: ["count"],
    units: ["jobs"],
    keywords: /\b(?:cut\w*|eliminat\w*|shed\w*|reduc\w*|slash\w*|trim\w*|lay(?:ing)? off|layoffs?|redundanc\w*|job losses)\b/gi,
    subject: "company",
  },
  {
    id: "job-cuts",
    label: "job cuts as a share of the workforce",
    kinds: ["percent"],
    keywords: /\b(?:workforce|staff|jobs|employees|headcount|workers|payroll)\b/gi,
    subject: "company",
    levelsOnly: true,
  },
  {
    id: "headcount",
    label: "headcount",
    kinds: ["count"],
    units: ["jobs"],
    keywords: /\bemploy\w*|\bworkforce\b|\bworkers\b|\bstaff\b|\bpeople\b|\bjobs\b/gi,
    subject: "company",
  },
  {
    id: "plant-closures",
    label: "plant closures",
    kinds: ["count"],
    units: ["plants"],
    keywords:
      /\b(?:clos(?!ed (?:up|down|at|higher|lower|[\d.]+)\b)\w*|shut\w*|shutter\w*|stop\w* (?:producing|production|making|output)|end\w* production|ceas\w* production)\b/gi,
    subject: "company",
  },
  {
    id: "plant-count",
    label: "plant count",
    kinds: ["count"],
    units: ["plants"],
    keywords: /\bplants?\b|\bfactor(?:y|ies)\b|\b(?:manufacturing|production|assembly) sites?\b/gi,
    subject: "company",
  },
  {
    id: "break-even-volume",
    label: "break-even sales volume",
    kinds: ["count"],
    units: ["vehicles"],
    keywords: /\bbreak[- ]?even\b/gi,
    subject: "company",
  },
  {
    id: "recall-volume",
    label: "vehicles recalled",
    kinds: ["count"],
    units: ["vehicles"],
    keywords: /\brecall\w*/gi,
    subject: "company",
  },
  {
    id: "inventory",
    label: "inventory",
    kinds: ["count", "money"],
    units: ["vehicles"],
    keywords: /\binventor(?:y|ies)\b|\bstockpil\w*|\bdealer stocks?\b|\bunsold\b/gi,
    subject: "company",
  },
  {
    id: "orders",
    label: "orders and backlog",
    kinds: ["count"],
    units: ["vehicles"],
    keywords: /\border(?:s|ed)\b|\bbacklog\b|\breservations\b|\bpre-?orders\b/gi,
    subject: "company",
  },
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
    // Not "the world's biggest EV producer" or "builder": what a company is, not what it made.
    keywords: /\bproduc(?!ers?\b|ts?\b)\w*|\bbuil[dt](?!ers?\b)\w*|\boutput\b|\bassembl\w*|\bmake\b|\bmade\b|\bturn(?:ed|s)? out\b|\brolled off\b/gi,
    subject: "plant",
  },
  {
    id: "exports",
    label: "vehicle exports",
    kinds: ["count"],
    units: ["vehicles"],
    keywords: /\bexport\w*/gi,
    subject: "company",
  },
  {
    id: "sales-volume",
    label: "sales volume",
    kinds: ["count"],
    units: ["vehicles"],
    keywords: /\bsold\b|\b(?:unit |volume )?sales(?: by volume| volumes?)?\b|\bsell\w*|\bdeliver(?:ies|ed|s)\b|\bshipments?\b/gi,
    subject: "company",
  },
];

const VERBS =
  "(?:fell|falls?|tank(?:ed|s)?|plummet(?:ed|s)?|soar(?:ed|s)?|dipp(?:ed)?|dips?|slipp(?:ed)?|slips?|rose|rises?|risen|fallen|grown|grows?|expand(?:ed|s)?|contract(?:ed|s)?|drop(?:ped|s)?|declin(?:ed|es?|ing)|decreas(?:ed|es?|ing)|falling|rising|dropping|sliding|climbing|gaining|jumping|tumbling|plunging|slumping|surging|sinking|growth (?:slowed|accelerated|eased|picked up|quickened) to|increas(?:ed|es?)|jump(?:ed|s)?|slump(?:ed|s)?|plunge[ds]?|surge[ds]?|grew|shr[au]nk|climb(?:ed|s)?|slid|slides?|tumbled|sank|down|up|lower|higher|gain(?:ed|s)?|growth of|increase of|rise of|decline of|drop of|fall of)";
const HEDGE = "(?:about\\s+|some\\s+|nearly\\s+|roughly\\s+|more than\\s+|almost\\s+|around\\s+|an estimated\\s+|up to\\s+|as much as\\s+)?";
// "edged up just 0.3%", "fell a further 5%", "rose a mere 1%".
const ADVERB = "(?:(?:just|only|slightly|marginally|sharply|a further|a mere|another)\\s+)?";
const MADE_UP = new RegExp(String.raw`\bma(?:de|kes?|king) up\s+${HEDGE}$`, "i");
const CHANGE_BEFORE = new RegExp(String.raw`\b(${VERBS}|edged (?:up|down|higher|lower))\s+${ADVERB}(?:by\s+)?${HEDGE}$`, "i");
// "lowered its operating profit forecast for the year through March 2026 by 21 per cent": a revision of the forecast by a percentage.
const REVISED_BY = new RegExp(
  String.raw`\b(cuts?|lower(?:ed|s)|rais(?:ed|es)|reduc(?:ed|es)|trim(?:med|s)|slash(?:ed|es)|lift(?:ed|s)|boost(?:ed|s)|upgraded|downgraded|increased|decreased|expanded|grew)\s+(?:[\w.'’-]+\s+){0,12}?by\s+${HEDGE}$`,
  "i",
);
const CHANGE_AFTER =
  /^\s*(?:(?:year[- ]on[- ]year|year[- ]over[- ]year|annual|yearly|quarterly|on-year|sequential)\s+)?(drop|fall|decline|decrease|increase|rise|jump|slump|plunge|surge|dip|gain|growth|lower|higher|down|up|cut|reduction)\b/i;
// "shipments dropped by around 109,000 units": a count is a change only with "by".
const COUNT_CHANGE_BY = new RegExp(String.raw`\b(${VERBS})\s+by\s+${HEDGE}$`, "i");
const COUNT_RAISED_BY = new RegExp(String.raw`\b(?:increas|rais|boost|lift|expand)\w*\s+(?:[\w'-]+\s+){0,6}?by\s+${HEDGE}$`, "i");
const JOBS_ADDED = new RegExp(String.raw`\b(?:add(?:s|ed|ing)?|(?:the\s+)?addition of|hir(?:e|es|ed|ing)|creat(?:e|es|ed|ing))\s+${HEDGE}$`, "i");
// Money is a change only with "by" ("fell by ¥64 billion") or when a level follows ("fell ¥64 billion to ¥211 billion").
// "cut its forecast by ¥300 billion" is a change of the forecast; "cut its fixed costs by ¥120 billion" is a cost reduction.
const MONEY_CHANGE_BY = new RegExp(
  String.raw`\b(?:(${VERBS})|(cut|lowered|raised|reduced|trimmed|slashed)\s+(?:[\w'-]+\s+){0,4}?(?:forecasts?|outlook|guidance|estimates?|projections?|targets?|profits?|income|revenues?|sales))\s+(?:[\w'-]+\s+){0,3}?by\s+(?:a further\s+)?${HEDGE}$`,
  "i",
);
const MONEY_CHANGE_BARE = new RegExp(String.raw`\b(${VERBS})\s+${HEDGE}$`, "i");
const DOWN = /^(?:fell|fall|drop|declin|decreas|slump|sink|slid|plunge|shr|slid|tumbl|sank|down|lower|cut|reduc|trim|slash|decline|tank|plummet|dip|slip)/i;
// "tariffs will cut operating profit by ¥1.4 trillion": the figure is the impact of the cause, not a change of profit.
const IMPACT_BY =
  /\b(?:cut\w*|reduc\w*|lower\w*|shav\w*|trim\w*|wip\w*|hit\w*|dent\w*|tak\w*|knock\w*|weigh\w*|eat\w*|(?:pull|drag|dragg|push|brought|bring)\w*\s+down)\s+(?:(?:into|off|on|out of)\s+)?(?:its\s+|their\s+|the\s+company's\s+)?(?:[\w'’-]+\s+){0,3}?(?:profits?|income|earnings|EBIT)(?:\s+before interest and taxes)?(?:\s+\(EBIT\))?(?:\s+(?:for|in|during) the (?:quarter|half|year|period))?\s+by\s+(?:a further\s+|an additional\s+)?(?:about\s+|some\s+|roughly\s+|around\s+|nearly\s+|up to\s+|as much as\s+)?$/i;
// "a ¥145.2 billion ($987 million) hit to its operating profit", "a 233.5-billion-yen operating profit hit", "$2 billion of the expected impact".
// "a gross impact of US$3 billion", "a hit of 786 billion won": the figure is the impact.
export const IMPACT_OF = /\b(?:impact|hit|blow|toll|burden|headwind)s?\s+of\s+(?:about\s+|some\s+|roughly\s+|around\s+|nearly\s+|up to\s+|as much as\s+)?$/i;
export const IMPACT_AFTER =
  /^\s*(?:\([^)]*\)\s*)?(?:(?:operating[- ])?(?:profit|income|earnings)[- ])?(?:hit|impact|blow|toll|drag)\b|^\s*(?:\([^)]*\)\s*)?of the (?:\w+ ){0,2}(?:impact|hit|cost|burden)\b/i;
// "tariffs pushed down margins … by two percentage points", "cut 1.25 percentage points off margins".
const MARGIN_BY =
  /\b(?:cut|reduc|lower|shav|trim|(?:pull|push|drag|dragg|brought|bring)\w*\s+down|hit|weigh\w*\s+on)\w*\s+(?:[\w'’-]+\s+){0,4}?margins?\b(?:\s+[\w'’-]+){0,5}?\s+by\s+(?:about\s+|some\s+|roughly\s+|around\s+|nearly\s+)?$/i;
const MARGIN_OFF = /^\s+(?:off|from)\s+(?:its\s+|their\s+|the\s+)?(?:[\w-]+\s+){0,2}?margins?\b/i;
// "tariffs were likely to hurt, erasing 650 billion yen ($4.4 billion) from its operating profit": what is taken out of
// a profit is the impact of the cause, not the profit.
const TAKEN_BEFORE = /\b(?:eras|wip|shav|knock|slic|strip|tak)\w*\s+(?:(?:about|some|roughly|around|nearly|an estimated|up to|as much as)\s+)?$/i;
const TAKEN_FROM =
  /^\s*(?:\([^)]*\)\s*)?(?:from|off|out of)\s+(?:its\s+|their\s+|the\s+(?:company's\s+|group's\s+)?)?(?:[\w-]+\s+){0,2}?(?:profits?|income|earnings|EBIT)\b/i;
// A fall or rise that reached the figure, with no change figure of its own ("fell by nearly a third to").
const LEVEL_VIA_VERB =
  /\b(?:fell|rose|dropped|declined|increased|decreased|climbed|slumped|jumped|slid|grew|plunged|tumbled|sank|edged (?:up|down))\b(?:\s+by)?[^,;\d$€£¥₩]{0,30}?\s+to\s+(?:a\s+(?:record\s+)?)?(?:about\s+|some\s+|roughly\s+|nearly\s+|around\s+)?$/i;
// "3.6 trillion won in operating profit": a metric named right after the figure as what it is of.
const OF_AFTER = /^\s*(?:\([^)]*\)\s*)?(?:in|of)\s+(?:its\s+|annual\s+|quarterly\s+|net\s+(?=sales|revenue))?$/i;
// The word that ends a cause clause: "… from ¥1.4 trillion as tariffs bite" names why, not what.
// "… tanks 23% on US tariffs": a headline's "on" names the cause too.
const CAUSE = /\b(?:as|amid|because of|due to|owing to|on|citing|blaming|hit by|driven by|affected by|reflecting)\s+(?:[\w.'-]+\s+){0,3}$/i;

export interface MetricChoice {
  metric: Metric;
  /** True when the figure is a change of the metric ("profit fell 58.8%"). */
  change: boolean;
  /** -1 when the change is a fall ("fell by ¥64 billion"), else 1. */
  sign: 1 | -1;
}

/**
 * The metric a figure is about: the metric whose keyword is nearest to it in
 * the sentence, among those that take its kind of figure. A keyword that is
 * separated from the figure by another figure is far less likely to be its own.
 */
export function chooseMetric(sentence: string, figure: Figure, others: readonly Figure[]): MetricChoice | undefined {
  if (figure.conversion) return { metric: metricById("fx-conversion") as Metric, change: false, sign: 1 };
  // An exchange rate ("145 yen to the dollar") names its own metric; "three yen weaker" is a change of it.
  if (figure.kind === "rate") return { metric: metricById("fx-assumption") as Metric, change: figure.move === true, sign: 1 };
  const before = sentence.slice(Math.max(0, figure.start - 120), figure.start);
  // "Its shares were down 1.8% at 32.6 euros", "shares were down 15.5% at 7:53 a.m. GMT to 34.80 euros": the price they traded at.
  if (figure.kind === "money" && figure.value < 1e5 && SHARES_AT.test(sentence.slice(Math.max(0, figure.start - 70), figure.start)))
    return { metric: metricById("share-price") as Metric, change: false, sign: 1 };
  if (figure.kind === "money" && IMPACT_BY.test(before)) {
    const cause = causeOf(sentence.slice(0, figure.start));
    if (cause) return { metric: cause, change: false, sign: 1 };
  }
  // "a 145.2 billion yen hit to its operating profit … due to tariffs": the figure is the hit, of its cause if the sentence names one.
  const near = sentence.slice(Math.max(0, figure.start - 40), figure.start);
  const after = sentence.slice(figure.end, figure.end + 60);
  // "tariffs pushed down profit margins in its auto segment by two percentage points", "cut 1.25 percentage points
  // off margins": the points a cause took off a margin are its impact, as is money "erased from" a profit.
  const taken =
    (figure.unit === "pp" && (MARGIN_BY.test(sentence.slice(Math.max(0, figure.start - 90), figure.start)) || MARGIN_OFF.test(after))) ||
    (figure.kind === "money" && TAKEN_BEFORE.test(near) && TAKEN_FROM.test(after));
  const takenBy = taken ? causeOf(sentence.slice(0, figure.start), false) : undefined;
  if (takenBy) return { metric: takenBy, change: false, sign: 1 };
  if (figure.kind === "money" && (IMPACT_AFTER.test(after) || IMPACT_OF.test(near))) {
    // Its own "yen" is the currency it is in, not a cause; "… and $1.1 billion in tariff costs" after it names the next figure's.
    const next = others.find((o) => o.start >= figure.end)?.start ?? sentence.length;
    const cause = causeOf(`${sentence.slice(0, figure.start)} ${sentence.slice(figure.end, next)}`, false);
    if (cause) return { metric: cause, change: false, sign: 1 };
    // "a $1.6 billion hit to write down EV investments": a hit of a cost named beside it is that cost.
    const cost = nearest(
      sentence.slice(0, next),
      figure,
      others,
      METRICS.filter((m) => HIT_COSTS.has(m.id)),
    );
    return cost ? { metric: cost, change: false, sign: 1 } : undefined;
  }
  const change = changeOf(sentence, figure, others);
  if (change) {
    const kinds = (figure.kind === "percent" ? METRICS : METRICS.filter((m) => fits(m, figure))).filter((m) => !m.levelsOnly);
    // "cut its operating profit forecast for the current fiscal year by 30%, citing the impact of tariffs": what was
    // cut is named between the verb and "by".
    const from = figure.kind === "percent" ? Math.max(0, figure.start - 120) : 0;
    const revised = figure.kind === "percent" ? REVISED_BY.exec(sentence.slice(from, figure.start)) : null;
    const named = revised
      ? nearest(
          sentence.slice(0, figure.start),
          figure,
          others,
          kinds.filter((m) => !m.id.startsWith("tariff-") || /tariff|dut(?:y|ies)|levies/i.test(revised[0])),
        )
      : undefined;
    const base = named ?? nearest(sentence, figure, others, kinds);
    if (base?.id === "revenue" && figure.kind === "percent" && unitSales(sentence, figure))
      return { metric: metricById("sales-volume") as Metric, change: true, sign: change };
    // "its profit declined 35 per cent": a bare profit that moved by a percentage is the bottom line reporters mean.
    if (
      base?.id === "operating-profit" &&
      figure.kind === "percent" &&
      (bareProfit(sentence.slice(Math.max(0, figure.start - 120), figure.start)) || bareProfitAfter(sentence, figure))
    )
      return { metric: metricById("net-profit") as Metric, change: true, sign: change };
    return base ? { metric: base, change: true, sign: change } : undefined;
  }
  const fitting = METRICS.filter((m) => fits(m, figure));
  // "net profit … fell by nearly a third year-on-year to €2.29 billion": the level a fall reached is of what fell.
  const verb = figure.kind === "money" ? LEVEL_VIA_VERB.exec(sentence.slice(Math.max(0, figure.start - 60), figure.start)) : null;
  if (verb) {
    const at = Math.max(0, figure.start - 60) + verb.index;
    const subject = nearest(sentence.slice(0, at), { ...figure, start: at, end: at }, others, fitting);
    if (subject) return { metric: subject, change: false, sign: 1 };
  }
  const metric = nearest(sentence, figure, others, fitting);
  return metric ? { metric, change: false, sign: 1 } : undefined;
}

// "U.S. sales rose 12.7%", "retail sales", "sales in China": sales of a market or channel are counted in vehicles, so a
// percentage change of them is of the volume; a bare "sales rose 5%" stays revenue.
const UNIT_SALES =
  /\b(?:retail|wholesale|vehicle|car|unit|global|worldwide|U\.S\.|US|American|domestic|overseas|China|Chinese|Europe(?:an)?|Korea(?:n)?|Japan(?:ese)?|Indian?|Mexic(?:o|an)|Canad(?:a|ian)|EV|hybrid)\s+sales\b|\bsales volumes?\b|\bsales\s+(?:volumes?\s+)?in\s+(?:the\s+)?(?:U\.S\.|US|United States|China|Europe|Japan|South Korea|Korea|India|North America|Mexico|Canada)\b/i;

/** Whether the "sales" nearest before a percentage (within its clause) are sales of a market or channel. */
function unitSales(sentence: string, figure: Figure): boolean {
  const before = sentence.slice(Math.max(0, figure.start - 60), figure.start);
  const clause = before.split(/[,;:]\s/).pop() ?? before;
  return UNIT_SALES.test(clause);
}

/** Whether the profit named last before a figure is a bare "profit", not operating profit or a profit forecast. */
function bareProfit(before: string): boolean {
  const last = [
    ...before.matchAll(
      /\b(?:(operating|net|pre-?tax|gross|ordinary|adjusted|core)[- ])?(?:profits?|income|earnings|EBIT)\b(\s+(?:forecast|guidance|outlook|target))?/gi,
    ),
  ].at(-1);
  return last !== undefined && !last[1] && !last[2] && /^profits?$/i.test(last[0]) && !/\boperating\b/i.test(before);
}

/** "a 7% year-on-year drop in profit": the profit the change is of, named right after it. */
function bareProfitAfter(sentence: string, figure: Figure): boolean {
  return (
    !/\boperating\b|\bEBIT\b/i.test(sentence) &&
    /^[^.;,]{0,40}?\bin (?:its |quarterly |annual |half-year )?profits?\b(?! forecast)/i.test(sentence.slice(figure.end))
  );
}

/** Whether a metric takes a figure of this kind; its units restrict only counts (inventory is in vehicles or money). */
function fits(m: Metric, figure: Figure): boolean {
  return m.kinds.includes(figure.kind) && (figure.kind !== "count" || !m.units || m.units.includes(figure.unit));
}

/** The impact metric of the cause named last before a figure: tariffs or the exchange rate. */
function causeOf(before: string, bareCurrency = true): Metric | undefined {
  let best: Metric | undefined;
  let at = -1;
  for (const id of ["tariff-impact", "fx-impact"]) {
    const m = metricById(id) as Metric;
    const words = id === "fx-impact" && bareCurrency ? new RegExp(`${m.keywords.source}|\\b(?:yen|currency|exchange rates?)\\b`, "gi") : m.keywords;
    for (const k of before.matchAll(words))
      if ((k.index ?? 0) > at) {
        at = k.index ?? 0;
        best = m;
      }
  }
  return best;
}

/** Whether a figure is a change ("fell 58.8%", "a 58.8% drop", "fell by ¥64 billion"), and its sign. */
function changeOf(sentence: string, f: Figure, figures: readonly Figure[]): 1 | -1 | undefined {
  const before = sentence.slice(Math.max(0, f.start - 40), f.start);
  const after = sentence.slice(f.end, f.end + 32);
  const sign = (word: string | undefined): 1 | -1 => (DOWN.test(word ?? "") ? -1 : 1);
  if (f.kind === "percent" && (f.unit === "%" || f.unit === "pp")) {
    // "| Revenue | $28.2B | +14% |", "(-30%)": a percentage printed with its sign is a change.
    const signed = /(?:^|[\s(|])([+\-−])$/.exec(before);
    if (signed) return signed[1] === "+" ? 1 : -1;
    // "fell to 57%" is a level; so is "made up 20% of sales", a share.
    const b = MADE_UP.test(before) ? null : CHANGE_BEFORE.exec(before);
    if (b) return sign(b[1]?.replace(/^edged /i, ""));
    const r = REVISED_BY.exec(sentence.slice(Math.max(0, f.start - 120), f.start));
    if (r) return sign(/^(?:down|lower|cut|reduc|trim|slash)/i.test(r[1] ?? "") ? "down" : "up");
    const a = CHANGE_AFTER.exec(after);
    return a ? sign(a[1]) : undefined;
  }
  if (f.kind === "count") {
    const c = COUNT_CHANGE_BY.exec(before);
    if (c) return sign(c[1]);
    // "increase F-150 production by more than 50,000 units", "the addition of 1,000 jobs": a rise of the count.
    return COUNT_RAISED_BY.test(sentence.slice(Math.max(0, f.start - 80), f.start)) || (f.unit === "jobs" && JOBS_ADDED.test(before)) ? 1 : undefined;
  }
  if (f.kind !== "money") return undefined;
  const by = MONEY_CHANGE_BY.exec(before);
  if (by) return sign(by[1] ?? by[2]);
  // "fell ¥64 billion to ¥211 billion": the first is the change, the second the level.
  const bare = MONEY_CHANGE_BARE.exec(before);
  const next = figures.find((o) => o.start >= f.end);
  if (bare && next && /^\s*,?\s*to\s+$/i.test(sentence.slice(f.end, next.start))) return sign(bare[1]);
  return undefined;
}

function nearest(sentence: string, figure: Figure, others: readonly Figure[], metrics: readonly Metric[]): Metric | undefined {
  let best: Metric | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const m of metrics) {
    const words: [RegExp, number, boolean][] = [[m.keywords, m.weight ?? 1, true]];
    if (m.weak) words.push([m.weak, 1.6 * (m.weight ?? 1), false]);
    for (const [re, weight, strong] of words)
      for (const k of sentence.matchAll(re)) {
        const s = k.index ?? 0;
        const e = s + k[0].length;
        // "before countermeasures" names what the figure excludes.
        if (NEGATED.test(sentence.slice(Math.max(0, s - 12), s))) continue;
        // "to ¥1.1 trillion from ¥1.4 trillion as tariffs bite": a cause after the figure is not its metric.
        if (s >= figure.end && CAUSE.test(sentence.slice(Math.max(figure.end, s - 40), s))) continue;
        const inside = s >= figure.start && e <= figure.end;
        if (inside && m.units === undefined) continue;
        // "… from its previous forecast of 3.2 trillion yen": another figure's "yen" is its currency, not a metric word;
        // "$1.33 billion, or $1.35 per share": a word right after another figure is that figure's noun.
        if (others.some((o) => o !== figure && ((s >= o.start && e <= o.end) || (s >= o.end && s - o.end <= 1 && o.end > figure.end)))) continue;
        // "a dividend of ¥34 per share", "liquidity of €47 billion": the name the figure is "of" outweighs a nearer word after it
        // (a loose one, "earnings of $2.53 per share", does not).
        const named =
          s >= figure.end ? OF_AFTER.test(sentence.slice(figure.end, s)) : strong && e <= figure.start && NAMED_BEFORE.test(sentence.slice(e, figure.start));
        // The figure's own noun ("seven plants") names a metric only weakly: a verb nearby says more.
        // Of two names, the longer is the more specific: "capital spending of" over "spending of".
        const score = named ? -(e - s) / 1000 : inside ? 30 : distance({ start: s, end: e }, figure, others, sentence) * weight;
        if (score < bestScore) {
          bestScore = score;
          best = m;
        }
      }
  }
  return best;
}

const SHARES_AT = /\b(?:shares|stock)\b[^;]{0,60}?\b(?:at|to)\s+$/i;

// Costs a "hit" can be of, when it names no tariff or exchange rate as its cause.
const HIT_COSTS = new Set(["impairment", "one-off-costs", "material-cost-impact", "warranty-cost"]);
const NAMED_BEFORE = new RegExp(String.raw`^\s+(?:of|totall?ing|worth)\s+${HEDGE}$`, "i");
const NEGATED = /\b(before|excluding|without|ex)\s+$/i;
/** A contrast that opens a clause ("… tariffs but confirmed its full-year forecast"): what follows is another clause's. */
export const CONTRAST = /\s(?:but|whereas|although|though)\s/i;
const CLAUSE = new RegExp(String.raw`[,;:]\s|\s[-–—]\s|${CONTRAST.source}`);

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

export function metricById(id: string): Metric | undefined {
  return METRICS.find((m) => m.id === id);
}
