import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { analyseDeal, evaluate, rows } from "@tieup/core";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../src/scenario/load.js";
import { runCli } from "./run-cli.js";

const golden = fileURLToPath(new URL("./golden/default-report.md", import.meta.url));

/**
 * The default report, reviewed by hand (see docs/golden.md for what was
 * checked). A change to the model, the data or the layout shows here as a
 * diff to review; regenerate with UPDATE_GOLDEN=1 only after reviewing it.
 */
describe("the default Nissan–Honda scenario", () => {
  it("prints the reviewed report", async () => {
    const r = await runCli("run", "--format", "md");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(golden)) writeFileSync(golden, r.stdout);
    expect(r.stdout).toBe(readFileSync(golden, "utf8"));
  });

  const results = evaluate(loadScenario(undefined).scenario);
  const plant = (id: string, period: string) => rows(results.plants).find((p) => p.plant === id && p.period === period);

  it("puts Canton near its reported 57% utilisation in 2024 and Smyrna near two shifts' 74%", async () => {
    expect(plant("canton", "FY2024")?.utilisation).toBeGreaterThan(0.52);
    expect(plant("canton", "FY2024")?.utilisation).toBeLessThan(0.62);
    // 314,500 built in 2024 on two shifts of the three-shift 640,000 (427,000): 73.7%.
    expect(plant("smyrna", "FY2024")?.utilisation).toBeGreaterThan(0.69);
    expect(plant("smyrna", "FY2024")?.utilisation).toBeLessThan(0.78);
  });

  it("runs Nissan's US plants at about two-thirds of their practical capacity in 2024", async () => {
    // 524,919 built in the US in 2024 (results.csv#nissan-prod-cy2024) on 427,000 + 370,000: 65.9%.
    const us = ["smyrna", "canton"].map((id) => plant(id, "FY2024"));
    const util = us.reduce((a, p) => a + Number(p?.output), 0) / us.reduce((a, p) => a + Number(p?.capacity), 0);
    expect(util).toBeGreaterThan(0.61);
    expect(util).toBeLessThan(0.71);
  });

  it("reconciles the whole company with the reported FY2024 operating profit to the yen", async () => {
    const whole = (c: string) => Number(rows(results.companies).find((r) => r.company === c && r.period === "FY2024")?.companyOperatingProfit);
    expect(Math.abs(whole("nissan") - 69.8e9)).toBeLessThan(1);
    expect(Math.abs(whole("honda") - 1_213.4e9)).toBeLessThan(1);
  });

  it("charges no Section 232 duty before April 2025 and some in FY2025 for both companies", async () => {
    const duty = (company: string, period: string) =>
      rows(results.companyDuties)
        .filter((d) => d.company === company && d.period === period && String(d.measure).startsWith("s232"))
        .reduce((a, d) => a + Number(d.amount), 0);
    for (const c of ["nissan", "honda"]) {
      expect(duty(c, "FY2024")).toBe(0);
      expect(duty(c, "FY2025")).toBeGreaterThan(50e9);
    }
  });

  it("finds a zone of agreement for the Canton pickup in which both companies gain, and fills Canton", async () => {
    const a = analyseDeal(loadScenario(undefined).scenario, "canton-pickup");
    const p = a.price;
    expect(p?.agreement.exists).toBe(true);
    expect(p?.linear).toBe(true);
    expect(p?.used).toBeGreaterThan(p?.agreement.pLow as number);
    expect(p?.used).toBeLessThan(p?.agreement.pHigh as number);
    for (const v of a.values) expect(v.npv).toBeGreaterThan(0);
    const canton = a.plants.filter((x) => x.plant === "canton");
    expect(canton.length).toBeGreaterThan(0);
    for (const c of canton) expect(c.utilisationAfter).toBeGreaterThan(c.utilisationBefore);
  });
});
