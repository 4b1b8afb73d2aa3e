// Extraction speed against text size, to check that it stays linear.
// Run after a build: `npx tsc -b packages/cli && node packages/evidence/bench/speed.mjs`.
// Prints characters per second for each size and the ratio of the time per character
// of the largest to the smallest (about 1 when linear); also times the same text through
// the two stages it depends on (sentence segmentation and chrono date parsing) alone,
// and the largest text again as one line (no paragraph breaks), which must not be slower
// per character: a paragraph is cut into pieces before it is segmented; last, a line with
// no sentence end at all (the worst case, still linear).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as chrono from "chrono-node";
import { parse } from "csv-parse/sync";
import { Dictionary, entitiesFromRows, extract, sentences } from "../dist/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const rows = parse(readFileSync(join(here, "../../../data/evidence/entities.csv"), "utf8"), { columns: true, skip_empty_lines: true });
const dictionary = new Dictionary(entitiesFromRows(rows, "entities.csv").entities);
const article = readFileSync(join(here, "../test/articles/honda-may-guidance.txt"), "utf8");

const time = (f) => {
  const t0 = process.hrtime.bigint();
  const out = f();
  return [Number(process.hrtime.bigint() - t0) / 1e9, out];
};

// Warm-up: the first call compiles the regular expressions and loads chrono's data.
extract(article, { source: "warm", name: "warm.txt", dictionary, published: "2025-05-13" });
const results = [];
const oneLine = article.replace(/\s+/g, " ");
const texts = [25, 100, 400, 1600].map((copies) => ["paragraphs", `${article}\n\n`.repeat(copies)]);
texts.push(["one line", `${oneLine} `.repeat(1600)]);
// No sentence end at all: every piece is a 20,000-character "sentence" full of figures.
texts.push(["run-on line", `${oneLine.replace(/\. /g, ", ")} `.repeat(400)]);
for (const [layout, text] of texts) {
  const [s, x] = time(() => extract(text, { source: "bench", name: "bench.txt", dictionary, published: "2025-05-13" }));
  const [seg] = time(() => sentences(text).length);
  const [chr] = time(() => sentences(text).reduce((n, st) => n + chrono.parse(st.text, new Date("2025-05-13")).length, 0));
  results.push({
    layout,
    chars: text.length,
    claims: x.claims.length,
    seconds: s,
    charsPerSecond: Math.round(text.length / s),
    segmentSeconds: seg,
    chronoEverySentenceSeconds: chr,
  });
}
console.table(results);
const first = results[0];
const last = results.at(-3);
const line = results.at(-2);
const runOn = results.at(-1);
console.log(`time per character, largest / smallest: ${(last.seconds / last.chars / (first.seconds / first.chars)).toFixed(2)}`);
console.log(`extract vs chrono on every sentence (largest): ${(last.seconds / last.chronoEverySentenceSeconds).toFixed(2)}x`);
console.log(`one line vs paragraphs, time per character (largest): ${(line.seconds / line.chars / (last.seconds / last.chars)).toFixed(2)}`);
console.log(`run-on line vs paragraphs, time per character: ${(runOn.seconds / runOn.chars / (last.seconds / last.chars)).toFixed(2)}`);
