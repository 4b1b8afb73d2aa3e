// Precision and recall of the extractor on the hand-annotated articles, per field, and the
// timeline's false-conflict rate. Run after a build:
// `npx tsc -b packages/cli && node packages/evidence/bench/accuracy.mjs [--misses]`.
// Sets: test/articles (six tuning articles and heldout-*, the first project set) and
// test/dev-articles (issue 19's development set: invented, annotated before the extractor ran,
// then used to develop the rules — so not a held-out test) and test/check-articles (written and
// annotated after those rules, before the extractor ran on it: a small out-of-sample check).
// `--real <dir>` also scores test/real-set: real 2025 articles whose annotations are committed
// and whose texts (<dir>/<id>.txt) are kept outside the repository (see test/real-set/README.md).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { parse as parseYaml } from "yaml";
import { addTallies, conflicts, Dictionary, entitiesFromRows, extract, FIELDS, figureKey, precision, recall, score, timeline } from "../dist/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const rows = parse(readFileSync(join(here, "../../../data/evidence/entities.csv"), "utf8"), { columns: true, skip_empty_lines: true });
const dictionary = new Dictionary(entitiesFromRows(rows, "entities.csv").entities);
const showMisses = process.argv.includes("--misses");
const realAt = process.argv.indexOf("--real");
const realDir = realAt >= 0 ? process.argv[realAt + 1] : undefined;
if (realAt >= 0 && (!realDir || !existsSync(realDir))) {
  console.error(`accuracy: --real needs the directory of the real set's texts (got ${realDir ?? "nothing"}); see test/real-set/README.md`);
  process.exit(2);
}

function goldOf(claims) {
  return claims.map((c) => ({ ...c, value: Number(c.value), ...(c.asOf !== undefined ? { asOf: String(c.asOf) } : {}) }));
}

// Where the annotation's `text` is printed (its `occurrence`-th printing) in the extracted text.
function locate(text, g) {
  let at = -1;
  for (let n = 0; n < (g.occurrence ?? 1); n++) {
    at = text.indexOf(g.text, at + 1);
    if (at < 0) return g;
  }
  return { ...g, span: [at, at + g.text.length] };
}

/** The real set's batches: each article's committed annotation scored against its text outside the repo. */
function readReal(dir) {
  const setDir = join(here, "../test/real-set");
  return readdirSync(setDir)
    .filter((f) => /^batch-\d+\.yaml$/.test(f))
    .sort()
    .map((file) => {
      const batch = parseYaml(readFileSync(join(setDir, file), "utf8"));
      const list = batch.articles.flatMap((a) => {
        const path = join(dir, `${a.id}.txt`);
        if (!existsSync(path)) {
          console.error(`accuracy: ${path} is missing: rebuild it from ${a.url} (test/real-set/README.md)`);
          return [];
        }
        const x = extract(readFileSync(path, "utf8"), { source: a.id, name: `${a.id}.txt`, dictionary, published: String(a.published) });
        const unplaced = goldOf(a.claims).map((g) => locate(x.text, g));
        for (const g of unplaced) if (!g.span) console.error(`accuracy: ${a.id}: "${g.text}" is not in the text (occurrence ${g.occurrence ?? 1})`);
        const scores = score(x.claims, unplaced);
        if (showMisses) misses(a.id, scores);
        return [{ name: a.id, figures: unplaced.length, extracted: x.claims.length, claims: x.claims, scores, tallies: scores.tallies }];
      });
      return { label: `real set, batch ${batch.batch} (${file})`, list };
    });
}

function read(dir) {
  return readdirSync(dir)
    .filter((f) => !f.endsWith(".annotations.yaml"))
    .sort()
    .map((name) => {
      const ann = parseYaml(readFileSync(join(dir, name.replace(/\.\w+$/, ".annotations.yaml")), "utf8"));
      const gold = ann.claims.map((c) => ({ ...c, value: Number(c.value), ...(c.asOf !== undefined ? { asOf: String(c.asOf) } : {}) }));
      const x = extract(readFileSync(join(dir, name), "utf8"), { source: name, name, dictionary, published: String(ann.published) });
      const scores = score(x.claims, gold);
      if (showMisses) misses(name, scores);
      return { name, figures: gold.length, extracted: x.claims.length, claims: x.claims, scores, tallies: scores.tallies };
    });
}

function misses(name, s) {
  for (const [g, c] of s.pairs)
    for (const f of FIELDS.slice(1))
      if ((g[f] !== undefined || (f === "period" && c[f] !== undefined)) && String(g[f]) !== String(c[f]))
        console.log(`${name}: ${g.text ?? g.value} ${f}: want ${g[f]}, got ${c[f]}`);
  for (const g of s.missed) console.log(`${name}: missed ${g.text ?? g.value}`);
  for (const c of s.spurious) console.log(`${name}: spurious ${c.text} (${c.metric ?? "?"})`);
}

const pct = (x) => `${(100 * x).toFixed(1)}%`;
function table(label, list) {
  if (!list.length) return;
  const t = addTallies(list.map((a) => a.tallies));
  const c = conflicts(list);
  console.log(`\n${label}: ${list.length} articles, ${t.value.annotated} annotated figures, ${t.value.extracted} extracted`);
  console.table(
    Object.fromEntries(
      FIELDS.map((f) => [
        f === "unit" ? "value+unit" : f,
        { correct: t[f].correct, extracted: t[f].extracted, annotated: t[f].annotated, precision: pct(precision(t[f])), recall: pct(recall(t[f])) },
      ]),
    ),
  );
  console.log(`timeline: ${c.flagged} of ${c.claims} claims flagged as conflicts, ${c.false} false (${pct(c.false / Math.max(1, c.claims))})`);
  if (showMisses)
    for (const e of timeline(list.flatMap((a) => a.claims)).filter((x) => x.status === "conflict" || x.conflictsWith?.length))
      console.log(`conflict: ${e.claim.id} ${e.claim.text} ${figureKey(e.claim)} with ${e.conflictsWith}`);
}

const first = read(join(here, "../test/articles"));
const dev = read(join(here, "../test/dev-articles"));
const check = read(join(here, "../test/check-articles"));
console.table(
  [...first, ...dev, ...check].map(({ name, figures, extracted, scores }) => ({
    name,
    figures,
    extracted,
    missed: scores.missed.length,
    spurious: scores.spurious.length,
  })),
);
table("first set, all", first);
table(
  "first set, tuning",
  first.filter((a) => !a.name.startsWith("heldout-")),
);
table(
  "first set, held out",
  first.filter((a) => a.name.startsWith("heldout-")),
);
table("development set (issue 19)", dev);
table("check article (annotated after the rules were developed)", check);
if (realDir)
  for (const { label, list } of readReal(realDir)) {
    console.table(
      list.map(({ name, figures, extracted, scores }) => ({ name, figures, extracted, missed: scores.missed.length, spurious: scores.spurious.length })),
    );
    table(label, list);
  }
