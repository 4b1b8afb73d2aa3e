import { describe, expect, it } from "vitest";
import { fxSensitivity, rows, runScenario } from "../src/index.js";
import { build, company, plant, program, scenario } from "./fixtures.js";

describe("FX sensitivity of operating profit", () => {
  it("a Japan-built car sold in dollars with its costs in yen gains its whole dollar price per yen (hand-worked)", () => {
    // 1,000 cars at $30,000; cost ¥3M each (20,000 USD at ¥150, all incurred in yen). At ¥151: revenue +1,000 × 30,000 × ¥1 = +¥30M; costs unchanged in yen.
    const s = build(
      scenario({
        fx: { base: "USD", rates: { JPY: { FY2025: 150 } } },
        parameters: { costCurrencies: { parts: { JP: "JPY" }, assembly: "plant", rates: { JPY: 150 } } },
        companies: [company("maker", { reportingCurrency: "JPY", fxSensitivity: { JPY: 25e6 } })],
        plants: [plant("jp", "maker", "JP", { currency: "JPY" })],
        programs: [program("car", "maker", { jp: 1 }, { content: { JP: 1 } })],
        lanes: [{ from: "JP", to: "us", costPerUnit: 0 }],
      }),
    );
    const [row] = rows(fxSensitivity(runScenario(s), "FY2025", ["JPY"]));
    expect(row?.wholeCompany).toBeCloseTo(30e6, 0);
    expect(row?.modelledScope).toBeCloseTo(30e6, 0);
    expect(row?.published).toBe(25e6);
  });
});
