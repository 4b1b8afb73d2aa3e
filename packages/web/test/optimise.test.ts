import { cellNumber, rows } from "@tieup/core";
import { cooperation, parseObjective, scenarioInstance } from "@tieup/optimize";
import { describe, expect, it } from "vitest";
import { noControls } from "../src/engine/controls.js";
import { composeFiles } from "../src/engine/model.js";
import { optimiseRequest, optimiseScenario } from "../src/engine/optimise.js";
import { diskFiles } from "./disk.js";

const PICKUP = "/scenarios/examples/contract-pickup.yaml";
const scenarioAt = (entry: string) => {
  const s = composeFiles(diskFiles(entry), []).scenario;
  if (!s) throw new Error(`${entry} does not validate`);
  return s;
};

describe("the Optimise view's solve", () => {
  it("works the contract pickup out by hand: cooperation is worth 95M, the pickup is built at the host's plant", async () => {
    const r = await optimiseScenario(scenarioAt(PICKUP), "alliance");
    if (!r.ok) throw new Error(r.message);
    // Alliance: 10,000 × (30,000 − 500 − 20,000) − 50M fixed = 45M. Alone: the client has no plant (0),
    // the host no program (−50M), so Σ stand-alone = −50M and cooperation is worth 45M − (−50M) = 95M.
    expect(r.cooperation?.alliance).toBeCloseTo(45e6, 0);
    expect(r.cooperation?.standAloneTotal).toBeCloseTo(-50e6, 0);
    expect(r.cooperation?.value).toBeCloseTo(95e6, 0);
    // At the Nash price 25,250: client 10,000 × (29,500 − 25,250) = 42.5M, host 10,000 × 5,250 − 50M = 2.5M.
    const client = rows(r.tables.companies).find((c) => c.company === "client");
    expect(client?.optimum).toBeCloseTo(42.5e6, 0);
    expect(client?.standAlone).toBeCloseTo(0, 6);
    expect(rows(r.tables.crossBuilt)).toEqual([
      { program: "pickup", market: "us", seller: "client", plant: "canton", builder: "host", units: expect.closeTo(10_000, 6) },
    ]);
    // Canton builds 10,000 of its 100,000: capacity is not binding, so one more unit is worth nothing.
    const canton = rows(r.tables.plants).find((p) => p.plant === "canton");
    expect(canton).toMatchObject({ capacity: 100_000, shadowPrice: expect.closeTo(0, 6) });
    expect(canton?.output).toBeCloseTo(10_000, 6);
  });

  it("gives a single company's optimum without stand-alone figures or a value of cooperation", async () => {
    const r = await optimiseScenario(scenarioAt(PICKUP), "company:host");
    if (!r.ok) throw new Error(r.message);
    expect(r.cooperation).toBeNull();
    expect(rows(r.tables.companies).map((c) => c.company)).toEqual(["host"]);
    // Alone, the host builds nothing and carries Canton's fixed cost.
    expect(rows(r.tables.companies)[0]?.optimum).toBeCloseTo(-50e6, 0);
    expect(r.tables.crossBuilt.length).toBe(0);
  });

  it("names the objectives it knows when given another, as the CLI does", async () => {
    expect(parseObjective("company:hond", ["honda", "nissan"])).toEqual({
      issue: {
        severity: "error",
        path: "--objective",
        message: "unknown company `hond`",
        suggestion: "did you mean `honda`?",
      },
    });
    expect(parseObjective("alliance-fair", [])).toEqual({ objective: { kind: "alliance-fair" } });
    const r = await optimiseScenario(scenarioAt(PICKUP), "everyone");
    expect(r).toEqual({ ok: false, id: 0, message: "unknown objective `everyone`: one of alliance, alliance-fair, company:host, company:client" });
  });

  it("finds on the default scenario the value of cooperation @tieup/optimize finds, never below own sourcing", { timeout: 60_000 }, async () => {
    const r = await optimiseRequest({ id: 3, source: diskFiles(), with: [], controls: noControls(), objective: "alliance" });
    if (!r.ok) throw new Error(r.message);
    expect(r.id).toBe(3);
    const si = scenarioInstance(scenarioAt("/scenarios/nissan-honda-us.yaml"));
    const c = await cooperation(si.inst, "alliance", { prefer: si.baseline });
    expect(r.cooperation?.value).toBeCloseTo(c.value, 0);
    const total = (k: "ownSourcing" | "optimum") => rows(r.tables.companies).reduce((s, x) => s + cellNumber(x[k]), 0);
    expect(total("optimum")).toBeGreaterThanOrEqual(total("ownSourcing") - 1);
    expect(rows(r.tables.plants).every((p) => p.shadowPrice === null || cellNumber(p.shadowPrice) >= -1e-6)).toBe(true);
  });
});
