import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extract } from "../src/index.js";
import { ARTICLES, dictionary } from "./corpus.js";

const dict = dictionary();
const run = (text: string, published = "2025-05-13", name = "a.txt") => extract(text, { source: "a", name, dictionary: dict, published });

describe("extracting claims from an automaker's tariff guidance", () => {
  const text =
    "Honda Motor said on Tuesday that US tariffs would take about ¥650 billion out of its operating profit this fiscal year. " +
    "The automaker assumed 135 yen to the dollar. Nissan said it would cut 20,000 jobs by fiscal 2027.";
  const claims = run(text).claims;

  it("lists each figure with subject, metric, unit, qualifier, period and resolved date", () => {
    expect(claims.map((c) => [c.subject, c.metric, c.value, c.unit, c.qualifier, c.period, c.asOf])).toEqual([
      ["honda", "tariff-impact", 650e9, "JPY", "about", "FY2025", "2025-05-13"],
      // no period in its sentence: the paragraph's ("this fiscal year") carries over
      ["honda", "fx-assumption", 135, "JPY/USD", undefined, "FY2025", "2025-05-13"],
      ["nissan", "job-cuts", 20000, "jobs", undefined, "FY2027", "2025-05-13"],
    ]);
  });

  it("points each claim at its span and sentence", () => {
    for (const c of claims) {
      expect(text.slice(c.span?.[0], c.span?.[1])).toBe(c.text);
      expect(c.quote && text.includes(c.quote)).toBe(true);
    }
    expect(claims.map((c) => c.id)).toEqual(["a-1", "a-2", "a-3"]);
  });

  it("takes 'the automaker' to be the company last named", () => {
    const c = run("Mazda reported results. The automaker expects a tariff hit of ¥100 billion.").claims[0];
    expect(c?.subject).toBe("mazda");
  });

  it("attributes a plant's utilisation to the plant, and a tariff rate to the goods' origin", () => {
    const [u, r] = run("The Canton plant ran at 57% of capacity. The US tariff on Japanese cars is 15%.").claims;
    expect([u?.subject, u?.metric]).toEqual(["canton", "utilisation"]);
    expect([r?.subject, r?.metric]).toEqual(["japan", "tariff-rate"]);
  });

  it("dates a figure by the date stated beside it, not one in another clause", () => {
    const [a, b] = run("Honda cut its estimate to ¥385 billion on Friday, from the ¥650 billion it had projected in May.", "2025-11-08").claims;
    expect([a?.asOf, b?.asOf]).toEqual(["2025-11-07", "2025-05"]);
  });

  it("needs a publication date", () => {
    const x = extract("Honda expects a ¥650 billion hit.", { source: "a", name: "a.txt", dictionary: dict });
    expect(x.claims).toEqual([]);
    expect(x.issues[0]).toMatchObject({ severity: "error", message: "has no publication date" });
  });
});

describe("formats", () => {
  it("drops HTML boilerplate: navigation, ticker, newsletter prompt, caption, footer", () => {
    const html = readFileSync(join(ARTICLES, "canton-pickups.html"), "utf8");
    const x = extract(html, { source: "c", name: "canton-pickups.html", dictionary: dict });
    expect(x.published).toBe("2025-07-14");
    expect(x.text).not.toMatch(/NSANY|Sign up|newsletter|figcaption|Workers at the Canton|All rights reserved|Home/);
    expect(x.text).toContain("The Canton plant ran at about 57% of its capacity last year");
    // the ticker's 1.2% and the caption's 20% are not claims
    expect(x.claims.map((c) => c.value)).not.toContain(1.2);
    expect(x.claims.map((c) => c.value)).not.toContain(20);
  });

  it("reads Markdown without its markup and takes the date from front matter", () => {
    const md = "---\ntitle: T\ndate: 2025-05-14\n---\n# Heading\n\n- Nissan will close **seven plants**, see [the plan](https://example.org).\n";
    const x = extract(md, { source: "m", name: "m.md", dictionary: dict });
    expect(x.published).toBe("2025-05-14");
    expect(x.title).toBe("T");
    expect(x.text).not.toMatch(/\*\*|\]\(|^#/m);
    expect(x.claims.map((c) => [c.subject, c.metric, c.value, c.unit])).toEqual([["nissan", "plant-closures", 7, "plants"]]);
  });
});
