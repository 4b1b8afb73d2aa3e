import { paragraphs } from "./document.js";

/** A sentence and where it starts in the text. */
export interface Sentence {
  text: string;
  start: number;
  /** Index of the paragraph the sentence is in. */
  paragraph: number;
  /** True when the sentence is a heading (a headline or section title). */
  heading: boolean;
}

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
// Sentences are segmented per paragraph (document.ts), so headings and list items never run into the next line.
// Abbreviations after which ICU would end a sentence but news text does not.
const ABBREVIATION = /\b(?:U\.S|U\.K|Inc|Corp|Co|Ltd|Mr|Ms|Dr|No|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\s*$/;

// Intl.Segmenter's time grows with the square of the string it is given: a paragraph
// longer than this is cut (at a sentence end where there is one) before it is segmented.
export const MAX_SEGMENT_CHARS = 20_000;
// Extraction weighs each figure of a sentence against the whole sentence: a run-on
// "sentence" (a file without full stops) is cut into clauses of at most this.
export const MAX_SENTENCE_CHARS = 2_000;

/** Splits text into sentences with their offsets; linear in the length of the text. */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (s: Sentence) => {
    for (const [at, piece] of cut(s.text, s.start, MAX_SENTENCE_CHARS, ["; ", ", "])) out.push({ ...s, text: piece, start: at });
  };
  let paragraph = -1;
  for (const para of paragraphs(text)) {
    paragraph++;
    const heading = para.heading;
    let pending: Sentence | undefined;
    for (const [offset, piece] of cut(text.slice(para.start, para.end), para.start, MAX_SEGMENT_CHARS, [". ", "\n"]))
      for (const seg of segmenter.segment(piece)) {
        const start = offset + seg.index;
        // Only the tail can end in an abbreviation: testing the whole would be quadratic in a run-on sentence.
        if (pending && ABBREVIATION.test(pending.text.slice(-12))) pending = { ...pending, text: pending.text + seg.segment };
        else {
          if (pending) push(pending);
          pending = { text: seg.segment, start, paragraph, heading };
        }
      }
    if (pending) push(pending);
  }
  return out;
}

/**
 * Text in pieces of at most `max` characters with their offsets, each cut just
 * after the last of `ends` in its window, else after the last space.
 */
function* cut(text: string, at: number, max: number, ends: readonly string[]): Generator<[number, string]> {
  let from = 0;
  while (text.length - from > max) {
    const window = text.slice(from, from + max);
    const end = Math.max(...ends.map((e) => window.lastIndexOf(e) + e.length));
    const space = window.lastIndexOf(" ") + 1;
    // lastIndexOf gives -1 when absent: an end at or before its own length was not found.
    const size = ends.some((e) => window.lastIndexOf(e) > 0) ? end : space > 0 ? space : max;
    yield [at + from, text.slice(from, from + size)];
    from += size;
  }
  yield [at + from, text.slice(from)];
}
