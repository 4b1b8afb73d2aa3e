/**
 * fast-check generators of small random scenarios for the property tests:
 * 1–2 companies, 1–3 plants in US/CA/MX/JP, 1–3 programs sold in the US
 * (USD) and Canada (CAD) markets, and 0–6 dated tariff measures of every kind.
 */
import fc from "fast-check";
import { dayNumber, isoOf, type ScenarioInput } from "../src/index.js";
import type { LaneIn, MeasureIn, PlantIn, ProgramIn } from "./fixtures.js";

export interface ScenarioOptions {
  /** Horizon of the generated scenario. */
  horizon: ScenarioInput["horizon"];
  /** Period ids of that horizon (demand and FX are given for each). */
  periods: string[];
  /** Extra period ids that get FX rates (so a derived scenario with other periods can reuse the FX). */
  fxPeriods?: string[];
  /** Whether programs may carry a monthly sales profile. */
  profiles?: boolean;
  /** Whether the tariff list may hold offset measures. */
  offsets?: boolean;
  /** Whether companies may report in JPY. */
  jpy?: boolean;
}

const COUNTRIES = ["US", "CA", "MX", "JP"] as const;
const DAY0 = dayNumber("2024-01-01");
const rate = fc.integer({ min: 0, max: 400 }).map((x) => x / 1000);
const weights = (n: number) => fc.array(fc.integer({ min: 0, max: 10 }), { minLength: n, maxLength: n });

/** Normalises non-negative weights to shares summing to 1 over the keys (at least one positive). */
function shares(keys: readonly string[], w: readonly number[]): Record<string, number> {
  const pos = w.map((x, i) => (i === 0 ? Math.max(1, x) : x));
  const sum = pos.reduce((a, b) => a + b, 0);
  const out: Record<string, number> = {};
  keys.forEach((k, i) => {
    if ((pos[i] ?? 0) > 0) out[k] = (pos[i] ?? 0) / sum;
  });
  return out;
}

const dates = fc.record({
  open: fc.boolean(),
  from: fc.integer({ min: 0, max: 3 * 365 }),
  length: fc.integer({ min: 0, max: 500 }),
  ended: fc.boolean(),
});

function dateFields(d: { open: boolean; from: number; length: number; ended: boolean }): Pick<MeasureIn, "from" | "to"> {
  const from = d.open ? dayNumber("1990-01-01") : DAY0 + d.from;
  return d.ended ? { from: isoOf(from), to: isoOf(Math.max(from, DAY0 + d.from) + d.length) } : { from: isoOf(from) };
}

const dutySpec = fc.record({
  importer: fc.constantFrom("US", "US", "US", "CA"),
  origins: fc.oneof(fc.constant(["*"] as string[]), fc.subarray(["JP", "MX", "CA", "US"], { minLength: 1 })),
  categories: fc.subarray(["passenger-car", "light-truck", "parts"] as const, { minLength: 1 }),
  kind: fc.constantFrom("mfn", "additional", "additional", "all-in"),
  usmca: fc.constantFrom(undefined, "qualifying", "non-qualifying"),
  exclude: fc.boolean(),
  rate,
  dates,
  refs: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }),
  supersedes: fc.boolean(),
});

const offsetSpec = fc.record({
  categories: fc.subarray(["passenger-car", "light-truck"] as const, { minLength: 1 }),
  rate: fc.integer({ min: 0, max: 50 }).map((x) => x / 1000),
  dates,
  refs: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }),
});

/** 0–6 duty measures (at most one all-in) and, optionally, 1–2 offsets naming some of them. */
export function tariffs(withOffsets: boolean): fc.Arbitrary<MeasureIn[]> {
  return fc
    .tuple(fc.array(dutySpec, { maxLength: 6 }), withOffsets ? fc.array(offsetSpec, { minLength: 1, maxLength: 2 }) : fc.constant([]))
    .map(([duties, offsets]) => {
      const ids = duties.map((_, i) => `m${i}`);
      const ref = (refs: number[], self: number) => [
        ...new Set(refs.map((r) => ids[r % Math.max(1, ids.length)]).filter((x): x is string => x !== undefined && x !== ids[self])),
      ];
      let allIns = 0;
      const out: MeasureIn[] = duties.map((d, i) => {
        const kind = d.kind === "all-in" && allIns++ > 0 ? "additional" : d.kind;
        const m: MeasureIn = {
          id: ids[i] as string,
          name: `measure ${i}`,
          importer: d.importer,
          origins: [...d.origins],
          categories: d.categories,
          kind,
          rate: d.rate,
          ...dateFields(d.dates),
        };
        if (d.usmca) m.usmca = d.usmca;
        if (d.exclude) m.basis = { excludeContentOf: ["US"] };
        if (kind === "all-in") m.inclusiveOf = ref(d.refs, i);
        else if (d.supersedes) m.supersedes = ref(d.refs, i);
        return m;
      });
      offsets.forEach((o, j) => {
        out.push({
          id: `offset${j}`,
          name: `offset ${j}`,
          importer: "US",
          origins: ["US"],
          categories: o.categories,
          kind: "offset",
          basis: "msrp",
          rate: o.rate,
          offsets: ref(o.refs, -1),
          ...dateFields(o.dates),
        });
      });
      return out;
    });
}

const plantSpec = fc.record({
  country: fc.constantFrom(...COUNTRIES),
  owner: fc.nat(1),
  capacity: fc.integer({ min: 1_000, max: 300_000 }),
  fixedCost: fc.integer({ min: 0, max: 1_000 }).map((x) => x * 1e6),
});

const marketSpec = fc.record({
  price: fc.integer({ min: 15_000, max: 80_000 }),
  msrp: fc.option(fc.integer({ min: 15_000, max: 90_000 }), { nil: undefined }),
  demand: fc.integer({ min: 0, max: 200_000 }),
  profile: fc.option(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 12, maxLength: 12 }), { nil: undefined }),
});

const programSpec = fc.record({
  seller: fc.nat(1),
  category: fc.constantFrom("passenger-car", "light-truck") as fc.Arbitrary<"passenger-car" | "light-truck">,
  variableCost: fc.integer({ min: 8_000, max: 40_000 }),
  partsValue: fc.option(fc.integer({ min: 2_000, max: 30_000 }), { nil: undefined }),
  content: weights(5),
  usmcaQualifying: fc.boolean(),
  customs: fc.oneof(
    fc.constant(undefined),
    rate.map((x) => ({ shareOfPrice: 0.5 + x })),
    rate.map((x) => ({ markupOnCost: x })),
    fc.integer({ min: 5_000, max: 50_000 }).map((x) => ({ perUnit: x })),
  ),
  sourcing: weights(3),
  sourcing2: weights(3),
  us: fc.option(marketSpec, { nil: undefined }),
  ca: fc.option(marketSpec, { nil: undefined }),
  demandByPeriod: fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 12, maxLength: 12 }),
});

export function scenarios(opts: ScenarioOptions): fc.Arbitrary<ScenarioInput> {
  return fc
    .record({
      currencies: fc.tuple(opts.jpy ? fc.constantFrom("USD", "JPY") : fc.constant("USD"), opts.jpy ? fc.constantFrom("USD", "JPY") : fc.constant("USD")),
      companies: fc.integer({ min: 1, max: 2 }),
      plants: fc.array(plantSpec, { minLength: 1, maxLength: 3 }),
      programs: fc.array(programSpec, { minLength: 1, maxLength: 3 }),
      lanes: fc.array(fc.integer({ min: 0, max: 3_000 }), { minLength: 8, maxLength: 8 }),
      tariffs: tariffs(opts.offsets ?? false),
      jpy: fc.integer({ min: 80, max: 200 }),
      cad: fc.integer({ min: 100, max: 180 }).map((x) => x / 100),
    })
    .map((g) => {
      const companies = Array.from({ length: g.companies }, (_, i) => ({ id: `c${i}`, name: `c${i}`, reportingCurrency: g.currencies[i] ?? "USD" }));
      const owner = (n: number) => `c${n % g.companies}`;
      const plants: PlantIn[] = g.plants.map((p, i) => ({
        id: `pl${i}`,
        name: `pl${i}`,
        owner: owner(p.owner),
        country: p.country,
        capacity: p.capacity,
        fixedCost: p.fixedCost,
        platforms: ["p"],
      }));
      const plantIds = plants.map((p) => p.id);
      const programs: ProgramIn[] = g.programs.map((p, i) => {
        const markets: ProgramIn["markets"] = {};
        for (const [id, m] of [
          ["us", p.us ?? (p.ca ? undefined : { price: 30_000, msrp: undefined, demand: 1_000, profile: undefined })],
          ["ca", p.ca],
        ] as const) {
          if (!m) continue;
          const demand = opts.periods.length === 1 ? m.demand : Object.fromEntries(opts.periods.map((id, k) => [id, p.demandByPeriod[k % 12] ?? 0]));
          markets[id] = {
            price: m.price,
            demand,
            ...(m.msrp ? { msrp: m.msrp } : {}),
            ...(opts.profiles && m.profile?.some((x) => x > 0) ? { monthlyProfile: m.profile } : {}),
          };
        }
        const first = shares(plantIds, p.sourcing.slice(0, plantIds.length));
        const second = opts.periods[1] !== undefined ? [{ from: opts.periods[1], shares: shares(plantIds, p.sourcing2.slice(0, plantIds.length)) }] : [];
        const prog: ProgramIn = {
          id: `pr${i}`,
          name: `pr${i}`,
          seller: owner(p.seller),
          brand: "b",
          category: p.category,
          platform: "p",
          variableCost: p.variableCost,
          content: Object.fromEntries(Object.entries(shares(["US", "CA", "MX", "JP", "rest"], p.content)).filter(([k]) => k !== "rest")),
          usmcaQualifying: p.usmcaQualifying,
          sourcing: second.length > 0 ? [{ from: opts.periods[0] as string, shares: first }, ...second] : first,
          markets,
        };
        if (p.partsValue !== undefined) prog.partsValue = p.partsValue;
        if (p.customs !== undefined) prog.customsValue = p.customs;
        return prog;
      });
      const lanes: LaneIn[] = COUNTRIES.flatMap((c, i) => [
        { from: c, to: "us", costPerUnit: g.lanes[2 * i] ?? 0 },
        { from: c, to: "ca", costPerUnit: g.lanes[2 * i + 1] ?? 0 },
      ]);
      const fxIds = [...opts.periods, ...(opts.fxPeriods ?? [])];
      return {
        id: "random",
        horizon: opts.horizon,
        fx: { base: "USD", rates: { JPY: Object.fromEntries(fxIds.map((id) => [id, g.jpy])), CAD: Object.fromEntries(fxIds.map((id) => [id, g.cad])) } },
        companies,
        markets: [
          { id: "us", name: "us", country: "US", currency: "USD" },
          { id: "ca", name: "ca", country: "CA", currency: "CAD" },
        ],
        plants,
        programs,
        lanes,
        tariffs: g.tariffs,
      } satisfies ScenarioInput;
    });
}
