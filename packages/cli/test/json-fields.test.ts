import { JSON_OUTPUTS, RESULT_TABLES } from "@tieup/core";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const fields = (command: string) => JSON_OUTPUTS.find((j) => j.command === command)?.fields.map((f) => f.name);

describe("--format json prints exactly the fields the results reference documents", () => {
  it("run, with every table's rows holding exactly its declared columns", async () => {
    const r = await runCli("run", "--period", "FY2025", "--format", "json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(fields("run"));
    for (const t of RESULT_TABLES) expect(Object.keys(out.tables[t.name][0]), t.name).toEqual(t.columns.map((c) => c.name));
  });

  it("compare", async () => {
    const r = await runCli("compare", "--with", "tariff-high", "--period", "FY2026", "--format", "json");
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(fields("compare"));
  });

  it("deal", async () => {
    const r = await runCli("deal", "canton-pickup", "--format", "json");
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(fields("deal"));
  });

  it("optimize", async () => {
    const r = await runCli("optimize", "--format", "json");
    expect(r.code).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(fields("optimize"));
  }, 60_000);

  it("sweep and sensitivity", async () => {
    const s = await runCli("sweep", "--draws", "4", "--workers", "1", "--format", "json", "--quiet");
    expect(Object.keys(JSON.parse(s.stdout))).toEqual(fields("sweep"));
    const t = await runCli("sensitivity", "--format", "json");
    expect(Object.keys(JSON.parse(t.stdout))).toEqual(fields("sensitivity"));
  }, 60_000);
});
