import { describe, expect, it } from "vitest";
import { type Issue, validateScenario } from "../../src/index.js";
import { sampleDoc } from "./sample.js";

const errorsOf = (doc: unknown): Issue[] => validateScenario(doc).issues.filter((i) => i.severity === "error");

describe("a valid scenario", () => {
  it("validates with no issue and converts units to canonical numbers", () => {
    const v = validateScenario(sampleDoc());
    expect(v.issues).toEqual([]);
    expect(v.scenario?.plants[0]?.capacity).toBe(200_000); // "200 thousand units/year"
    expect(v.scenario?.plants[0]?.fixedCost).toBe(400_000_000); // "400 million/year"
    expect(v.scenario?.programs[0]?.content.JP).toBeCloseTo(0.3); // "30%"
  });
});

describe("schema errors name the path and suggest a fix", () => {
  it("suggests the attribute meant by a misspelt key", () => {
    const doc = sampleDoc();
    doc.plants[1].capcity = doc.plants[1].capacity;
    delete doc.plants[1].capacity;
    const e = errorsOf(doc);
    expect(e.map((i) => i.path)).toContain("plants[1].capcity");
    expect(e.find((i) => i.path === "plants[1].capcity")?.suggestion).toContain("capacity");
    expect(e.find((i) => i.path === "plants[1].capacity")?.message).toMatch(/missing required/);
  });

  it("suggests the enum value meant by a typo", () => {
    const doc = sampleDoc();
    doc.programs[0].category = "light-truk";
    expect(errorsOf(doc)[0]).toMatchObject({ path: "programs[0].category", entity: "compact-suv", suggestion: "did you mean `light-truck`?" });
  });

  it("reads 25 on a fraction as a probable percentage", () => {
    const doc = sampleDoc();
    doc.tariffs[0].rate = 25;
    expect(errorsOf(doc)[0]?.suggestion).toContain('"25%"');
  });

  it("rejects a unit that does not fit the attribute", () => {
    const doc = sampleDoc();
    doc.plants[0].capacity = { value: 200, unit: "thousand USD" };
    expect(errorsOf(doc)[0]).toMatchObject({ path: "plants[0].capacity" });
  });

  it("flags implausible magnitudes", () => {
    const doc = sampleDoc();
    doc.plants[1].capacity = 45_000_000;
    expect(errorsOf(doc)[0]?.message).toMatch(/implausibly large/);
  });
});

describe("model checks", () => {
  it("names a dangling reference with the closest id", () => {
    const doc = sampleDoc();
    doc.programs[0].sourcing[0].shares = { ohoi: 0.6, kyushu: 0.4 };
    const e = errorsOf(doc);
    expect(e[0]).toMatchObject({ path: "programs[0].sourcing[0].shares.ohoi", suggestion: "did you mean `ohio`?" });
  });

  it("rejects sourcing shares that do not sum to one", () => {
    const doc = sampleDoc();
    doc.programs[0].sourcing[1].shares.kyushu = 0.3;
    expect(errorsOf(doc)[0]).toMatchObject({ path: "programs[0].sourcing[1].shares", message: "sourcing shares sum to 1.1, not 1" });
  });

  it("rejects a plant that cannot build the program's platform", () => {
    const doc = sampleDoc();
    doc.plants[1].platforms = ["sedan"];
    expect(errorsOf(doc).some((i) => i.path === "programs[0].sourcing[0].shares.kyushu" && /platform compact/.test(i.message))).toBe(true);
  });

  it("rejects building another company's program without a deal", () => {
    const doc = sampleDoc();
    doc.companies.push({ id: "rival", name: "Rival", reportingCurrency: "JPY" });
    doc.plants[1].owner = "rival";
    expect(errorsOf(doc).some((i) => /belongs to rival/.test(i.message) && /contract-manufacturing/.test(i.suggestion ?? ""))).toBe(true);
  });

  it("requires an FX rate for every period of every currency used", () => {
    const doc = sampleDoc();
    delete doc.fx.rates.JPY.FY2026;
    expect(errorsOf(doc)[0]).toMatchObject({ path: "fx.rates.JPY", message: expect.stringContaining("FY2026") });
  });

  it("requires a lane for every plant-to-market flow", () => {
    const doc = sampleDoc();
    doc.lanes = doc.lanes.filter((l: { from: string }) => l.from !== "JP");
    expect(errorsOf(doc)[0]).toMatchObject({ path: "programs[0].markets.us", message: "no lane from kyushu (JP) to market us" });
  });

  it("rejects content shares above one", () => {
    const doc = sampleDoc();
    doc.programs[0].content = { US: 0.7, JP: 0.5 };
    expect(errorsOf(doc)[0]?.path).toBe("programs[0].content");
  });

  it("rejects periods that leave a gap, and periods that are not whole months", () => {
    const doc = sampleDoc();
    doc.horizon = {
      periods: [
        { id: "H1", start: "2025-04-01", end: "2025-09-30" },
        { id: "H2", start: "2025-11-01", end: "2026-03-15" },
      ],
    };
    const e = errorsOf(doc);
    expect(e.some((i) => /gap from 2025-10-01 to 2025-10-31/.test(i.message))).toBe(true);
    expect(e.some((i) => /not a whole number of months/.test(i.message))).toBe(true);
  });

  it("rejects an empty horizon", () => {
    const doc = sampleDoc();
    doc.horizon = { fiscalYears: { from: 2026, to: 2025 } };
    expect(errorsOf(doc)[0]?.message).toMatch(/horizon is empty/);
  });
});

describe("contradictory tariff stacking", () => {
  const measure = (id: string, kind: string, extra: object = {}) => ({
    id,
    name: id,
    importer: "US",
    origins: ["JP"],
    categories: ["passenger-car"],
    kind,
    rate: 0.1,
    from: "2025-01-01",
    ...extra,
  });

  it("rejects two base (MFN) duties on one slot at once", () => {
    const doc = sampleDoc();
    doc.tariffs.push(measure("mfn-jp", "mfn"));
    expect(errorsOf(doc)[0]).toMatchObject({ path: "tariffs[2]", entity: "mfn-jp", message: expect.stringContaining("both are the base (MFN) duty") });
  });

  it("accepts them when they do not overlap in time, or one supersedes the other", () => {
    const doc = sampleDoc();
    doc.tariffs.push(measure("mfn-jp", "mfn", { from: "1980-01-01", to: "1989-12-31" }), measure("mfn-jp2", "mfn", { supersedes: ["mfn-car"] }));
    expect(errorsOf(doc)).toEqual([]);
  });

  it("rejects two all-in rates on one slot and measures superseding each other", () => {
    const doc = sampleDoc();
    doc.tariffs.push(
      measure("a", "all-in"),
      measure("b", "all-in"),
      measure("c", "additional", { supersedes: ["d"] }),
      measure("d", "additional", { supersedes: ["c"] }),
    );
    const messages = errorsOf(doc).map((i) => i.message);
    expect(messages.some((m) => /both are all-in/.test(m))).toBe(true);
    expect(messages.some((m) => /each supersedes the other/.test(m))).toBe(true);
  });

  it("refuses a measure listed twice in a stacking list (an offset would count its duties twice)", () => {
    const doc = sampleDoc();
    doc.tariffs[1].supersedes = ["mfn-car", "mfn-car"];
    expect(errorsOf(doc)[0]).toMatchObject({ path: "tariffs[1].supersedes", message: "mfn-car is listed twice" });
  });

  it("refuses a customs duty charged on the MSRP", () => {
    const doc = sampleDoc();
    doc.tariffs[1].basis = "msrp";
    expect(errorsOf(doc)[0]?.path).toBe("tariffs[1].basis");
  });
});

describe("every mistake at once", () => {
  it("reports schema and model errors of different entities together, at their original paths", () => {
    const doc = sampleDoc();
    doc.plants[0].capacity = -1; // schema: plants[0] dropped for the model checks
    doc.plants[1].owner = "makr"; // model: must still be reported at plants[1]
    doc.fx.rates.JPY = { FY2025: 150 }; // model
    const paths = errorsOf(doc).map((i) => i.path);
    expect(paths).toEqual(["plants[0].capacity", "plants[1].owner", "fx.rates.JPY"]);
  });
});

describe("currency mistakes", () => {
  it("rejects an amount written in another currency than its entity's, and still checks the rest", () => {
    const doc = sampleDoc();
    doc.programs[0].variableCost = { value: 900_000, currency: "JPY" };
    doc.plants[1].owner = "makr";
    const e = errorsOf(doc);
    expect(e[0]).toMatchObject({ path: "programs[0].variableCost", message: "amount given in JPY, but this attribute is in USD" });
    expect(e.map((i) => i.path)).toContain("plants[1].owner");
  });

  it("checks prices against the market's currency", () => {
    const doc = sampleDoc();
    doc.programs[0].markets.us.price = { value: 30000, currency: "CAD" };
    expect(errorsOf(doc)[0]?.path).toBe("programs[0].markets.us.price");
  });
});

describe("magnitudes in the base currency", () => {
  it("accepts ¥3.6 million as a variable cost but rejects $3.6 million", () => {
    const yen = sampleDoc();
    yen.programs[0].currency = "JPY";
    yen.programs[0].variableCost = 3_600_000;
    yen.fx.rates.JPY = { FY2025: 150, FY2026: 150 };
    expect(errorsOf(yen)).toEqual([]);
    const dollars = sampleDoc();
    dollars.programs[0].variableCost = 3_600_000;
    expect(errorsOf(dollars)[0]).toMatchObject({ path: "programs[0].variableCost", message: expect.stringMatching(/implausibly large/) });
  });
});

describe("plant closures", () => {
  const closing = () => {
    const doc = sampleDoc();
    doc.plants[1].openUntil = "2025-12-31";
    doc.programs[0].sourcing = { ohio: 0.6, kyushu: 0.4 };
    return doc;
  };
  const warningsOf = (doc: unknown) => validateScenario(doc).issues.filter((i) => i.severity === "warning");

  it("warns when a closed plant keeps a share of demand after its last day", () => {
    expect(warningsOf(closing())[0]).toMatchObject({ path: "programs[0].sourcing.kyushu", message: expect.stringContaining("closes on 2025-12-31") });
  });

  it("does not warn when the sales profile puts no volume after the closure", () => {
    const doc = closing();
    doc.programs[0].markets.us.monthlyProfile = [0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    doc.programs[0].markets.us.demand = { FY2025: 150000, FY2026: 0 };
    expect(warningsOf(doc)).toEqual([]);
  });
});

describe("periods and calendars", () => {
  it("rejects a monthly profile with no sales in any month", () => {
    const doc = sampleDoc();
    doc.programs[0].markets.us.monthlyProfile = Array(12).fill(0);
    expect(errorsOf(doc)[0]).toMatchObject({ path: "programs[0].markets.us.monthlyProfile" });
  });

  it("warns when a company's fiscal year does not start with the horizon's", () => {
    const doc = sampleDoc();
    doc.companies[0].fiscalYearStartMonth = 1;
    const w = validateScenario(doc).issues.filter((i) => i.severity === "warning");
    expect(w[0]).toMatchObject({ path: "companies[0].fiscalYearStartMonth", entity: "maker" });
  });
});

describe("currencies written in units and on deal amounts", () => {
  it("rejects a currency inside a unit string that is not the entity's", () => {
    const doc = sampleDoc();
    doc.plants[0].fixedCost = "400 JPY million/year";
    doc.programs[0].variableCost = { value: 24000, unit: "JPY/unit" };
    const paths = errorsOf(doc).map((i) => i.path);
    expect(paths).toEqual(["plants[0].fixedCost", "programs[0].variableCost"]);
  });

  it("rejects a deal amount in another currency than the deal's", () => {
    const doc = sampleDoc();
    doc.deals = [
      {
        id: "close",
        type: "plant-action",
        name: "c",
        plant: "kyushu",
        action: "close",
        lastDay: "2026-03-31",
        period: "FY2025",
        oneOff: { value: 5, unit: "billion", currency: "JPY" },
      },
    ];
    expect(errorsOf(doc)[0]).toMatchObject({ path: "deals[0].oneOff", message: "amount given in JPY, but this attribute is in USD" });
  });
});

describe("loose input refused", () => {
  it("refuses a date that does not exist instead of rolling it over", () => {
    const doc = sampleDoc();
    doc.tariffs[1].from = "2025-02-30";
    expect(errorsOf(doc)[0]).toMatchObject({ path: "tariffs[1].from", message: '"2025-02-30" is not a date' });
  });

  it("reads commas as thousands separators only", () => {
    const ok = sampleDoc();
    ok.plants[1].capacity = "100,000";
    expect(validateScenario(ok).scenario?.plants[1]?.capacity).toBe(100_000);
    const decimal = sampleDoc();
    decimal.plants[1].capacity = "1,5 thousand";
    expect(errorsOf(decimal)[0]?.path).toBe("plants[1].capacity");
  });
});
