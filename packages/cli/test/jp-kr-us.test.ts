import { describe, expect, it } from "vitest";
import { resolveInputs } from "../src/evidence/inputs.js";
import { InputError } from "../src/io/errors.js";
import { loadScenario, resolveScenarioPath } from "../src/scenario/load.js";
import { runCli } from "./run-cli.js";

/** The forecasts' cut-off: no input of the jp-kr-us scenario may rest on a source published after it. */
const CUT_OFF = "2025-07-31";

/**
 * The last day a source's date can stand for: a day is itself, a month its last
 * day, a year its 31 December ("2025 (inferred)" might be December); "n/d (~2016)"
 * reads as 2016. Undefined when no year is given.
 */
export function latestDay(date: string): string | undefined {
  const m = /(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) return undefined;
  const [, y, mo, d] = m as unknown as [string, string, string | undefined, string | undefined];
  if (d && mo) return `${y}-${mo}-${d}`;
  if (mo) return `${y}-${mo}-${String(new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate()).padStart(2, "0")}`;
  return `${y}-12-31`;
}

describe("the dates of a source", () => {
  it("read as the last day they can stand for", () => {
    expect(latestDay("2025-07-24")).toBe("2025-07-24");
    expect(latestDay("2025-07 (inferred)")).toBe("2025-07-31");
    expect(latestDay("2024-02")).toBe("2024-02-29");
    expect(latestDay("2025 (inferred)")).toBe("2025-12-31");
    expect(latestDay("n/d (~2016)")).toBe("2016-12-31");
    expect(latestDay("n/d")).toBeUndefined();
    // The row the Toyota library used to cite for its yen sensitivity: after the cut-off.
    expect((latestDay("2025-08-22") ?? "") > CUT_OFF).toBe(true);
  });
});

describe("the jp-kr-us built-in scenario", () => {
  it("is found by its name, as the default is", () => {
    expect(resolveScenarioPath("jp-kr-us").replaceAll("\\", "/")).toMatch(/\/scenarios\/jp-kr-us\.yaml$/);
    expect(resolveScenarioPath(undefined).replaceAll("\\", "/")).toMatch(/\/scenarios\/nissan-honda-us\.yaml$/);
    // A path is a path: a name with a folder or an extension is never looked up among the built-ins.
    expect(resolveScenarioPath("some/jp-kr-us.yaml").replaceAll("\\", "/")).toMatch(/some\/jp-kr-us\.yaml$/);
  });

  it("names the built-ins for a bare name that is neither a file nor one of them, exit 2", async () => {
    expect(() => resolveScenarioPath("no-such-scenario")).toThrow(InputError);
    const r = await runCli("run", "no-such-scenario");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no file no-such-scenario here and no built-in scenario of that name");
    expect(r.stderr).toContain("one of the built-ins: jp-kr-us, nissan-honda-us, nissan-honda-us-uncertain");
  });

  it("validates by name: eight companies, their plants and US sales, only the Korean makers' calendar years warned of", async () => {
    const r = await runCli("validate", "jp-kr-us");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("jp-kr-us: valid (8 companies, 32 plants, 27 programs, 13 tariff measures; 2 warning(s))");
    expect(r.stderr.match(/^warning: .*$/gm)?.every((l) => /companies\[0\]\.fiscalYearStartMonth \((hyundai|kia)\)/.test(l))).toBe(true);
  });

  it("rests only on sources published by 2025-07-31 or documented assumptions (the tariff measures are law, dated as enacted)", () => {
    const loaded = loadScenario("jp-kr-us");
    const inputs = resolveInputs(loaded.citations, loaded.files);
    expect(inputs.length).toBeGreaterThan(300);
    const late: string[] = [];
    for (const i of inputs) {
      if (i.path.startsWith("tariffs[")) continue;
      if (i.cites.startsWith("assumption:")) {
        if (!i.what) late.push(`${i.path}: ${i.cites} is not a documented assumption`);
        continue;
      }
      const day = latestDay(i.date);
      if (day === undefined || day > CUT_OFF) late.push(`${i.path}: ${i.cites} dated ${i.date || "(no date)"}`);
    }
    expect(late).toEqual([]);
  });

  it("prints each maker's FY2025 tariff cost and its effect on whole-company operating profit", async () => {
    const r = await runCli("run", "jp-kr-us");
    expect(r.code).toBe(0);
    for (const maker of ["toyota", "honda", "nissan", "mazda", "subaru", "mitsubishi", "hyundai", "kia"]) {
      expect(r.stdout).toMatch(new RegExp(`^${maker}: operating profit FY2025 `, "m"));
    }
    const effects = [
      ...r.stdout.matchAll(
        /^(\w+): operating profit FY2025 (-?[\d,.]+) .*\n.*\n {2}its effect on whole-company operating profit: (-[\d,.]+) (?:¥|KRW) billion, from (-?[\d,.]+) before the tariff cost to (-?[\d,.]+)$/gm,
      ),
    ];
    expect(effects.map((m) => m[1])).toHaveLength(8);
    const num = (t: string | undefined) => Number((t ?? "").replaceAll(",", ""));
    for (const [, , whole, effect, from, to] of effects) {
      // "to" is the headline's whole-company profit, and before + effect = after, to the rounding of one decimal.
      expect(num(to)).toBe(num(whole));
      expect(Math.abs(num(from) + num(effect) - num(to))).toBeLessThanOrEqual(0.11);
    }
    // The won reporters get their won line, not a yen one.
    expect(r.stdout.match(/^ {2}a weaker won \(\+1% against the dollar\): /gm)).toHaveLength(2);
    expect(r.stdout).not.toMatch(/^ {2}a weaker yen .*KRW/m);
  });

  it("costs Subaru's Japan-built vehicles as worked by hand: units x customs value x the added rate over the dated entries", async () => {
    const r = await runCli("run", "jp-kr-us", "--format", "json");
    const out = JSON.parse(r.stdout) as {
      headline: { id: string; impacts: { company: string; vehicles: number; parts: number; offsets: number; net: number }[] }[];
    };
    const subaru = out.headline.find((h) => h.id === "FY2025")?.impacts.find((i) => i.company === "subaru");
    // 331,000 a year sold evenly over FY2025's 365 days at a customs value of 0.9 x 27,200 = 24,480 USD,
    // each entering 30 days before its sale. Sales of 3 May-15 October entered 3 April-15 September:
    // 166 days at +25% (Section 232 over the 2.5% MFN); sales of 16 October-31 March entered from
    // 16 September: 167 days at 15% all-in, +12.5%. At the FY2025 yen, 145.17.
    const perDay = (331000 / 365) * 24480;
    const vehiclesUsd = perDay * (166 * 0.25 + 167 * 0.125);
    expect(vehiclesUsd).toBeCloseTo(1384.7e6, -4);
    expect(subaru?.vehicles).toBeCloseTo(vehiclesUsd * 145.17, -5);
    // The Lafayette offset: 3.75% of the 38,000 MSRP on the 331,000 US-built, every day of sales from 3 April.
    expect(subaru?.offsets).toBeCloseTo(-(331000 / 365) * 38000 * 0.0375 * 363 * 145.17, -5);
    expect(subaru?.net).toBeCloseTo((subaru?.vehicles ?? 0) + (subaru?.parts ?? 0) + (subaru?.offsets ?? 0), -3);
    // Near what Subaru itself expected before countermeasures in May 2025 (370 bn yen at 25% all year,
    // guidance.csv#subaru-tariff-impact-fy2025-may): the 15% rate from 16 September takes the rest.
    expect((subaru?.net ?? 0) / 1e9).toBeGreaterThan(150);
    expect((subaru?.net ?? 0) / 1e9).toBeLessThan(370);
  });
});
