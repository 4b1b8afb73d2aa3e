import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import readExcelFile from "read-excel-file/node";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "tieup-xlsx-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Row = unknown[];
const sheetOf = (sheets: { sheet: string; data: Row[] }[], name: string) => sheets.find((s) => s.sheet === name)?.data ?? [];
/** The cell of `column` in the first row where `match` holds, by header. */
const cell = (data: Row[], column: string, match: (row: Row, h: string[]) => boolean) => {
  const h = data[0] as string[];
  expect(h).toContain(column);
  return data.slice(1).find((r) => match(r, h))?.[h.indexOf(column)];
};

describe("tieup run --format xlsx", () => {
  it("writes every table as a sheet in display units with the unit and currency in each header, a sheet per deal, the inputs with their sources", async () => {
    const file = join(tmp, "results.xlsx");
    const r = await runCli("run", "--format", "xlsx", "--out", file);
    expect(r.code).toBe(0);
    const sheets = await readExcelFile(file);
    const names = sheets.map((s) => s.sheet);
    for (const t of ["companies", "companyDuties", "plants", "flows", "duties", "profitSummary", "bridge", "fxSensitivity", "dealGains", "inputs", "source"])
      expect(names).toContain(t);
    // One sheet per deal of the scenario (its NPV per party), and one of the plants each deal changes where it changes any.
    expect(names).toEqual(expect.arrayContaining(["deal-canton-pickup", "deal-canton-pickup-plants", "deal-us-powertrain", "deal-renault-nissan"]));
    const companies = sheetOf(sheets, "companies");
    expect((companies[0] as string[]).some((h) => /reporting|row's currency/.test(h))).toBe(false);
    // Nissan's FY2024 whole-company operating profit is the reported ¥69.8bn: 69.8 in a "(JPY bn)" column, not 69800000000.
    const nissan2024 = (row: Row, h: string[]) => row[h.indexOf("company")] === "nissan" && row[h.indexOf("period")] === "FY2024";
    expect(cell(companies, "companyOperatingProfit (JPY bn)", nissan2024)).toBeCloseTo(69.8, 6);
    expect(cell(companies, "fxRate (JPY per USD)", nissan2024)).toBe(152.4);
    // Utilisation in per cent; a plant's fixed cost in the base currency's millions.
    const plants = sheetOf(sheets, "plants");
    const u = cell(plants, "utilisation (%)", (row, h) => row[h.indexOf("plant")] === "smyrna" && row[h.indexOf("period")] === "FY2024") as number;
    expect(u).toBeGreaterThan(1);
    expect(u).toBeLessThan(100);
    // EPS stays in yen a share, never in billions.
    const deal = sheetOf(sheets, "deal-canton-pickup");
    const npv = cell(deal, "npvOfGain (JPY bn)", (row, h) => row[h.indexOf("company")] === "nissan") as number;
    const perShare = cell(deal, "afterTaxPerShare (JPY/share)", (row, h) => row[h.indexOf("company")] === "nissan") as number;
    expect(npv).toBeGreaterThan(1);
    expect(perShare).toBeGreaterThan(1);
    const inputs = sheetOf(sheets, "inputs");
    expect(inputs[0]).toEqual(["path", "value", "cites", "what", "source URL", "source date", "confidence", "note"]);
    const byCite = (source: string) => inputs.find((x) => x[2] === source) as Row;
    // A data row: its source_url, source_date and confidence from data/facts/market.csv.
    expect(byCite("data/facts/market.csv#nissan-price-2025-06-23").slice(3, 7)).toEqual([
      "share price",
      "https://stockanalysis.com/quote/tyo/7201/statistics",
      "2025-06-23",
      "low",
    ]);
    // An assumption: its confidence from data/assumptions.yaml; a claim: its source's page and the claim's date.
    expect(byCite("assumption:depreciation-share-of-fixed-cost")[6]).toBe("low");
    expect(byCite("claim:canton-break-even-2025-07").slice(4, 6)).toEqual([
      "https://www.automotiveworld.com/news/honda-eyes-pickup-production-at-underused-us-nissan-plant/",
      "2025-07-11",
    ]);
  }, 120_000);

  it("refuses a workbook on standard output or under a name that is not .xlsx (exit 2, naming --out)", async () => {
    const r = await runCli("run", "--format", "xlsx");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--out");
    expect(r.stderr).toContain("add --out results.xlsx");
    const csv = await runCli("run", "--format", "xlsx", "--out", join(tmp, "results.csv"));
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain("does not end in .xlsx");
  });
});

describe("--format xlsx on deal, compare, sweep and optimize", () => {
  it("deal: gains by period, a sheet per deal, the inputs and the conventions", async () => {
    const file = join(tmp, "deal.xlsx");
    expect((await runCli("deal", "canton-pickup", "--format", "xlsx", "--out", file)).code).toBe(0);
    const sheets = await readExcelFile(file);
    expect(sheets.map((s) => s.sheet)).toEqual(["dealGains", "deal-canton-pickup", "deal-canton-pickup-plants", "inputs", "source"]);
    const gains = sheetOf(sheets, "dealGains");
    expect(gains[0]).toEqual([
      "deal",
      "company",
      "period",
      "currency",
      "operatingProfit (JPY bn)",
      "profit (JPY bn)",
      "netIncome (JPY bn)",
      "perShare (JPY/share)",
    ]);
    // The same NPV as the JSON output, in ¥bn.
    const json = JSON.parse((await runCli("deal", "canton-pickup", "--format", "json")).stdout) as { deals: { values: { company: string; npv: number }[] }[] };
    const npv = json.deals[0]?.values.find((v) => v.company === "honda")?.npv as number;
    expect(cell(sheetOf(sheets, "deal-canton-pickup"), "npvOfGain (JPY bn)", (row, h) => row[h.indexOf("company")] === "honda")).toBeCloseTo(npv / 1e9, 9);
  }, 120_000);

  it("compare, sweep, sensitivity and optimize write their tables with units", async () => {
    const headers = async (args: string[]) => {
      const file = join(tmp, `${args[0]}.xlsx`);
      const r = await runCli(...args, "--format", "xlsx", "--out", file);
      expect(r.code).toBe(0);
      return Object.fromEntries((await readExcelFile(file)).map((s) => [s.sheet, s.data[0] as string[]]));
    };
    const compare = await headers(["compare", "--with", "tariff-high"]);
    expect(compare.companies_diff).toContain("operatingProfit_delta (JPY bn)");
    expect(Object.keys(compare)).toEqual(expect.arrayContaining(["companyDuties_diff", "plants_diff", "bridge", "inputs", "source"]));
    const sweep = await headers(["sweep", "--draws", "20", "--workers", "1", "--quiet", "--output", "company.honda.FY2026.operatingProfit"]);
    expect(sweep.sweep).toContain("p50 (JPY bn)");
    const sensitivity = await headers(["sensitivity"]);
    expect(sensitivity.sensitivity).toContain("swing (JPY bn)");
    const optimize = await headers(["optimize"]);
    expect(Object.keys(optimize)).toEqual(expect.arrayContaining(["companies", "changes", "plants", "flows", "crossBuilt", "inputs", "source"]));
  }, 180_000);
});
