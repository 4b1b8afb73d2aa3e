import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const pickup = fileURLToPath(new URL("../../../scenarios/examples/contract-pickup.yaml", import.meta.url));

describe("tieup deal", () => {
  it("prints the zone of agreement, the Nash price and each party's NPV of the hand-worked example", async () => {
    const r = await runCli("deal", pickup);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("zone of agreement 21,000–29,500 USD per unit");
    expect(r.stdout).toContain("evaluated at 25,250 USD per unit (Nash price, host weight 0.5)");
    expect(r.stdout).toContain("host break-even volume at the evaluated price: 1,905 units a year");
    expect(r.stdout).toMatch(/host\s+USD million\s+0\.0%\s+42\.5/);
  });

  it("gives the analysis as JSON", async () => {
    const a = JSON.parse((await runCli("deal", pickup, "cm", "--format", "json")).stdout).deals[0];
    expect(a.price.agreement.nash).toBeCloseTo(25_250, 6);
    expect(a.values.map((v: { npv: number }) => v.npv)).toEqual([expect.closeTo(42.5e6, 0), expect.closeTo(42.5e6, 0)]);
  });

  it("sweeps the transfer price: the host's gain rises and the client's falls by the volume per unit of price", async () => {
    const s = JSON.parse((await runCli("deal", pickup, "cm", "--sweep", "transfer-price=20000:30000:5000", "--format", "json")).stdout);
    expect(s.price).toEqual([20_000, 25_000, 30_000]);
    expect(s.host[1] - s.host[0]).toBeCloseTo(5_000 * 10_000, 0);
    expect(s.client[0] - s.client[1]).toBeCloseTo(5_000 * 10_000, 0);
  });

  it("names an unknown deal and lists the known ones, with code 2", async () => {
    const r = await runCli("deal", pickup, "cn");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown deal `cn`");
    expect(r.stderr).toContain("deals: cm");
  });

  it("refuses a malformed sweep", async () => {
    const r = await runCli("deal", pickup, "cm", "--sweep", "price=1:2");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("transfer-price=20000:40000:1000");
  });
});
