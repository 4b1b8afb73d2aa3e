import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extract, MAX_CHARS } from "../src/index.js";
import { dictionary } from "./corpus.js";

const dict = dictionary();
const run = (text: string, name = "x.txt") => extract(text, { source: "x", name, dictionary: dict, published: "2025-05-13" });

describe("messy input does not crash", () => {
  it("an empty file: no claims, a warning", () => {
    const x = run("");
    expect(x.claims).toEqual([]);
    expect(x.issues).toEqual([{ severity: "warning", path: "x.txt", message: "has no readable text" }]);
  });

  it("a binary file: an error, no claims", () => {
    const x = run("\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000");
    expect(x.claims).toEqual([]);
    expect(x.issues[0]).toMatchObject({ severity: "error", message: "is a binary file, not text" });
  });

  it("HTML without text", () => {
    for (const html of [
      "<html><head><title></title></head><body></body></html>",
      "<html><body><img src=a.png><script>var x = 1;</script></body></html>",
      "<p>",
    ]) {
      const x = run(html, "x.html");
      expect(x.claims).toEqual([]);
      expect(x.issues.map((i) => i.message)).toContain("has no readable text");
    }
  });

  it("numbers glued to words", () => {
    const x = run("Nissan will cut 20,000jobs and book a ¥120billion charge; Honda sold 1.4million vehicles.");
    expect(x.claims.map((c) => [c.value, c.unit])).toEqual([
      [20000, "jobs"],
      [120e9, "JPY"],
      [1.4e6, "vehicles"],
    ]);
  });

  it("a huge file is read up to the cap, with a warning", () => {
    const para = "Honda expects a ¥650 billion tariff hit this fiscal year, and Nissan will cut 20,000 jobs.\n\n";
    const text = para.repeat(Math.ceil((MAX_CHARS + 1000) / para.length));
    const x = run(text);
    expect(x.issues[0]?.message).toMatch(/only the first 4,000,000 were read/);
    expect(x.text.length).toBeLessThanOrEqual(MAX_CHARS);
    // every whole paragraph gives its two figures; the cut one may give one or two more
    const whole = 2 * Math.floor(MAX_CHARS / para.length);
    expect(x.claims.length).toBeGreaterThanOrEqual(whole);
    expect(x.claims.length).toBeLessThanOrEqual(whole + 2);
    // a generous allowance for a shared machine: this checks that it ends, not how fast (see bench/speed.mjs)
  }, 120_000);

  it("property: any text extracts without throwing, with spans inside the text on a figure", () => {
    const piece = fc.constantFrom(
      "¥",
      "$",
      "C$",
      "€",
      "120",
      "3.4",
      "billion",
      "B",
      "%",
      "-",
      " to ",
      "from ",
      "jobs",
      "plants",
      "Honda",
      "Nissan",
      "Espinoza",
      ". ",
      "\n\n",
      "in May",
      "fiscal 2025",
      " ",
      "seven",
      "yen",
      "(",
      ")",
      "<p>",
      "</p>",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        const x = run(text);
        for (const c of x.claims) {
          const [s, e] = c.span ?? [0, 0];
          expect(s).toBeGreaterThanOrEqual(0);
          expect(e).toBeLessThanOrEqual(x.text.length);
          expect(x.text.slice(s, e)).toBe(c.text);
          expect(c.text).toMatch(
            /\d|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|eleven|twelve|teen/i,
          );
          expect(Number.isFinite(c.value)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
