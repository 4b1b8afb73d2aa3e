import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "tieup-citations-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const registry = (ids: string[], statement = "x") =>
  `assumptions:\n${ids.map((id) => `  - { id: ${id}, statement: "${statement}", value: 1, unit: u, reasoning: "r", confidence: low }`).join("\n")}\n`;

/**
 * A project with its own data/assumptions.yaml (a1) and, in a case folder
 * below it, the user's own data/assumptions.yaml (u1): a scenario there cites
 * both, and " a1" with a space after the colon.
 */
function project(cites: string[], mineIds = ["u1"]): string {
  const root = mkdtempSync(join(tmp, "p-"));
  mkdirSync(join(root, "data"));
  writeFileSync(join(root, "data/assumptions.yaml"), registry(["a1"]));
  const mine = join(root, "cases/mine");
  mkdirSync(join(mine, "data"), { recursive: true });
  // The user's rows are their own (a copy of the project's row would hide nothing, and not warn).
  writeFileSync(join(mine, "data/assumptions.yaml"), registry(mineIds, "the user's own"));
  const file = join(mine, "s.yaml");
  writeFileSync(
    file,
    `id: s\nhorizon: { fiscalYears: { from: 2025, to: 2025, startMonth: 4 } }\ncompanies: [{ id: m, name: M, reportingCurrency: USD }]\nmarkets: [{ id: us, name: US, country: US, currency: USD }]\nplants:\n${cites
      .map((c, i) => `  - { id: p${i}, name: P, owner: m, country: US, capacity: { value: 1000, source: "${c}" }, fixedCost: 0, platforms: [x] }`)
      .join(
        "\n",
      )}\nprograms: [{ id: c, name: C, seller: m, brand: B, category: passenger-car, platform: x, variableCost: 1, sourcing: { p0: 1 }, markets: { us: { price: 2, demand: 10 } } }]\nlanes: [{ from: US, to: us, costPerUnit: 0 }]\n`,
  );
  return file;
}

describe("citations of assumptions", () => {
  it("merge a user's own registry with the project's, and read `assumption: a1` as a1", async () => {
    const r = await runCli("validate", project(["assumption:a1", "assumption:u1", "assumption: a1"]), "--root", tmp);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain("is not in data/assumptions.yaml");
  });

  it("still name a row that is in neither registry", async () => {
    const r = await runCli("validate", project(["assumption:u2"]), "--root", tmp);
    expect(r.stderr).toContain("cited row `u2` is not in data/assumptions.yaml");
    expect(r.stderr).toContain("did you mean `u1`?");
  });

  it("let the user's own a1 win over the project's, with a warning at its row", async () => {
    const r = await runCli("validate", project(["assumption:a1"], ["u1", "a1"]), "--root", tmp);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /warning: \S*cases\/mine\/data\/assumptions\.yaml: assumptions\[1\]: `a1` here shadows the `a1` of \.\.\/\.\.\/\.\.\/data\/assumptions\.yaml: citations of a1 read this one/,
    );
  });
});
