import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "tieup-checks-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Ohio (100,000 a year) builds the car (80,000) and, under a deal, 46,700 of the client's truck: 126.7% in FY2025. */
const scenario = `id: busy
horizon: { fiscalYears: { from: 2025, to: 2026, startMonth: 4 } }
companies:
  - { id: maker, name: Maker, reportingCurrency: USD }
  - { id: client, name: Client, reportingCurrency: USD }
markets: [{ id: us, name: US, country: US, currency: USD }]
plants:
  - { id: ohio, name: Ohio, owner: maker, country: US, capacity: 100000, fixedCost: 0, platforms: [p] }
programs:
  - id: car
    name: Car
    seller: maker
    brand: M
    category: passenger-car
    platform: p
    variableCost: 20000
    sourcing: { ohio: 1 }
    markets: { us: { price: 30000, demand: 80000 } }
  - id: truck
    name: Truck
    seller: client
    brand: C
    category: light-truck
    platform: p
    variableCost: 20000
    sourcing: {}
    markets: { us: { price: 30000, demand: { FY2025: 46700, FY2026: 0 } } }
lanes: [{ from: US, to: us, costPerUnit: 0 }]
deals:
  - id: cm
    type: contract-manufacturing
    name: Maker builds the truck
    host: maker
    client: client
    plant: ohio
    program: truck
    volume: { FY2025: 46700 }
    transferPrice: { perUnit: 25000 }
    counterfactual: { notSold: true }
overrides: { wider: ./overrides/wider.yaml }
`;

function write(name: string, text: string): string {
  const file = join(tmp, name);
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, text);
  return file;
}

const busy = write("busy.yaml", scenario);
const capacityWarning = "warning: plants[0].capacity (ohio): ohio is planned to build 126,700 in FY2025, 126.7% of its capacity of 100,000 then";

describe("validate on over-capacity", () => {
  it("warns with the plant's path, the period and the utilisation, and still validates", async () => {
    const r = await runCli("validate", busy, "--root", tmp);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(capacityWarning);
    expect(r.stdout).toContain("busy: valid (2 companies, 1 plants, 2 programs, 0 tariff measures; 1 warning(s))");
  });

  it("refuses it under --strict (exit 2)", async () => {
    const r = await runCli("validate", busy, "--root", tmp, "--strict");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: plants[0].capacity (ohio): ohio is planned to build 126,700 in FY2025, 126.7%");
  });

  it("is said before a valuation of the deal, not passed over", async () => {
    const r = await runCli("deal", busy, "cm", "--root", tmp);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(capacityWarning);
  });
});

describe("validate on an MSRP below the net price", () => {
  // Ohio within capacity (80,000 + 10,000 of the truck), the car's MSRP 28,000 under its net price of 30,000.
  const cheap = write(
    "cheap.yaml",
    scenario
      .replace("markets: { us: { price: 30000, demand: 80000 } }", "markets: { us: { price: 30000, msrp: 28000, demand: 80000 } }")
      .replaceAll("46700", "10000")
      .replace("id: busy", "id: cheap"),
  );
  const msrp = "programs[0].markets.us.msrp (car): MSRP 28,000 is below the net price 30,000";

  it("warns with the path and both figures, and still validates", async () => {
    const r = await runCli("validate", cheap, "--root", tmp);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`warning: ${msrp}`);
    expect(r.stderr).not.toContain("capacity");
  });

  it("refuses it under --strict (exit 2)", async () => {
    const r = await runCli("validate", cheap, "--root", tmp, "--strict");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${msrp}`);
  });
});

describe("errors are told in the file that has them", () => {
  it("an override's mistake names the override and its own index", async () => {
    write("overrides/wider.yaml", "lanes:\n  - { from: JP, to: us, costPerUnit: 10 }\n  - { from: US, to: us, costPerUnit: -5 }\n");
    const r = await runCli("validate", busy, "--root", tmp, "--with", "wider");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: \S*overrides\/wider\.yaml: lanes\[1\]\.costPerUnit: must be at least 0, got -5/);
  });

  it("one indentation slip is one error, at the line that slipped", async () => {
    const slipped = write(
      "slipped.yaml",
      scenario.replace(
        "    platform: p\n    variableCost: 20000\n    sourcing: { ohio: 1 }",
        "    platform: p\n   variableCost: 20000\n    sourcing: { ohio: 1 }",
      ),
    );
    const r = await runCli("validate", slipped, "--root", tmp);
    expect(r.code).toBe(2);
    expect(r.stderr.match(/^error:/gm)).toHaveLength(1);
    expect(r.stderr).toMatch(/error: \S*slipped\.yaml: line 16, column 4: indented 3 spaces where the lines around it have 4/);
    expect(r.stderr).toContain("suggestion: indent line 16 by 4 spaces, like its neighbours; the");
  });
});
