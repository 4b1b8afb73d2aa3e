import { describe, expect, it } from "vitest";
import { addTallies, extract, FIELDS, type Field, precision, recall, score, type Tally } from "../src/index.js";
import { type Article, articles, dictionary } from "./corpus.js";

const dict = dictionary();

function tallies(set: Article[]): Record<Field, Tally> {
  return addTallies(set.map((a) => score(extract(a.text, { source: a.name, name: a.name, dictionary: dict, published: a.published }).claims, a.gold).tallies));
}

/**
 * Floors on the hand-annotated articles (test/articles/*.annotations.yaml).
 * They sit a little below the measured figures (printed by
 * `node packages/evidence/bench/accuracy.mjs`), so a change that makes the
 * extractor read worse fails here.
 */
const FLOORS: Record<Field, [number, number]> = {
  value: [0.95, 0.95],
  unit: [0.95, 0.95],
  subject: [0.9, 0.85],
  metric: [0.9, 0.8],
  qualifier: [0.9, 0.8],
  period: [0.8, 0.55],
  asOf: [0.8, 0.8],
};

describe("accuracy on the annotated articles", () => {
  const set = articles();

  it("has the articles the note reports on: at least 7, 80 figures, one HTML and one Markdown", () => {
    expect(set.length).toBeGreaterThanOrEqual(7);
    expect(set.reduce((n, a) => n + a.gold.length, 0)).toBeGreaterThanOrEqual(80);
    expect(set.some((a) => a.name.endsWith(".html"))).toBe(true);
    expect(set.some((a) => a.name.endsWith(".md"))).toBe(true);
  });

  it.each(FIELDS)("%s: precision and recall above their floors", (field) => {
    const t = tallies(set)[field];
    const [p, r] = FLOORS[field];
    expect(precision(t)).toBeGreaterThanOrEqual(p);
    expect(recall(t)).toBeGreaterThanOrEqual(r);
  });

  it("scores a perfect extraction 1 and an empty one 0 recall", () => {
    const gold = set[0]?.gold ?? [];
    const perfect = score(
      gold.map((g, i) => ({ ...g, id: `g${i}`, source: "s", asOf: g.asOf ?? "" })),
      gold,
    );
    expect(recall(perfect.tallies.value)).toBe(1);
    expect(precision(perfect.tallies.subject)).toBe(1);
    const none = score([], gold);
    expect(recall(none.tallies.value)).toBe(0);
    expect(none.missed).toHaveLength(gold.length);
  });
});
