/** Where a claim comes from: one article, release or filing. */
export interface Source {
  id: string;
  title: string;
  publisher: string;
  url: string;
  /** ISO date (YYYY-MM-DD, or YYYY-MM / YYYY when only that is known). */
  published: string;
}

/** A paired value of the same figure in another unit, e.g. "90 billion yen ($0.6B)". */
export interface Alternate {
  value: number;
  unit: string;
}

/**
 * One figure about one subject: "Honda expects a ¥650 billion tariff hit this
 * fiscal year". Money is stored in base units of its currency (JPY, not
 * billions); percentages as percent (57 for 57%); counts as counts.
 */
export interface Claim {
  id: string;
  subject?: string;
  metric?: string;
  value: number;
  /** Upper end of a range ("70%-80%": value 70, high 80). */
  high?: number;
  /** Earlier value of a change ("from 17 to 10": value 10, from 17). */
  from?: number;
  /** ISO currency code, "%", "pp", "JPY/USD" or the counted noun ("jobs", "plants"). */
  unit: string;
  alternates?: Alternate[];
  /** "up to", "about", "more than", "at least", "less than", "nearly". */
  qualifier?: string;
  /** The period the figure refers to: FY2025, Q1 FY2025, H1 FY2025, CY2024. */
  period?: string;
  /** What the figure is of its metric: "level" (the default), "change", "previous" (an earlier value) or "revised". */
  role?: "level" | "change" | "previous" | "revised";
  /** "forecast" or "actual", then "gross" or "net" for tariff costs: "forecast gross". */
  basis?: string;
  /** The claim of the article's conversion line ("($1 = 144.20 yen)") that converts this figure. */
  conversion?: string;
  /** The market the figure is of, when the text names one ("us", "north-america", "domestic"): another figure than the total. */
  segment?: string;
  /** When the figure was stated (ISO date, possibly YYYY-MM or YYYY). */
  asOf: string;
  source: string;
  /** Character span [start, end) of the figure in the source's text. */
  span?: [number, number];
  /** The sentence the figure was read from, or a note of where it came from. */
  quote?: string;
  note?: string;
}

/** A claim as read from text: the claim plus the matched text. */
export interface Extracted extends Claim {
  text: string;
}

/** A problem with the input, named by where it is (file, row, column). */
export interface EvidenceIssue {
  severity: "error" | "warning";
  path: string;
  message: string;
  suggestion?: string;
}
