import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { initTarget } from "../src/commands/init.js";
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
    // The won reporter's headline gives the won's sensitivity (its table row, 1 decimal), not a yen move that books nothing in won.
    const text = await runCli("run", join(dir, "scenario.yaml"));
    const beta = text.stdout.split("\n").filter((l) => l.startsWith("beta:") || l.startsWith("  a weaker"));
    expect(beta.some((l) => /^ {2}a weaker won \(\+1% against the dollar\): -4\.6 KRW billion/.test(l))).toBe(true);
    expect(text.stdout).not.toMatch(/a weaker yen \(\+¥1\/USD\): [^\n]*KRW/);
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

  it("takes the template as the first argument, the folder as the second, and one argument as either", () => {
    expect(initTarget("toyota-mazda", "case", undefined)).toEqual({ template: "toyota-mazda", dir: "case" });
    expect(initTarget("toyota-mazda", undefined, undefined)).toEqual({ template: "toyota-mazda", dir: "tieup-toyota-mazda" });
    expect(initTarget("my-case", undefined, undefined)).toEqual({ template: "starter", dir: "my-case" });
    expect(initTarget("my-case", undefined, "toyota-mazda")).toEqual({ template: "toyota-mazda", dir: "my-case" });
    expect(initTarget(undefined, undefined, undefined)).toEqual({ template: "starter", dir: "tieup-starter" });
    expect(() => initTarget("starter", "x", "toyota-mazda")).toThrow();
  });

  it("names an unknown template given first, with the list, exit 2", async () => {
    const r = await runCli("init", "nope", join(tmp, "nope"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown template `nope`");
    expect(r.stderr).toContain("templates: starter, toyota-mazda");
  });
});

describe("tieup init toyota-mazda", () => {
  const dir = join(tmp, "from-libraries");

  it("writes a project built on the shipped libraries that validates without a warning, runs, compares and sweeps", async () => {
    const r = await runCli("init", "toyota-mazda", dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("wrote 4 files");
    const v = await runCli("validate", join(dir, "scenario.yaml"));
    expect(v.stderr).toBe("");
    expect(v.stdout).toContain("toyota-mazda-us: valid (2 companies, 3 plants, 3 programs, 13 tariff measures)");
    const run = await runCli("run", join(dir, "scenario.yaml"), "--format", "json");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { tables: { plants: { plant: string; owners: string }[] } };
    expect(out.tables.plants.find((p) => p.plant === "mtm-alabama")?.owners).toBe("toyota 50% + mazda 50%");
    expect((await runCli("compare", join(dir, "scenario.yaml"), "--with", "japan-at-27-5")).code).toBe(0);
    const sweep = await runCli("sweep", join(dir, "uncertainty.yaml"), "--draws", "20", "--workers", "1", "--quiet", "--format", "json");
    expect(sweep.code).toBe(0);
    // The override removes the measure the uncertain file draws: refused with the path, not drawn silently.
    const refused = await runCli("sweep", join(dir, "uncertainty.yaml"), "--with", "japan-at-27-5", "--draws", "5", "--workers", "1", "--quiet");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("japan-rate");
  }, 120_000);

  it("writes nothing over the project it wrote, exit 2", async () => {
    const r = await runCli("init", "toyota-mazda", dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("already exists");
  });
});
