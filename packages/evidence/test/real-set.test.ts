import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { METRICS, ROLES } from "../src/index.js";
import { dictionary } from "./corpus.js";

/**
 * The real-article set's committed annotations (test/real-set). The articles' texts are kept outside the
 * repository (house rule), so scoring them is a bench (`accuracy.mjs --real <dir>`); what CI can check is that
 * the annotations are well-formed: every field of the gold schema valid, citations complete, and no article
 * text copied in under the guise of a figure's printed form.
 */
const SET = join(dirname(fileURLToPath(import.meta.url)), "real-set");
const batches = readdirSync(SET)
  .filter((f) => /^batch-\d+\.yaml$/.test(f))
  .sort()
  .map((file) => ({ file, doc: parseYaml(readFileSync(join(SET, file), "utf8")) as { batch: number; articles: Article[]; newSubjects?: string[] } }));

interface Article {
  id: string;
  url: string;
  title: string;
  publisher: string;
  published: string;
  claims: Record<string, unknown>[];
}

const dict = dictionary();
/** A day of the calendar written YYYY-MM-DD (2025-02-30 is not one). */
function isDay(s: string): boolean {
  const t = /^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(`${s}T00:00:00Z`) : Number.NaN;
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}
const metrics = new Set(METRICS.flatMap((m) => [m.id, `${m.id}-change`]));
// bp: basis points; x: a multiple (net debt over EBITDA); GWh: energy storage deployed.
const UNIT = /^(?:[A-Z]{3}|[A-Z]{3}\/[A-Z]{3}|%|pp|bp|x|GWh|vehicles|units|plants|jobs|days)$/;
// 9M, 7M…: the first nine (seven…) months of the year; a year of the last century for a record a report recalls.
const PERIOD = /^(?:(?:Q[1-4]|H[12]|[1-9]M|1[01]M) )?(?:FY|CY)(?:19|20)\d\d$/;
const BASIS = /^(?:(?:forecast|actual)(?: (?:gross|net))?|consensus)$/;
const QUALIFIERS = new Set(["up to", "about", "more than", "at least", "less than", "nearly"]);
const FIELDS = new Set([
  "text",
  "occurrence",
  "value",
  "high",
  "from",
  "unit",
  "subject",
  "metric",
  "qualifier",
  "period",
  "asOf",
  "role",
  "basis",
  "conflict",
]);

/** Every problem of one claim, as "field: what is wrong"; `newSubjects`: ids the batch declares the entity list lacked when it was annotated. */
function problems(c: Record<string, unknown>, newSubjects: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const k of Object.keys(c)) if (!FIELDS.has(k)) out.push(`${k}: not a field of the gold schema`);
  // The printed form of one figure ("3.2 trillion yen"), never a sentence: the texts stay out of the repository.
  if (typeof c.text !== "string" || !/\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b/i.test(c.text) || c.text.length > 45)
    out.push("text: the figure as printed, at most 45 characters");
  if (c.occurrence !== undefined && !(Number.isInteger(c.occurrence) && (c.occurrence as number) >= 1)) out.push("occurrence: a whole number from 1");
  for (const k of ["value", "high", "from"]) if (c[k] !== undefined && !Number.isFinite(Number(c[k]))) out.push(`${k}: a number`);
  if (typeof c.unit !== "string" || !UNIT.test(c.unit)) out.push("unit: an ISO currency, a rate, %, pp or a counted noun");
  // A subject the entity list lacked is allowed when its batch declares it (the extractor cannot name it: an honest miss).
  if (c.subject !== undefined && !dict.get(String(c.subject)) && !newSubjects.includes(String(c.subject)))
    out.push(`subject: ${c.subject} is not in data/evidence/entities.csv`);
  // A metric the lexicon lacks is allowed (the gold says what the figure is; the extractor may not know it): kebab-case.
  if (typeof c.metric !== "string" || !(metrics.has(c.metric) || /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(c.metric)))
    out.push(`metric: ${c.metric} is not a metric id`);
  if (c.qualifier !== undefined && !QUALIFIERS.has(String(c.qualifier))) out.push("qualifier: one of the six");
  if (c.period !== undefined && !PERIOD.test(String(c.period))) out.push("period: FY2025, Q1 FY2025, H1 CY2025…");
  if (c.asOf !== undefined && !/^20\d\d-\d\d(?:-\d\d)?$/.test(String(c.asOf))) out.push("asOf: YYYY-MM-DD or YYYY-MM");
  if (c.asOf !== undefined && String(c.asOf).length === 10 && !isDay(String(c.asOf))) out.push("asOf: not a day of the calendar");
  if (!ROLES.includes(c.role as never)) out.push("role: level, change, previous or revised");
  if (c.basis !== undefined && !BASIS.test(String(c.basis))) out.push("basis: forecast|actual [gross|net], or consensus");
  return out;
}

describe("the real-article set's annotations", () => {
  const articles = batches.flatMap((b) => b.doc.articles.map((a) => ({ ...a, file: b.file, newSubjects: b.doc.newSubjects ?? [] })));

  it("has at least ten articles in its first batch, each id once across the batches", () => {
    expect(batches[0]?.doc.batch).toBe(1);
    expect(batches[0]?.doc.articles.length).toBeGreaterThanOrEqual(10);
    const ids = articles.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]\d{2}-[a-z0-9-]+$/);
  });

  // A web URL: a few stored copies of wire stories are served over plain http.
  it("cites each article: a web URL of its own, a title, a publisher and a 2025 publication day", () => {
    const urls = articles.map((a) => a.url);
    expect(new Set(urls).size).toBe(urls.length);
    for (const a of articles) {
      const url = new URL(a.url);
      expect(["https:", "http:"], a.id).toContain(url.protocol);
      expect(a.title.length, a.id).toBeGreaterThan(3);
      expect(a.publisher.length, a.id).toBeGreaterThan(1);
      const day = String(a.published);
      expect(isDay(day), `${a.id} published ${day}`).toBe(true);
      expect(day.slice(0, 4), a.id).toBe("2025");
      for (const c of a.claims) if (c.asOf !== undefined) expect(String(c.asOf) <= day, `${a.id} ${c.text} stated after publication`).toBe(true);
    }
  });

  it("gives every figure valid gold fields", () => {
    const bad = articles.flatMap((a) => a.claims.flatMap((c) => problems(c, a.newSubjects).map((p) => `${a.file} ${a.id} "${c.text}": ${p}`)));
    expect(bad).toEqual([]);
  });

  it("lists each article's text in its batch's checksum file, and nothing else", () => {
    for (const b of batches) {
      const lines = readFileSync(join(SET, b.file.replace(/\.yaml$/, ".sha256")), "utf8")
        .trim()
        .split("\n");
      const named = lines.map((l) => /^[0-9a-f]{64} {2}([a-z0-9-]+)\.txt$/.exec(l)?.[1]);
      expect(named.sort(), b.file).toEqual(b.doc.articles.map((a) => a.id).sort());
    }
  });

  it("finds the problems of a bad claim (the checks can fail)", () => {
    const bad = {
      text: "The carmaker said it expects operating profit to fall by a third",
      value: "x",
      unit: "yen",
      metric: "Operating Profit",
      role: "main",
      asOf: "2025-02-30",
      period: "2025",
    };
    expect(problems(bad).map((p) => p.split(":")[0])).toEqual(["text", "value", "unit", "metric", "period", "asOf", "role"]);
  });
});
