import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const articles = here("../../evidence/test/articles");
const honda = join(articles, "honda-may-guidance.txt");
const twoPlants = readFileSync(here("../../../scenarios/examples/two-plants.yaml"), "utf8");
const tmp = mkdtempSync(join(tmpdir(), "tieup-evidence-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SOURCES = "id,title,publisher,url,published\ns1,First,Paper A,https://a.example/1,2025-05-13\ns2,Second,Paper B,https://b.example/2,2025-11-07\n";
const CLAIMS =
  "id,subject,metric,value,high,from,unit,qualifier,period,as_of,source\n" +
  "cap-may,ohio,capacity,200000,,,vehicles,,FY2025,2025-05-13,s1\n" +
  "cap-nov,ohio,capacity,180000,,,vehicles,,FY2025,2025-11-07,s2\n" +
  "cap-nov-b,ohio,capacity,170000,,,vehicles,,FY2025,2025-11-07,s1\n";

/** A folder with two-plants.yaml (its Ohio capacity citing `source`) and a registry beside it. */
function project(name: string, source: string, claims = CLAIMS): string {
  const dir = join(tmp, name);
  mkdirSync(join(dir, "data/evidence"), { recursive: true });
  writeFileSync(join(dir, "data/evidence/sources.csv"), SOURCES);
  writeFileSync(join(dir, "data/evidence/claims.csv"), claims);
  const file = join(dir, "scenario.yaml");
  writeFileSync(
    file,
    twoPlants.replace("capacity: { value: 200, unit: thousand units/year }", `capacity: { value: 200, unit: thousand units/year, source: "${source}" }`),
  );
  return file;
}

describe("tieup evidence extract", () => {
  it("lists an automaker's tariff guidance with subject, metric, role, basis, unit, qualifier and resolved date", async () => {
    const r = await runCli("evidence", "extract", honda, "--published", "2025-05-13");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("published 2025-05-13, 15 figures");
    expect(r.stdout).toMatch(/honda +tariff-impact +level +forecast +about +¥650 billion +JPY +FY2025 +2025-05-13/);
    expect(r.stdout).toMatch(/honda +fx-assumption +level +forecast +135 JPY\/USD +JPY\/USD +FY2025/);
  });

  it("writes JSON with spans, and CSV in the registry's claims.csv layout", async () => {
    const j = await runCli("evidence", "extract", honda, "--published", "2025-05-13", "--format", "json");
    const doc = JSON.parse(j.stdout) as { source: string; claims: { value: number; unit: string; span: [number, number]; text: string }[] }[];
    const text = readFileSync(honda, "utf8");
    expect(doc[0]?.source).toBe("honda-may-guidance");
    for (const c of doc[0]?.claims ?? []) expect(text.slice(c.span[0], c.span[1])).toBe(c.text);
    const out = join(tmp, "claims.csv");
    const c = await runCli("evidence", "extract", honda, "--published", "2025-05-13", "--format", "csv", "--out", out);
    expect(c.code).toBe(0);
    const csv = readFileSync(out, "utf8");
    expect(csv.split("\n")[0]).toBe("id,subject,metric,value,high,from,unit,qualifier,period,as_of,source,fact,quote,note,role,basis,segment");
    expect(csv).toContain("honda-may-guidance-2,honda,tariff-impact,650000000000,,,JPY,about,FY2025,2025-05-13,honda-may-guidance");
  });

  it("takes the date from the HTML page and reads a Markdown file's front matter", async () => {
    const r = await runCli("evidence", "extract", join(articles, "canton-pickups.html"), join(articles, "nissan-renissan.md"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('canton-pickups.html: "Honda weighs building pickups at Nissan\'s Mississippi plant", published 2025-07-14');
    expect(r.stdout).toContain('nissan-renissan.md: "Nissan to shed 20,000 jobs and shut seven plants under Re:Nissan", published 2025-05-14');
    expect(r.stdout).not.toContain("NSANY");
  });

  it("refuses bad input with exit code 2 and a message: no date, a bad date, a missing or binary file", async () => {
    const bin = join(tmp, "image.png");
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48]));
    const cases: [string[], RegExp][] = [
      [[honda], /has no publication date[\s\S]*--published YYYY-MM-DD/],
      [[honda, "--published", "13/05/2025"], /--published: `13\/05\/2025` is not a date/],
      [[join(tmp, "nope.txt"), "--published", "2025-05-13"], /nope\.txt: was not found\n\s+suggestion: check the path/],
      [[bin, "--published", "2025-05-13"], /is a binary file/],
      // Date.parse would roll 30 February into 2 March.
      [[honda, "--published", "2025-02-30"], /--published: `2025-02-30` is not a date/],
      [
        [join(articles, "honda-may-guidance.text"), "--published", "2025-05-13"],
        /honda-may-guidance\.text: was not found\n\s+suggestion: did you mean `.*honda-may-guidance\.txt`\?/,
      ],
      [[tmp, "--published", "2025-05-13"], /tieup-evidence-\w+: is a directory\n\s+suggestion: pass the files in it, e\.g\. .*\*\.txt/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli("evidence", "extract", ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
    }
  });

  it("refuses a binary entities.csv under --registry, naming it", async () => {
    const reg = join(tmp, "binary-registry");
    mkdirSync(reg, { recursive: true });
    for (const f of ["sources.csv", "claims.csv"]) writeFileSync(join(reg, f), readFileSync(here(`../../../data/evidence/${f}`)));
    writeFileSync(join(reg, "entities.csv"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48]));
    const r = await runCli("evidence", "extract", honda, "--published", "2025-05-13", "--registry", reg);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/binary-registry[/\\]entities\.csv: is a binary file, not CSV/);
    expect(r.stdout).toBe("");
  });

  it("warns about an empty file and lists nothing", async () => {
    const empty = join(tmp, "empty.txt");
    writeFileSync(empty, "");
    const r = await runCli("evidence", "extract", empty, "--published", "2025-05-13");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("has no readable text");
    expect(r.stdout).toContain("0 figures");
  });
});

describe("tieup evidence timeline", () => {
  it("shows a revised figure superseding the original, with sources", async () => {
    const r = await runCli("evidence", "timeline", "nissan", "tariff-impact", "--period", "FY2025");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("nissan · tariff-impact · FY2025");
    expect(r.stdout).toMatch(/2025-05 +up to ¥450 billion +superseded by nissan-tariff-impact-2025-07/);
    expect(r.stdout).toMatch(/2025-07 +up to ¥300 billion +current/);
    expect(r.stdout).toContain("Jiji Press");
  });

  it("finds a subject by name and writes CSV", async () => {
    const r = await runCli("evidence", "timeline", "Honda", "fx-assumption", "--format", "csv");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("subject,metric,period,as of,value,status,claim,source");
    expect(r.stdout).toContain("honda,fx-assumption,FY2025,2025-08,140 JPY/USD,superseded by honda-fx-assumption-2025-11");
  });

  it("flags disagreeing claims of the same date", async () => {
    const file = project("conflict", "claim:cap-nov");
    const r = await runCli("evidence", "timeline", "ohio", "capacity", "--registry", join(file, "../data/evidence"));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/cap-nov-b/);
    expect(r.stdout).toMatch(/CONFLICT with cap-nov-b/);
    expect(r.stdout).toContain("2 claims of the same date disagree");
  });

  it("suggests a subject or metric it does not know", async () => {
    const a = await runCli("evidence", "timeline", "hondda");
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("did you mean `honda`?");
    const b = await runCli("evidence", "timeline", "honda", "fx-asumption");
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("did you mean `fx-assumption`?");
  });

  it("names the file, row and column of a broken registry", async () => {
    const file = project("broken", "claim:cap-may", `${CLAIMS}bad,ohio,capacity,lots,,,vehicles,,,2025-05-13,s1\n`);
    const r = await runCli("evidence", "timeline", "--registry", join(file, "../data/evidence"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/claims\.csv: row 5\.value: `lots` is not a number/);
  });
});

describe("citing claims in a scenario", () => {
  it("run --explain shows the value, its claim, source, date and status on the default scenario", async () => {
    const r = await runCli("run", "--explain", "plants.canton.breakEvenUtilisation");
    expect(r.code).toBe(0);
    for (const s of [
      "claim:canton-break-even-2025-07",
      "break-even-utilisation",
      "as of",
      "2025-07-11",
      "Automotive World",
      "https://www.automotiveworld.com/",
      "current",
    ])
      expect(r.stdout).toContain(s);
    const byIndex = await runCli("run", "--explain", "plants[1].breakEvenUtilisation");
    expect(byIndex.stdout).toBe(r.stdout);
  });

  it("run --explain says when the cited claim was superseded, in JSON too", async () => {
    const file = project("superseded", "claim:cap-may");
    const r = await runCli("run", file, "--explain", "plants.ohio.capacity", "--format", "json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, string>;
    expect(doc.value).toBe("200000");
    expect(doc.cites).toBe("claim:cap-may");
    expect(doc.url).toBe("https://a.example/1");
    expect(doc.status).toMatch(/^SUPERSEDED by cap-nov-b?: /);
  });

  it("run --explain on a path that cites nothing, or is not a path, is bad input", async () => {
    const file = project("paths", "claim:cap-may");
    const a = await runCli("run", file, "--explain", "plants.kyushu.capacity");
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("cites no source");
    const b = await runCli("run", file, "--explain", "plants.osaka.capacity");
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("ids under plants: ohio, kyushu");
  });

  it("validate warns when a cited claim has been superseded, and --strict refuses it", async () => {
    const file = project("validate", "claim:cap-may");
    const r = await runCli("validate", file);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: plants\[0\]\.capacity: cites claim `cap-may` \(200,000 vehicles as of 2025-05-13\), superseded by `cap-nov/);
    expect((await runCli("validate", file, "--strict")).code).toBe(2);
  });

  it("validate warns about a claim that is not in the registry, with a suggestion", async () => {
    const file = project("missing", "claim:cap-mai");
    const r = await runCli("validate", file);
    expect(r.stderr).toContain("cited row `cap-mai` is not in data/evidence/claims.csv");
    expect(r.stderr).toContain("did you mean `cap-may`?");
  });

  it("the default scenario's cited claims are current: validate prints no warning", async () => {
    const r = await runCli("validate");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });
});
