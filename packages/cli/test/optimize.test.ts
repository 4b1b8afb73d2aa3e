import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const example = new URL("../../../scenarios/examples/two-plants.yaml", import.meta.url).pathname;
const tmp = () => mkdtempSync(join(tmpdir(), "tieup-opt-"));

/** The two-plant example with Ohio at 50 000 units a year: 150 000 units of demand cannot all be built. */
function shortScenario(): string {
  const path = join(tmp(), "short.yaml");
  const text = readFileSync(example, "utf8").replace("capacity: { value: 200, unit: thousand units/year }", "capacity: 50000");
  writeFileSync(path, text);
  return path;
}

describe("tieup optimize", () => {
  it("prints the alliance allocation and the value of cooperation for the default scenario", async () => {
    const r = await runCli("optimize");
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/objective alliance · allocation LP/);
    expect(r.stdout).toMatch(/Profit by company, own sourcing against the optimum/);
    expect(r.stdout).toMatch(/Value of cooperation \(USD million\)/);
    expect(r.stdout).toMatch(/Allocation at the optimum in FY2025/);
    expect(r.stdout).toMatch(/Allocation changes against own sourcing/);
    expect(r.stdout).toMatch(/shadow price/);
  }, 60_000);

  it("reports consistent figures in JSON: optimum ≥ own sourcing, alliance ≥ Σ stand-alone", async () => {
    const r = await runCli("optimize", "--format", "json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.status).toBe("optimal");
    expect(out.optimum).toBeGreaterThanOrEqual(out.cooperation.standAloneTotal - 1);
    expect(out.cooperation.value).toBeCloseTo(out.cooperation.alliance - out.cooperation.standAloneTotal, 3);
    const companies = out.tables.companies as { company: string; optimum: number; standAlone: number }[];
    expect(companies.map((c) => c.company).sort()).toEqual(["honda", "nissan"]);
    expect(out.tables.plants.length).toBeGreaterThan(0);
  }, 60_000);

  it("optimises one company stand-alone", async () => {
    const r = await runCli("optimize", example, "--objective", "company:maker", "--format", "json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.objective).toBe("company:maker (stand-alone)");
    expect(out.optimum).toBeGreaterThanOrEqual(out.ownSourcing - 1);
  });

  it("refuses an unknown company with a suggestion and exit code 2", async () => {
    const r = await runCli("optimize", "--objective", "company:hond");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--objective: unknown company `hond`/);
    expect(r.stderr).toMatch(/did you mean `honda`\?/);
  });

  it("exports the model as LP with domain labels, and refuses an unknown extension", async () => {
    const file = join(tmp(), "model.lp");
    const r = await runCli("optimize", example, "--export", file, "--format", "csv");
    expect(r.code).toBe(0);
    const lp = readFileSync(file, "utf8");
    expect(lp).toMatch(/^\\ File written by HiGHS/);
    expect(lp).toContain("capacity(kyushu,FY2025)");
    expect(lp).toContain("flow(FY2026,compact_suv,ohio,us)");
    const bad = await runCli("optimize", example, "--export", join(tmp(), "model.txt"));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--export/);
  });

  it("exports MPS", async () => {
    const file = join(tmp(), "model.mps");
    expect((await runCli("optimize", example, "--export", file, "--format", "json")).code).toBe(0);
    expect(readFileSync(file, "utf8")).toMatch(/^\* tieup: this model minimises -\(profit\).*\nNAME/);
  });

  it("prices a closure at --closure-years of the plant's fixed cost", async () => {
    // The contract example's Canton (fixed cost 50M a year) cannot reach the 30% floor on the 10,000 pickups, so it closes:
    // the alliance pays the closure alone, 0 at 0 years and 2 × 50M = 100M at 2.
    const pickup = new URL("../../../scenarios/examples/contract-pickup.yaml", import.meta.url).pathname;
    const optimum = async (years: string) =>
      (JSON.parse((await runCli("optimize", pickup, "--footprint", "--closure-years", years, "--format", "json")).stdout) as { optimum: number }).optimum;
    expect(await optimum("0")).toBeCloseTo(0, 0);
    expect(await optimum("2")).toBeCloseTo(-100e6, 0);
    expect((await runCli("optimize", pickup, "--footprint", "--closure-years", "-1")).code).toBe(2);
  });

  it("takes a plant's stated closureCost before --closure-years, converted from the plant's currency", async () => {
    const pickup = readFileSync(new URL("../../../scenarios/examples/contract-pickup.yaml", import.meta.url).pathname, "utf8");
    const path = join(tmp(), "closure.yaml");
    writeFileSync(path, pickup.replace("fixedCost: 50000000, platforms: [bof] }", "fixedCost: 50000000, closureCost: 30000000, platforms: [bof] }"));
    const r = await runCli("optimize", path, "--footprint", "--closure-years", "2", "--format", "json");
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { optimum: number }).optimum).toBeCloseTo(-30e6, 0);
  });

  it("states whether profits are NPVs, and at which rates: discounted with --footprint unless --no-discount", async () => {
    const pickup = new URL("../../../scenarios/examples/contract-pickup.yaml", import.meta.url).pathname;
    const json = async (...args: string[]) => JSON.parse((await runCli("optimize", pickup, ...args, "--format", "json")).stdout) as { discountRates: unknown };
    expect((await json("--footprint")).discountRates).toEqual({ host: 0, client: 0 });
    expect((await json("--footprint", "--no-discount")).discountRates).toBeNull();
    expect((await json()).discountRates).toBeNull();
    expect((await json("--discount")).discountRates).toEqual({ host: 0, client: 0 });
    const text = await runCli("optimize", pickup, "--footprint");
    expect(text.stdout).toMatch(
      /Profit = NPV of contribution − fixed cost − closures − retooling at each company's discount rate \(host 0\.0%, client 0\.0%\)/,
    );
  });

  it("exports an infeasible model too, for reading in another solver", async () => {
    const file = join(tmp(), "infeasible.lp");
    const r = await runCli("optimize", shortScenario(), "--demand", "meet", "--export", file);
    expect(r.code).toBe(2);
    expect(readFileSync(file, "utf8")).toMatch(/^\\ File written by HiGHS/);
  });

  it("names the demand and capacity that cannot be met together, with exit code 2", async () => {
    const r = await runCli("optimize", shortScenario(), "--demand", "meet");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/programs\[compact-suv\]\.markets\.us\.demand|plants\[(ohio|kyushu)\]\.capacity/);
    expect(r.stderr).not.toMatch(/internal error/);
  });

  it("decides the footprint as a MILP", async () => {
    const r = await runCli("optimize", example, "--footprint", "--min-utilisation", "0.2");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/footprint MILP/);
    expect(r.stdout).toMatch(/kept|closed/);
  });

  it("writes a CSV table atomically with --out, and checks its options", async () => {
    const file = join(tmp(), "plants.csv");
    expect((await runCli("optimize", example, "--format", "csv", "--raw", "--table", "plants", "--out", file)).code).toBe(0);
    expect(readFileSync(file, "utf8").split("\n")[0]).toBe("period,plant,owner,capacity,ownOutput,ownUtilisation,output,utilisation,open,shadowPrice");
    const unknown = await runCli("optimize", example, "--format", "csv", "--table", "nope", "--out", join(tmp(), "x.csv"));
    expect(unknown.code).toBe(2);
    expect(existsSync(join(tmp(), "x.csv"))).toBe(false);
    expect((await runCli("optimize", example, "--gap", "2")).code).toBe(2);
    expect((await runCli("optimize", example, "--time-limit", "-1")).code).toBe(2);
    const period = await runCli("optimize", example, "--period", "FY2099");
    expect(period.code).toBe(2);
    expect(period.stderr).toMatch(/--period: unknown period `FY2099`/);
  });
});
