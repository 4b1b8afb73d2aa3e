import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extract, sentences, toPlainText } from "../src/index.js";
import { MAX_SENTENCE_CHARS } from "../src/sentences.js";
import { articles, dictionary } from "./corpus.js";

const dict = dictionary();
const run = (text: string, name: string) => extract(text, { source: "x", name, dictionary: dict, published: "2025-05-13" });

// No timing assertion (bench/speed.mjs measures speed): these texts took minutes when a
// paragraph went to Intl.Segmenter whole (a 576,000-character one 15.7 s), and must now
// finish inside the timeout, set above vitest's 5 s because 2 shared cores can be busy.
describe("long paragraphs", { timeout: 30_000 }, () => {
  const article = (articles().find((a) => a.name === "honda-may-guidance.txt")?.text ?? "").replace(/\s+/g, " ");
  const once = run(article, "x.txt").claims.map((c) => [c.value, c.unit]);

  it("a 1,000,000-character single line is read whole, every copy's figures found", () => {
    const copies = Math.ceil(1_000_000 / article.length);
    const text = article.repeat(copies);
    expect(text.length).toBeGreaterThanOrEqual(1_000_000);
    expect(text).not.toContain("\n");
    const x = run(text, "x.txt");
    expect(once.length).toBeGreaterThan(5);
    // Value and unit depend only on the sentence, so each copy gives the same ones.
    expect(x.claims.map((c) => [c.value, c.unit])).toEqual(Array.from({ length: copies }, () => once).flat());
  });

  it("a 400,000-character line with no sentence end is cut into clauses and still read", () => {
    const runOn = article.replace(/\. /g, ", ");
    const text = runOn.repeat(Math.ceil(400_000 / runOn.length));
    const s = sentences(text);
    expect(Math.max(...s.map((x) => x.text.length))).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    // Cut after a comma or a space: no clause of the run-on line starts mid-word.
    expect(s.slice(1).filter((x) => /\w/.test(text[x.start - 1] ?? ""))).toEqual([]);
    expect(run(text, "x.txt").claims.length).toBeGreaterThan(100);
  });

  it("an HTML page too big for Readability keeps its paragraphs", () => {
    const para = `<p>${article}</p>\n`;
    const html = `<html><body><nav>Home</nav>${para.repeat(Math.ceil(1_600_000 / para.length))}</body></html>`;
    const plain = toPlainText(html, "html", "x.html");
    expect(plain.text.split("\n\n").filter((p) => p.trim()).length).toBeGreaterThan(100);
    expect(run(html, "x.html").claims.length).toBeGreaterThan(100);
  });

  it("sentences of a paragraph of any length tile it exactly, none longer than the limit", () => {
    const word = fc.constantFrom("Honda", "said", "¥650", "billion", "profit.", "U.S.", "fell", "5%", "line\nbreak", "x".repeat(300));
    fc.assert(
      fc.property(fc.array(word, { minLength: 100, maxLength: 400 }), fc.integer({ min: 1, max: 120 }), (words, times) => {
        const text = Array.from({ length: times }, () => words.join(" ")).join(" ");
        const s = sentences(text);
        expect(s.map((x) => x.text).join("")).toBe(text);
        for (const x of s) expect(text.slice(x.start, x.start + x.text.length)).toBe(x.text);
        expect(s.every((x) => x.text.length <= MAX_SENTENCE_CHARS)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});
