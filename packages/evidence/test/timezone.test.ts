import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCsv } from "@tieup/core";
import { describe, expect, it } from "vitest";
import { addTallies, type Extracted, FIELDS, score } from "../src/index.js";
import { articles, DATA } from "./corpus.js";

// Assigning process.env.TZ does not change the zone of a vitest worker thread, so
// the extractor runs in a child `node` started with TZ set, on the built package
// (npm test builds before it tests). The child reports its own UTC offset, so a
// run where the zone did not take effect fails.
const pkg = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(pkg, "dist/index.js");

const CHILD = `
import { Dictionary, entitiesFromRows, extract, findDates } from ${JSON.stringify(`file://${dist}`)};
let input = "";
for await (const chunk of process.stdin) input += chunk;
const { rows, articles, probes } = JSON.parse(input);
const dictionary = new Dictionary(entitiesFromRows(rows, "entities.csv").entities);
process.stdout.write(JSON.stringify({
  offset: 0 - new Date(Date.UTC(2025, 10, 20, 12)).getTimezoneOffset(),
  dates: probes.map(([s, p]) => findDates(s, p).map((d) => d.date)),
  claims: articles.map((a) => extract(a.text, { source: a.name, name: a.name, dictionary, published: a.published }).claims),
}));
`;

const PROBES: [string, string][] = [
  ["Nissan said on November 13 that", "2025-11-20"],
  ["On Monday, Honda said", "2025-11-20"],
  ["the talks collapsed in February", "2025-11-20"],
  ["the company said on Tuesday", "2025-05-14"],
];

interface Run {
  offset: number;
  dates: string[][];
  claims: Extracted[][];
}

function runIn(zone: string): Run {
  const input = JSON.stringify({
    rows: parseCsv(readFileSync(join(DATA, "entities.csv"), "utf8"), "entities.csv").rows,
    articles: articles().map(({ name, text, published }) => ({ name, text, published })),
    probes: PROBES,
  });
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", CHILD], { input, env: { ...process.env, TZ: zone }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`node under TZ=${zone} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout) as Run;
}

describe("dates do not depend on the machine's time zone", () => {
  it("runs on a build at least as new as the sources", () => {
    expect(existsSync(dist), "run `npx tsc -b packages/evidence` first").toBe(true);
    const built = statSync(dist).mtimeMs;
    const src = join(pkg, "src");
    const stale = readdirSync(src).filter((f) => statSync(join(src, f)).mtimeMs > statSync(join(pkg, "dist", f.replace(/\.ts$/, ".js"))).mtimeMs);
    expect(stale, `sources newer than dist/ (${built}): run \`npx tsc -b packages/evidence\``).toEqual([]);
  });

  it("gives the same dates, claims and accuracy at UTC, UTC+14 and UTC-11", { timeout: 60_000 }, () => {
    const utc = runIn("UTC");
    const kiritimati = runIn("Pacific/Kiritimati");
    const pagoPago = runIn("Pacific/Pago_Pago");
    expect([utc.offset, kiritimati.offset, pagoPago.offset]).toEqual([0, 14 * 60, -11 * 60]);
    // Published Thursday 20 November 2025: "on November 13" is that day, "On Monday" the 17th.
    expect(utc.dates).toEqual([["2025-11-13"], ["2025-11-17"], ["2025-02"], ["2025-05-13"]]);
    for (const run of [kiritimati, pagoPago]) {
      expect(run.dates).toEqual(utc.dates);
      expect(run.claims).toEqual(utc.claims);
    }
    const gold = articles().map((a) => a.gold);
    const tallies = (run: Run) => addTallies(run.claims.map((c, i) => score(c, gold[i] ?? []).tallies));
    for (const f of FIELDS) expect(tallies(kiritimati)[f]).toEqual(tallies(utc)[f]);
    expect(tallies(utc).asOf.correct).toBeGreaterThan(0);
  });
});
