/**
 * The layout of a plain text: paragraphs (blank lines, or single line breaks
 * that are not a hard wrap) and which of them are headings. Sentences are
 * segmented per paragraph; the fiscal context of a figure is carried from
 * paragraph to paragraph and reset at a heading.
 */
export interface Paragraph {
  start: number;
  end: number;
  /** A short line without closing punctuation followed by more text: a headline or section title. */
  heading: boolean;
}

const LINE = /[^\n]*/g;
// A line that ends a sentence (or a parenthesis, a quotation) ends its paragraph at a single line break.
const CLOSED = /[.!?:;)\]"”’]\s*$/;
// A line starting in lower case, with a digit or with a currency sign continues the line before it (a hard wrap).
const CONTINUES = /^\s*[a-z0-9¥$€£₩₹,&%–—-]/;
// Hard-wrapped text fills its lines: an unclosed line this long is wrapped, not a paragraph of its own.
const WRAP_WIDTH = 60;
const MAX_HEADING = 120;

/** Paragraphs of a text in order, with their offsets; linear in the length of the text. */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let open: { start: number; end: number; lines: number; last: string } | undefined;
  const close = (next: boolean) => {
    if (!open) return;
    const line = text.slice(open.start, open.end);
    // A line opening with "(" is an aside, one opening with "|" a row of a table ("| Net Income | $892M |"): neither
    // is a heading, so the time frame a table's header row names carries into its rows.
    const heading = next && open.lines === 1 && line.length <= MAX_HEADING && !CLOSED.test(line) && /\s/.test(line.trim()) && !/^\s*[(|]/.test(line);
    out.push({ start: open.start, end: open.end, heading });
    open = undefined;
  };
  for (const m of text.matchAll(LINE)) {
    const start = m.index ?? 0;
    const line = m[0];
    if (line.length === 0 && start > 0 && text[start - 1] !== "\n") continue;
    if (!line.trim()) {
      close(true);
      continue;
    }
    if (open && !CLOSED.test(open.last) && (CONTINUES.test(line) || open.last.trimEnd().length >= WRAP_WIDTH) && !/^\s*\(/.test(line)) {
      open = { start: open.start, end: start + line.length, lines: open.lines + 1, last: line };
      continue;
    }
    close(true);
    open = { start, end: start + line.length, lines: 1, last: line };
  }
  close(false);
  // A heading is followed by text: the last paragraph never is one.
  return out.map((p, i) => (p.heading && i === out.length - 1 ? { ...p, heading: false } : p));
}

// Where a clause ends inside a sentence: a comma or semicolon before a conjunction or a new clause, a dash.
const CLAUSE_BREAK = /[;,]\s+(?=(?:and|but|while|whereas|as|after|which|with|compared|up|down|from)\b)|;\s+|\s[-–—]\s|\bwhile\b|\bwhereas\b/gi;

/** The clause of a sentence that contains an offset, as [start, end). */
export function clauseAt(sentence: string, at: number): [number, number] {
  let start = 0;
  let end = sentence.length;
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    const i = m.index ?? 0;
    if (i + m[0].length <= at) start = i + m[0].length;
    else if (i >= at) {
      end = i;
      break;
    }
  }
  return [start, end];
}
