/** A sentence and where it starts in the text. */
export interface Sentence {
  text: string;
  start: number;
  /** Index of the paragraph the sentence is in. */
  paragraph: number;
}

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
// Sentences are segmented per paragraph, so headings and list items never run into the next line.
const PARAGRAPH = /[^\n]+(?:\n(?!\s*\n)[^\n]+)*/g;
// Abbreviations after which ICU would end a sentence but news text does not.
const ABBREVIATION = /\b(?:U\.S|U\.K|Inc|Corp|Co|Ltd|Mr|Ms|Dr|No|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\s*$/;

/** Splits text into sentences with their offsets; linear in the length of the text. */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = -1;
  for (const para of text.matchAll(PARAGRAPH)) {
    paragraph++;
    let pending: Sentence | undefined;
    for (const seg of segmenter.segment(para[0])) {
      const start = (para.index ?? 0) + seg.index;
      if (pending && ABBREVIATION.test(pending.text)) pending = { ...pending, text: pending.text + seg.segment };
      else {
        if (pending) out.push(pending);
        pending = { text: seg.segment, start, paragraph };
      }
    }
    if (pending) out.push(pending);
  }
  return out;
}
