import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "tieup-init-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("tieup init", () => {
  const dir = join(tmp, "case");

  it("writes a starter project that validates without a warning, runs, values its deal and sweeps", async () => {
    const r = await runCli("init", dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("wrote 4 files");
    const v = await runCli("validate", join(dir, "scenario.yaml"));
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/starter: valid \(2 companies, 4 plants, 3 programs, 4 tariff measures\)/);
    expect(v.stderr).toBe("");
    const run = await runCli("run", join(dir, "scenario.yaml"), "--format", "json");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { tables: { plants: { plant: string; owners: string }[] } };
    expect(out.tables.plants.find((p) => p.plant === "jv-alabama")?.owners).toBe("alpha 50% + beta 50%");
    const deal = await runCli("deal", join(dir, "scenario.yaml"), "texas-pickup", "--format", "json");
    const analysis = JSON.parse(deal.stdout) as { deals: { price: { agreement: { exists: boolean } } }[] };
    expect(analysis.deals[0]?.price.agreement.exists).toBe(true);
    const without = await runCli("run", join(dir, "scenario.yaml"), "--with", "no-section-232");
    expect(without.code).toBe(0);
    const sweep = await runCli("sweep", join(dir, "uncertainty.yaml"), "--draws", "20", "--workers", "1", "--quiet", "--format", "json");
    expect(sweep.code).toBe(0);
    expect((JSON.parse(sweep.stdout) as { draws: number }).draws).toBe(20);
  }, 120_000);

  it("writes nothing over an existing file, names each clash and exits 2", async () => {
    writeFileSync(join(dir, "scenario.yaml"), "mine\n");
    const r = await runCli("init", dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(dir, "scenario.yaml"));
    expect(r.stderr).toContain("already exists");
    expect(readFileSync(join(dir, "scenario.yaml"), "utf8")).toBe("mine\n");
  });

  it("refuses an unknown template with the list of templates", async () => {
    const r = await runCli("init", join(tmp, "other"), "--template", "nope");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("templates: starter");
  });
});
