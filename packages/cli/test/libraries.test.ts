import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { LIBRARY_DIR, libraryNames } from "../src/io/library.js";
import { runCli } from "./run-cli.js";

// A project outside the repository: libraries are read from where tieup ships them, whatever the root.
const tmp = mkdtempSync(join(tmpdir(), "tieup-libraries-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const example = fileURLToPath(new URL("../../../scenarios/examples/toyota-mazda-us.yaml", import.meta.url));

/** The Korean makers report by calendar year: their harness's fiscal years start in January, the others' in April. */
const CALENDAR_YEAR = new Set(["hyundai", "kia"]);

/** The companies a library's plants belong to (a company or US-sales library brings its own). */
function makersOf(library: string): string[] {
  const [kind, name = ""] = library.split("/");
  if (kind === "companies" || kind === "us-sales") return [];
  if (name === "mazda-toyota-alabama") return ["toyota", "mazda"];
  return [name.split("-")[0] as string];
}

/**
 * The least a library needs around it to form a scenario: the companies its
 * plants name (or the company it is), a market, the lanes from its plants'
 * countries, the rates of the reporting currencies, and one program with a
 * plant of its own.
 */
function harness(library: string): string {
  const own = /^(companies|us-sales)\//.test(library) ? library.slice(library.indexOf("/") + 1) : undefined;
  const makers = library.startsWith("plants/") ? makersOf(library) : ["toyota", "mazda"];
  const seller = own ?? makers[0] ?? "toyota";
  const bases = own ? [library] : [...makers.map((m) => `companies/${m}`), library];
  return [
    `extends: [${bases.map((n) => `library:${n}`).join(", ")}]`,
    "id: harness",
    `horizon: { fiscalYears: { from: 2025, to: 2025, startMonth: ${CALENDAR_YEAR.has(seller) ? 1 : 4} } }`,
    "fx: { base: USD, rates: { JPY: { FY2025: 145 }, KRW: { FY2025: 1400 } } }",
    "markets: [{ id: us, name: US, country: US, currency: USD }]",
    "lanes: [{ from: US, to: us, costPerUnit: 1000 }, { from: CA, to: us, costPerUnit: 1200 }, { from: MX, to: us, costPerUnit: 1500 },",
    "  { from: JP, to: us, costPerUnit: 2500 }, { from: KR, to: us, costPerUnit: 2500 }]",
    "plants:",
    `  - { id: harness-plant, name: H, owner: ${seller}, country: US, capacity: 100000, fixedCost: 100000000, platforms: [h] }`,
    "programs:",
    `  - { id: harness-car, name: H, seller: ${seller}, brand: H, category: passenger-car, platform: h, variableCost: 20000,`,
    "      sourcing: { harness-plant: 1 }, markets: { us: { price: 30000, demand: 50000 } } }",
    "",
  ].join("\n");
}

describe("the shipped libraries", () => {
  it("are there: the US and Canadian tariffs, eight companies, their North American plants and their US sales by origin", () => {
    const makers = ["honda", "hyundai", "kia", "mazda", "mitsubishi", "nissan", "subaru", "toyota"];
    expect(libraryNames()).toEqual([
      "canada-counter-tariffs-2025",
      ...makers.map((m) => `companies/${m}`),
      "plants/honda",
      "plants/hyundai",
      "plants/kia",
      "plants/mazda-salamanca",
      "plants/mazda-toyota-alabama",
      "plants/nissan",
      "plants/subaru-lafayette",
      "plants/toyota",
      ...makers.map((m) => `us-sales/${m}`),
      "us-tariffs-2025",
    ]);
  });

  for (const name of libraryNames())
    it(`${name} validates in a scenario without an error or a warning (every citation found)`, async () => {
      const file = join(tmp, `${name.replace("/", "-")}.yaml`);
      writeFileSync(file, harness(name));
      const r = await runCli("validate", file);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
    });

  it("cite a source for every figure: each number sits beside a `source` (the fiscal-year month is cited in a comment)", () => {
    const bare: string[] = [];
    const walk = (v: unknown, path: string, cited: boolean) => {
      if (typeof v === "number" && !cited && !path.endsWith(".fiscalYearStartMonth")) bare.push(path);
      else if (Array.isArray(v)) {
        for (const [i, x] of v.entries()) walk(x, `${path}[${i}]`, cited);
      } else if (v !== null && typeof v === "object") {
        const o = v as Record<string, unknown>;
        for (const [k, x] of Object.entries(o)) walk(x, `${path}.${k}`, k === "value" && typeof o.source === "string");
      }
    };
    for (const name of libraryNames()) walk(parse(readFileSync(join(LIBRARY_DIR, `${name}.yaml`), "utf8")), name, false);
    expect(bare).toEqual([]);
  });

  it("name an unknown library with the closest one, exit 2", async () => {
    const file = join(tmp, "typo.yaml");
    writeFileSync(file, harness("plants/toyota").replace("library:companies/toyota,", "library:companies/toyta,"));
    const r = await runCli("validate", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("typo.yaml: extends[0]: unknown library `companies/toyta`");
    expect(r.stderr).toContain("did you mean `companies/toyota`?");
  });
});

describe("a Toyota-Mazda scenario composed from the libraries", () => {
  const mine = join(tmp, "toyota-mazda-us.yaml");
  copyFileSync(example, mine);

  it("validates without a warning from a folder outside the repository", async () => {
    const r = await runCli("validate", mine);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("toyota-mazda-us: valid (2 companies, 3 plants, 3 programs, 13 tariff measures)");
  });

  it("evaluates: FY2024 duties by hand, the joint plant owned half each, Section 232 in FY2025", async () => {
    const r = await runCli("run", mine, "--format", "json");
    expect(r.code).toBe(0);
    type Row = Record<string, number | string>;
    const { tables } = JSON.parse(r.stdout) as { tables: Record<string, Row[]> };
    const company = (id: string, period: string) => tables.companies?.find((c) => c.company === id && c.period === period) as Row;
    // Toyota, FY2024: parts duty only, 2.5% MFN on the non-USMCA parts (JP and unlisted content) of 80% of variable cost:
    // RAV4 0.8 x 24,000 x (0.15 + 0.15) x 2.5% x 420,000 + Corolla Cross 0.8 x 21,000 x (0.2 + 0.1) x 2.5% x 140,000
    // = 60.48 + 17.64 = 78.12 million USD, at 152.40 yen.
    expect(company("toyota", "FY2024").vehicleDuty).toBe(0);
    expect(company("toyota", "FY2024").partsDuty).toBeCloseTo(78.12e6 * 152.4, -3);
    // Mazda, FY2024: 2.5% MFN on the 30,000 CX-50s from Hiroshima at a customs value of 0.9 x 32,000.
    expect(company("mazda", "FY2024").vehicleDuty).toBeCloseTo(30000 * 0.9 * 32000 * 0.025 * 152.4, -3);
    expect(tables.plants?.find((p) => p.plant === "mtm-alabama")?.owners).toBe("toyota 50% + mazda 50%");
    const s232 = tables.duties?.filter((d) => d.measure === "s232-auto" && d.period === "FY2025" && Number(d.amount) > 0);
    expect(s232?.map((d) => d.payer)).toContain("mazda");
  });
});
