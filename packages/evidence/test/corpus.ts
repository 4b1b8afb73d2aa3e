import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCsv } from "@tieup/core";
import { parse as parseYaml } from "yaml";
import { Dictionary, entitiesFromRows, extract, type Gold } from "../src/index.js";

const here = dirname(fileURLToPath(import.meta.url));
export const ARTICLES = join(here, "articles");
/** Issue 19's development set: invented articles, annotated before the extractor ran, then used to develop the rules. */
export const DEV_ARTICLES = join(here, "dev-articles");
export const DATA = join(here, "../../../data/evidence");

/** The entity dictionary shipped in data/evidence/entities.csv. */
export function dictionary(): Dictionary {
  const file = join(DATA, "entities.csv");
  const { entities, issues } = entitiesFromRows(parseCsv(readFileSync(file, "utf8"), file).rows, "entities.csv");
  if (issues.length) throw new Error(issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return new Dictionary(entities);
}

let shipped: Dictionary | undefined;

/** The claims extracted from one invented text published on `published`, with the shipped dictionary (built once). */
export function claimsOf(text: string, published: string) {
  shipped ??= dictionary();
  return extract(text, { source: "a", name: "a.txt", dictionary: shipped, published }).claims;
}

export interface Article {
  name: string;
  text: string;
  published: string;
  gold: Gold[];
}

/** Every test article of a set with its hand annotation. */
export function articles(dir = ARTICLES): Article[] {
  return readdirSync(dir)
    .filter((f) => !f.endsWith(".annotations.yaml"))
    .sort()
    .map((name) => {
      const ann = parseYaml(readFileSync(join(dir, name.replace(/\.\w+$/, ".annotations.yaml")), "utf8")) as { published: string; claims: Gold[] };
      const gold = ann.claims.map((c) => ({ ...c, value: Number(c.value), ...(c.asOf !== undefined ? { asOf: String(c.asOf) } : {}) }));
      return { name, text: readFileSync(join(dir, name), "utf8"), published: String(ann.published), gold };
    });
}
