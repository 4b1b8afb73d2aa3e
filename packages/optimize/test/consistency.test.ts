import { evaluate, rows, type Scenario } from "@tieup/core";
import { describe, expect, it } from "vitest";
import { companiesOf, scenarioInstance, valueAllocation } from "../src/index.js";
import { repoScenario } from "./helpers.js";

/**
 * The optimiser prices lanes with core's lane economics; valuing the
 * scenario's own sourcing with those prices must give exactly what `evaluate`
 * reports: contribution − fixed cost per company, summed over the periods.
 * The default scenario exercises duties by date, USMCA content, parts duties,
 * three currencies and the US-assembly offset with its cap.
 */
async function compare(scenario: Scenario) {
  const results = evaluate(scenario);
  const byCompany = new Map<string, number>();
  for (const r of rows(results.companies)) byCompany.set(String(r.company), (byCompany.get(String(r.company)) ?? 0) + (r.operatingProfitBase as number));
  const si = scenarioInstance(scenario);
  const valued = await valueAllocation(si.inst, { companies: companiesOf(si.inst), crossCompany: true }, si.baseline);
  return { byCompany, valued, si };
}

describe("the optimiser's value of own sourcing equals evaluate's", () => {
  it("on the two-plant example (tariffs by date, two periods, JPY reporting)", async () => {
    const { byCompany, valued } = await compare(repoScenario("scenarios/examples/two-plants.yaml"));
    expect(valued.status).toBe("optimal");
    for (const [c, profit] of byCompany) expect(valued.profit.get(c)).toBeCloseTo(profit, 0);
  });

  it("on the default scenario without its deals, company by company, to the dollar", async () => {
    const s = repoScenario("scenarios/nissan-honda-us.yaml");
    const { byCompany, valued, si } = await compare({ ...s, deals: [] });
    expect(si.warnings).toEqual([]);
    expect(si.inst.pools).toBeGreaterThan(0); // the offset cap is in the model
    expect(byCompany.size).toBeGreaterThan(1);
    for (const [c, profit] of byCompany) {
      expect(Math.abs((valued.profit.get(c) ?? Number.NaN) - profit)).toBeLessThan(1);
    }
  });
});
