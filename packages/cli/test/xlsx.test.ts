import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import readExcelFile from "read-excel-file/node";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "tieup-xlsx-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("tieup run --format xlsx", () => {
  it("writes every table as a sheet with units in the headers, numbers as numbers, and a sheet of the inputs' citations", async () => {
    const file = join(tmp, "results.xlsx");
    const r = await runCli("run", "--period", "FY2025", "--format", "xlsx", "--out", file);
    expect(r.code).toBe(0);
    const sheets = await readExcelFile(file);
    const names = sheets.map((s) => s.sheet);
    for (const t of ["companies", "companyDuties", "plants", "flows", "duties", "inputs"]) expect(names).toContain(t);
    const companies = sheets.find((s) => s.sheet === "companies")?.data ?? [];
    const header = companies[0] as string[];
    expect(header).toContain("operatingProfit (the row's currency)");
    expect(header).toContain("fxRate (currency per USD)");
    // The same figure as the JSON output, at full precision: Nissan's FY2025 whole-company operating profit.
    const json = JSON.parse((await runCli("run", "--period", "FY2025", "--format", "json")).stdout) as {
      tables: { companies: { company: string; companyOperatingProfit: number }[] };
    };
    const row = companies.find((x) => x[header.indexOf("company")] === "nissan") as unknown[];
    const col = header.indexOf("companyOperatingProfit (the row's currency)");
    expect(row[col]).toBe(json.tables.companies.find((c) => c.company === "nissan")?.companyOperatingProfit);
    const inputs = sheets.find((s) => s.sheet === "inputs")?.data ?? [];
    expect(inputs[0]).toEqual(["path", "value", "source", "note"]);
    expect(inputs.some((x) => x[2] === "data/facts/market.csv#nissan-price-2025-06-23")).toBe(true);
  }, 60_000);

  it("refuses to write a workbook to standard output", async () => {
    const r = await runCli("run", "--format", "xlsx");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--out");
  });
});
