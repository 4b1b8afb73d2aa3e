// Precision and recall of the extractor on the hand-annotated articles (test/articles).
// Run after a build: `npx tsc -b packages/cli && node packages/evidence/bench/accuracy.mjs`.
// "tuning set" = the articles the rules were developed on; "held out" = heldout-*.txt,
// written and annotated after the rules were frozen.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { parse as parseYaml } from "yaml";
import { addTallies, Dictionary, entitiesFromRows, extract, FIELDS, precision, recall, score } from "../dist/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, "../test/articles");
const rows = parse(readFileSync(join(here, "../../../data/evidence/entities.csv"), "utf8"), { columns: true, skip_empty_lines: true });
const dictionary = new Dictionary(entitiesFromRows(rows, "entities.csv").entities);

const perArticle = readdirSync(dir)
  .filter((f) => !f.endsWith(".annotations.yaml"))
  .sort()
  .map((name) => {
    const ann = parseYaml(readFileSync(join(dir, name.replace(/\.\w+$/, ".annotations.yaml")), "utf8"));
    const gold = ann.claims.map((c) => ({ ...c, value: Number(c.value), ...(c.asOf !== undefined ? { asOf: String(c.asOf) } : {}) }));
    const x = extract(readFileSync(join(dir, name), "utf8"), { source: name, name, dictionary, published: String(ann.published) });
    const s = score(x.claims, gold);
    return { name, figures: gold.length, extracted: x.claims.length, tallies: s.tallies, missed: s.missed.length, spurious: s.spurious.length };
  });

const pct = (x) => `${(100 * x).toFixed(1)}%`;
function table(label, list) {
  const t = addTallies(list.map((a) => a.tallies));
  console.log(`\n${label}: ${list.length} articles, ${t.value.annotated} annotated figures, ${t.value.extracted} extracted`);
  console.table(
    Object.fromEntries(
      FIELDS.map((f) => [
        f,
        { correct: t[f].correct, extracted: t[f].extracted, annotated: t[f].annotated, precision: pct(precision(t[f])), recall: pct(recall(t[f])) },
      ]),
    ),
  );
}
console.table(perArticle.map(({ name, figures, extracted, missed, spurious }) => ({ name, figures, extracted, missed, spurious })));
table("all", perArticle);
table(
  "tuning set",
  perArticle.filter((a) => !a.name.startsWith("heldout-")),
);
table(
  "held out",
  perArticle.filter((a) => a.name.startsWith("heldout-")),
);
