#!/usr/bin/env node
/**
 * Synthetic scenario generator for the evaluation benchmark.
 *
 *   import { generateScenario, dimensionsFor, countFlows } from "./generate.mjs";
 *   const doc = generateScenario({ plants: 60, programs: 500, markets: 10, periods: 10, seed: 1 });
 *
 *   node bench/generate.mjs --flows 100000 [--seed 1] > scenario.json
 *   node bench/generate.mjs --plants 60 --programs 500 --markets 10 --periods 10 > scenario.json
 *
 * The document is a plain object accepted by `Scenario.parse` and by
 * `validateScenario` (no errors; four warnings, as the calendar-year
 * companies are reported on the horizon's April fiscal years). Its structure
 * follows the real thing: up to seven companies reporting in JPY, USD, KRW
 * and EUR; plants in the US, Canada, Mexico, Japan, Korea, China, Germany and
 * Thailand; programs (cars and light trucks) built in 1-3 plants of their
 * seller that list their platform (shares summing to 1, some re-sourced
 * mid-horizon), with content shares by origin, some with a parts value, a
 * customs value or a price pass-through of their own; prices in each
 * market's currency, demand by market and period (some constant), about a third of
 * the program-markets with one of three shared monthly sales profiles; FX
 * rates for every currency and period; capacities sized to the load; a lane
 * for every plant country -> market pair (plus a few plant-specific lanes
 * that win); and a tariff set with MFN duties, additional measures, all-in
 * deals with `inclusiveOf`, a measure that supersedes another, parts duties,
 * dated US-assembly offsets, and measures that start and end in mid-period.
 * Rates and dates are illustrative, not sourced.
 *
 * Randomness comes from a seeded PRNG (mulberry32): the same arguments always
 * give the same document.
 *
 * Flow-periods: every program is sold in every market with positive demand
 * in every period, so the evaluation has exactly
 *   periods × markets × Σ_programs (number of its plants)
 * rows. Plants per program follow shuffled blocks of [1, 2, 2, 3], i.e. two
 * on average, so with `programs` a multiple of 4 the count is
 * periods × markets × programs × 2.
 */

/** mulberry32: small, fast, good enough for synthetic data. Returns floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CURRENCY = {
  US: "USD",
  CA: "CAD",
  MX: "MXN",
  JP: "JPY",
  KR: "KRW",
  CN: "CNY",
  DE: "EUR",
  FR: "EUR",
  IT: "EUR",
  ES: "EUR",
  GB: "GBP",
  AU: "AUD",
  TH: "THB",
  BR: "BRL",
  SA: "SAR",
  IN: "INR",
  ZA: "ZAR",
  CL: "CLP",
  NZ: "NZD",
  AE: "AED",
  TR: "TRY",
  ID: "IDR",
  PH: "PHP",
  VN: "VND",
};

/** Units of currency per USD in the first period (roughly 2024 levels). */
const FX0 = {
  CAD: 1.37,
  MXN: 18.3,
  JPY: 151,
  KRW: 1360,
  CNY: 7.2,
  EUR: 0.92,
  GBP: 0.79,
  AUD: 1.52,
  THB: 35.5,
  BRL: 5.4,
  SAR: 3.75,
  INR: 83.5,
  ZAR: 18.6,
  CLP: 940,
  NZD: 1.65,
  AED: 3.67,
  TRY: 32.5,
  IDR: 15_900,
  PHP: 57,
  VND: 25_000,
};

const NAMES = {
  US: "United States",
  CA: "Canada",
  MX: "Mexico",
  JP: "Japan",
  KR: "South Korea",
  CN: "China",
  DE: "Germany",
  FR: "France",
  IT: "Italy",
  ES: "Spain",
  GB: "United Kingdom",
  AU: "Australia",
  TH: "Thailand",
  BR: "Brazil",
  SA: "Saudi Arabia",
  IN: "India",
  ZA: "South Africa",
  CL: "Chile",
  NZ: "New Zealand",
  AE: "United Arab Emirates",
  TR: "Turkey",
  ID: "Indonesia",
  PH: "Philippines",
  VN: "Vietnam",
};

/** Markets in order of size; the first `markets` are used. Weight = relative sales volume. */
const MARKETS = [
  ["US", 10],
  ["CA", 2],
  ["MX", 2],
  ["JP", 5],
  ["KR", 2],
  ["CN", 8],
  ["DE", 3],
  ["GB", 2],
  ["FR", 2],
  ["AU", 1.5],
  ["IT", 1.5],
  ["ES", 1.2],
  ["BR", 1.8],
  ["TH", 1],
  ["SA", 0.8],
  ["IN", 3],
  ["ZA", 0.6],
  ["CL", 0.5],
  ["NZ", 0.3],
  ["AE", 0.4],
  ["TR", 0.9],
  ["ID", 1],
  ["PH", 0.5],
  ["VN", 0.5],
];

/** Companies: home country, reporting currency, fiscal year start, countries where they build. */
const COMPANIES = [
  { id: "akane", name: "Akane Motor Corporation", home: "JP", currency: "JPY", fy: 4, builds: ["JP", "US", "MX", "CA", "TH"] },
  { id: "great-lakes", name: "Great Lakes Motors", home: "US", currency: "USD", fy: 1, builds: ["US", "CA", "MX", "KR"] },
  { id: "hayate", name: "Hayate Motor Co.", home: "JP", currency: "JPY", fy: 4, builds: ["JP", "US", "MX", "CN"] },
  { id: "hanbit", name: "Hanbit Motors", home: "KR", currency: "KRW", fy: 1, builds: ["KR", "US", "MX", "CN"] },
  { id: "prairie", name: "Prairie Automotive", home: "US", currency: "USD", fy: 1, builds: ["US", "MX", "CN", "DE"] },
  { id: "kosei", name: "Kosei Motors", home: "JP", currency: "JPY", fy: 4, builds: ["JP", "US", "TH"] },
  { id: "rheinwerk", name: "Rheinwerk AG", home: "DE", currency: "EUR", fy: 1, builds: ["DE", "US", "MX", "CN"] },
];

/** Three shared seasonal shapes (Jan..Dec); program-markets that have a profile pick one. */
const PROFILES = [
  [0.8, 0.85, 1.25, 1.0, 0.95, 1.05, 1.0, 0.95, 1.1, 1.0, 0.95, 1.1],
  [0.7, 0.8, 1.1, 1.0, 1.05, 1.1, 1.05, 1.1, 1.05, 1.0, 0.95, 1.1],
  [1.3, 0.9, 1.4, 0.8, 0.8, 0.9, 0.9, 0.9, 1.0, 1.0, 1.0, 1.1],
];

const USMCA = new Set(["US", "CA", "MX"]);
const CPTPP_EPA = ["JP"]; // partners with zero car duty in several markets below

/** Sum over `n` programs of their plant counts (shuffled blocks of [1,2,2,3]). */
function plantsPerProgram(n, rnd) {
  const out = [];
  for (let i = 0; i < n; i += 4) out.push(...shuffle([1, 2, 2, 3], rnd));
  return out.slice(0, n);
}

function shuffle(a, rnd) {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

const pick = (a, rnd) => a[Math.floor(rnd() * a.length)];
const round = (x, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;
const between = (lo, hi, rnd) => lo + (hi - lo) * rnd();

/** Splits 1 into k shares of at least 0.15, in hundredths, summing to exactly 1 in decimal. */
function shares(k, rnd) {
  if (k === 1) return [1];
  const raw = Array.from({ length: k }, () => 0.3 + rnd());
  const total = raw.reduce((s, x) => s + x, 0);
  const cents = raw.map((x) => Math.max(15, Math.round((100 * x) / total)));
  const drift = cents.reduce((s, x) => s + x, 0) - 100;
  cents[cents.indexOf(Math.max(...cents))] -= drift;
  return cents.map((c) => c / 100);
}

/** Dimensions that give `flows` flow-periods (exact for the benchmark sizes). */
export function dimensionsFor(flows) {
  const markets = flows >= 1_000_000 ? 20 : flows >= 100_000 ? 10 : 5;
  const periods = Math.max(1, Math.min(10, Math.floor(flows / (markets * 2 * 4)) || 1));
  const programs = Math.max(1, Math.round(flows / (periods * markets * 2)));
  const plants = Math.max(6, Math.min(400, Math.round(programs / 10) + 14));
  return { plants, programs, markets, periods };
}

/** Number of flow-periods the engine will produce for a generated document. */
export function countFlows(doc) {
  const periods = doc.horizon.fiscalYears.to - doc.horizon.fiscalYears.from + 1;
  let perPeriod = 0;
  for (const p of doc.programs) {
    const plants = Array.isArray(p.sourcing) ? Object.keys(p.sourcing[0].shares).length : Object.keys(p.sourcing).length;
    perPeriod += plants * Object.keys(p.markets).length;
  }
  return periods * perPeriod;
}

export function generateScenario({ plants = 20, programs = 100, markets = 5, periods = 10, seed = 1, firstYear = 2024 } = {}) {
  if (markets > MARKETS.length) throw new Error(`at most ${MARKETS.length} markets`);
  const rnd = prng(seed);
  const periodIds = Array.from({ length: periods }, (_, i) => `FY${firstYear + i}`);

  const companies = COMPANIES.slice(0, Math.max(1, Math.min(COMPANIES.length, Math.floor(plants / 3))));
  const marketList = MARKETS.slice(0, markets).map(([country, weight]) => ({
    id: country.toLowerCase(),
    name: NAMES[country],
    country,
    currency: CURRENCY[country],
    weight,
  }));

  // FX: a random walk per currency, rounded to 4 significant digits.
  const usedCurrencies = new Set([
    ...companies.map((c) => c.currency),
    ...marketList.map((m) => m.currency),
    ...companies.flatMap((c) => c.builds.map((b) => CURRENCY[b])),
  ]);
  usedCurrencies.delete("USD");
  const rates = {};
  for (const cur of [...usedCurrencies].sort()) {
    let r = FX0[cur];
    rates[cur] = {};
    for (const id of periodIds) {
      rates[cur][id] = Number(r.toPrecision(4));
      r *= 1 + between(-0.06, 0.06, rnd);
    }
  }
  const fx0 = (cur) => (cur === "USD" ? 1 : rates[cur][periodIds[0]]);

  // Plants: round-robin over companies, each in one of the company's build countries.
  const plantList = [];
  const platformsOf = new Map(companies.map((c) => [c.id, [`${c.id}-small`, `${c.id}-mid`, `${c.id}-truck`]]));
  for (let i = 0; i < plants; i++) {
    const c = companies[i % companies.length];
    const n = Math.floor(i / companies.length);
    const country = n < c.builds.length ? c.builds[n] : pick(c.builds, rnd);
    const platforms = platformsOf.get(c.id).filter(() => rnd() < 0.7);
    plantList.push({
      id: `${c.id}-${country.toLowerCase()}-${n + 1}`,
      name: `${c.name.split(" ")[0]} ${NAMES[country]} Assembly ${n + 1}`,
      owner: c.id,
      country,
      currency: CURRENCY[country],
      capacity: 0, // set from the load below
      fixedCost: 0,
      platforms: platforms.length > 0 ? platforms : [platformsOf.get(c.id)[0]],
      headcount: 0,
    });
  }
  const plantsOf = new Map(companies.map((c) => [c.id, plantList.filter((p) => p.owner === c.id)]));
  const load = new Map(plantList.map((p) => [p.id, 0]));

  // Programs.
  const ks = plantsPerProgram(programs, rnd);
  const programList = [];
  for (let i = 0; i < programs; i++) {
    const c = companies[Math.floor(rnd() * companies.length)];
    const own = plantsOf.get(c.id);
    const truck = rnd() < 0.3;
    const platform = truck ? `${c.id}-truck` : pick([`${c.id}-small`, `${c.id}-mid`], rnd);
    const k = Math.min(ks[i], own.length);
    if (k < ks[i]) throw new Error(`company ${c.id} has ${own.length} plants; programs need up to 3 (raise plants)`);
    const chosen = shuffle([...own], rnd).slice(0, k);
    for (const p of chosen) if (!p.platforms.includes(platform)) p.platforms.push(platform);
    const base = shares(k, rnd);
    const later = shares(k, rnd);
    const sourcing =
      k > 1 && rnd() < 0.3 && periods > 2
        ? [
            { from: periodIds[0], shares: Object.fromEntries(chosen.map((p, j) => [p.id, base[j]])) },
            { from: periodIds[Math.floor(periods / 2)], shares: Object.fromEntries(chosen.map((p, j) => [p.id, later[j]])) },
          ]
        : Object.fromEntries(chosen.map((p, j) => [p.id, base[j]]));

    const usdCost = truck ? between(28_000, 42_000, rnd) : between(17_000, 32_000, rnd);
    const currency = c.currency;
    const variableCost = round(usdCost * fx0(currency), currency === "JPY" || currency === "KRW" ? -3 : 0);

    // Content: the main plant's country, the seller's home, a few supplier countries; the rest is "other".
    const content = {};
    const addContent = (country, share) => {
      content[country] = round((content[country] ?? 0) + share, 3);
    };
    addContent(chosen[0].country, between(0.35, 0.55, rnd));
    if (c.home !== chosen[0].country) addContent(c.home, between(0.1, 0.25, rnd));
    if (rnd() < 0.6) addContent(pick(["MX", "CN", "JP", "KR", "US", "CA"], rnd), between(0.03, 0.12, rnd));
    if (rnd() < 0.5) addContent("CN", between(0.02, 0.08, rnd));

    const pmarkets = {};
    const popularity = between(0.3, 1.7, rnd);
    const priceUsd = usdCost * between(1.15, 1.45, rnd);
    for (const m of marketList) {
      const scale = 400 * m.weight * popularity * between(0.5, 1.5, rnd);
      const growth = between(-0.04, 0.06, rnd);
      const constant = rnd() < 0.15;
      const demand = constant
        ? Math.max(1, Math.round(scale))
        : Object.fromEntries(periodIds.map((id, t) => [id, Math.max(1, Math.round(scale * (1 + growth) ** t * between(0.9, 1.1, rnd)))]));
      const price = round(priceUsd * between(0.95, 1.15, rnd) * fx0(m.currency), -1);
      const entry = { price, demand };
      if (m.country === "US" || rnd() < 0.3) entry.msrp = round(price * between(1.06, 1.15, rnd), -1);
      if (rnd() < 0.3) entry.monthlyProfile = pick(PROFILES, rnd);
      pmarkets[m.id] = entry;
      const annual = typeof demand === "number" ? demand : Object.values(demand).reduce((s, x) => s + x, 0) / periods;
      for (const p of chosen) load.set(p.id, load.get(p.id) + annual / k);
    }

    const program = {
      id: `${c.id}-${truck ? "t" : "c"}${i + 1}`,
      name: `${c.name.split(" ")[0]} ${truck ? "Pickup" : "Model"} ${i + 1}`,
      seller: c.id,
      brand: c.name.split(" ")[0],
      category: truck ? "light-truck" : "passenger-car",
      platform,
      currency,
      variableCost,
      content,
      usmcaQualifying: rnd() < 0.85,
      sourcing,
      markets: pmarkets,
    };
    if (rnd() < 0.2) program.partsValue = round(variableCost * between(0.6, 0.75, rnd));
    const cv = rnd();
    if (cv < 0.1) program.customsValue = { shareOfPrice: 0.85 };
    else if (cv < 0.2) program.customsValue = { markupOnCost: 0.12 };
    if (rnd() < 0.1) program.passThrough = { share: 0.5, elasticity: -1.5 };
    programList.push(program);
  }

  // Capacity from the load (70-95% utilisation), capped at the schema's plausibility limit.
  for (const p of plantList) {
    const cap = Math.min(1_900_000, Math.max(20_000, (load.get(p.id) / between(0.7, 0.95, rnd)) * 1.1));
    p.capacity = { value: round(cap / 1000), unit: "thousand units/year" };
    p.fixedCost = { value: round((cap * between(1200, 2600, rnd) * fx0(p.currency)) / 1e6), unit: "million/year" };
    p.headcount = Math.min(100_000, Math.round(cap / between(60, 120, rnd)));
  }

  // Lanes: every plant country -> market, in the exporter's currency; a few plant-specific lanes win.
  const lanes = [];
  const plantCountries = [...new Set(plantList.map((p) => p.country))].sort();
  for (const from of plantCountries) {
    for (const m of marketList) {
      const usd = from === m.country ? between(250, 600, rnd) : USMCA.has(from) && USMCA.has(m.country) ? between(700, 1400, rnd) : between(1400, 3200, rnd);
      lanes.push({ from, to: m.id, currency: CURRENCY[from], costPerUnit: round(usd * fx0(CURRENCY[from])) });
    }
  }
  for (const p of plantList) {
    if (rnd() < 0.1) lanes.push({ from: p.id, to: pick(marketList, rnd).id, costPerUnit: round(between(200, 3000, rnd)), source: "assumption:plant-lane" });
  }

  return {
    tieup: 1,
    id: `synthetic-${plants}p-${programs}v-${markets}m-${periods}t-s${seed}`,
    title: "Synthetic benchmark scenario",
    description: `Generated by bench/generate.mjs (plants=${plants}, programs=${programs}, markets=${markets}, periods=${periods}, seed=${seed}). Illustrative numbers.`,
    horizon: { fiscalYears: { from: firstYear, to: firstYear + periods - 1, startMonth: 4 } },
    fx: { base: "USD", rates },
    parameters: { partsShareOfVariableCost: 0.8, customsValue: { shareOfPrice: 0.9 }, offsetCap: "company-period" },
    companies: companies.map((c) => ({ id: c.id, name: c.name, reportingCurrency: c.currency, fiscalYearStartMonth: c.fy })),
    markets: marketList.map(({ weight, ...m }) => m),
    plants: plantList,
    programs: programList,
    lanes,
    tariffs: tariffs(
      marketList.map((m) => m.country),
      plantCountries,
    ),
  };
}

const VEHICLES = ["passenger-car", "light-truck"];

/** An illustrative tariff set covering the markets and plant countries in use. */
function tariffs(marketCountries, plantCountries) {
  const m = (id, name, importer, rest) => ({ id, name, importer, origins: ["*"], categories: VEHICLES, ...rest });
  const out = [
    // United States.
    m("us-mfn-car", "US MFN duty, passenger cars", "US", {
      categories: ["passenger-car"],
      usmca: "non-qualifying",
      exceptOrigins: ["KR"],
      kind: "mfn",
      rate: 0.025,
      from: "1990-01-01",
    }),
    m("us-mfn-truck", "US MFN duty, light trucks (chicken tax)", "US", {
      categories: ["light-truck"],
      usmca: "non-qualifying",
      kind: "mfn",
      rate: 0.25,
      from: "1990-01-01",
    }),
    m("us-s232-auto", "US Section 232 on automobiles", "US", { usmca: "non-qualifying", kind: "additional", rate: 0.25, from: "2025-04-03" }),
    m("us-s232-auto-usmca", "US Section 232, USMCA vehicles, non-US content", "US", {
      origins: ["CA", "MX"],
      usmca: "qualifying",
      kind: "additional",
      rate: 0.25,
      basis: { excludeContentOf: ["US"] },
      from: "2025-04-03",
    }),
    m("us-jp-deal-auto", "US-Japan agreement: 15% all-in on vehicles", "US", {
      origins: ["JP"],
      kind: "all-in",
      rate: 0.15,
      from: "2025-09-16",
      inclusiveOf: ["us-mfn-car", "us-mfn-truck", "us-s232-auto"],
    }),
    m("us-kr-deal-auto", "US-Korea agreement: 15% all-in on vehicles", "US", {
      origins: ["KR"],
      kind: "all-in",
      rate: 0.15,
      from: "2025-11-01",
      inclusiveOf: ["us-mfn-car", "us-mfn-truck", "us-s232-auto"],
    }),
    m("us-eu-deal-auto", "US-EU framework: 15% all-in on vehicles", "US", {
      origins: ["DE"],
      kind: "all-in",
      rate: 0.15,
      from: "2025-08-01",
      inclusiveOf: ["us-mfn-car", "us-mfn-truck", "us-s232-auto"],
    }),
    m("us-mfn-parts", "US MFN duty, auto parts", "US", { categories: ["parts"], usmca: "non-qualifying", kind: "mfn", rate: 0.025, from: "1990-01-01" }),
    m("us-s232-parts", "US Section 232 on auto parts", "US", {
      categories: ["parts"],
      usmca: "non-qualifying",
      kind: "additional",
      rate: 0.25,
      from: "2025-05-03",
    }),
    m("us-jp-deal-parts", "US-Japan agreement: 15% all-in on parts", "US", {
      origins: ["JP"],
      categories: ["parts"],
      kind: "all-in",
      rate: 0.15,
      from: "2025-09-16",
      inclusiveOf: ["us-mfn-parts", "us-s232-parts"],
    }),
    m("us-offset-1", "US-assembly offset, first year", "US", {
      origins: ["US"],
      kind: "offset",
      rate: 0.0375,
      basis: "msrp",
      from: "2025-04-03",
      to: "2026-04-30",
      offsets: ["us-s232-parts", "us-jp-deal-parts"],
    }),
    m("us-offset-2", "US-assembly offset, second year", "US", {
      origins: ["US"],
      kind: "offset",
      rate: 0.025,
      basis: "msrp",
      from: "2026-05-01",
      to: "2027-04-30",
      offsets: ["us-s232-parts", "us-jp-deal-parts"],
    }),
    // Canada.
    m("ca-mfn-car", "Canada MFN duty on vehicles", "CA", {
      usmca: "non-qualifying",
      exceptOrigins: ["JP", "KR", "DE"],
      kind: "mfn",
      rate: 0.061,
      from: "1990-01-01",
    }),
    m("ca-counter-us", "Canada counter-tariff on non-USMCA US vehicles", "CA", {
      origins: ["US"],
      usmca: "non-qualifying",
      kind: "additional",
      rate: 0.25,
      from: "2025-04-09",
    }),
    m("ca-surtax-cn", "Canada surtax on Chinese vehicles", "CA", { origins: ["CN"], kind: "additional", rate: 1.0, from: "2024-10-01" }),
    m("ca-counter-parts", "Canada counter-tariff on US parts (lifted)", "CA", {
      origins: ["US"],
      categories: ["parts"],
      usmca: "non-qualifying",
      kind: "additional",
      rate: 0.25,
      from: "2025-04-09",
      to: "2025-08-31",
    }),
    // Mexico: a 2026 increase on non-FTA origins supersedes the MFN rate.
    m("mx-mfn-car", "Mexico MFN duty on vehicles", "MX", {
      usmca: "non-qualifying",
      exceptOrigins: [...CPTPP_EPA, "DE"],
      kind: "mfn",
      rate: 0.2,
      from: "1990-01-01",
    }),
    m("mx-nonfta-2026", "Mexico duty on vehicles from non-FTA origins", "MX", {
      origins: ["CN", "KR", "TH", "IN"],
      kind: "mfn",
      rate: 0.5,
      from: "2026-01-01",
      supersedes: ["mx-mfn-car"],
    }),
    m("mx-mfn-parts", "Mexico MFN duty on parts", "MX", {
      categories: ["parts"],
      usmca: "non-qualifying",
      exceptOrigins: ["JP", "DE"],
      kind: "mfn",
      rate: 0.05,
      from: "1990-01-01",
    }),
    // Korea, Japan (no car duty), China, Europe.
    m("kr-mfn-car", "Korea MFN duty on vehicles", "KR", { exceptOrigins: ["US", "DE", "CA"], kind: "mfn", rate: 0.08, from: "1990-01-01" }),
    m("kr-mfn-parts", "Korea MFN duty on parts", "KR", { categories: ["parts"], exceptOrigins: ["US", "DE"], kind: "mfn", rate: 0.08, from: "1990-01-01" }),
    m("cn-mfn-car", "China MFN duty on vehicles", "CN", { kind: "mfn", rate: 0.15, from: "1990-01-01" }),
    m("cn-counter-us-1", "China counter-tariff on US goods", "CN", {
      origins: ["US"],
      categories: [...VEHICLES, "parts"],
      kind: "additional",
      rate: 0.34,
      from: "2025-04-10",
      to: "2025-05-13",
    }),
    m("cn-counter-us-2", "China counter-tariff on US goods, reduced", "CN", {
      origins: ["US"],
      categories: [...VEHICLES, "parts"],
      kind: "additional",
      rate: 0.1,
      from: "2025-05-14",
    }),
    m("cn-mfn-parts", "China MFN duty on parts", "CN", { categories: ["parts"], kind: "mfn", rate: 0.06, from: "1990-01-01" }),
    m("th-mfn-car", "Thailand duty on vehicles", "TH", { exceptOrigins: ["JP", "CN"], kind: "mfn", rate: 0.8, from: "1990-01-01" }),
    m("th-mfn-parts", "Thailand duty on parts", "TH", { categories: ["parts"], exceptOrigins: ["JP", "CN"], kind: "mfn", rate: 0.1, from: "1990-01-01" }),
  ];
  const generic = {
    DE: 0.1,
    FR: 0.1,
    IT: 0.1,
    ES: 0.1,
    GB: 0.1,
    AU: 0.05,
    BR: 0.35,
    SA: 0.05,
    IN: 0.7,
    ZA: 0.25,
    CL: 0.06,
    NZ: 0,
    AE: 0.05,
    TR: 0.1,
    ID: 0.5,
    PH: 0.3,
    VN: 0.7,
  };
  const EU = ["DE", "FR", "IT", "ES"];
  const ftaOf = {
    DE: ["JP", "KR"],
    FR: ["JP", "KR"],
    IT: ["JP", "KR"],
    ES: ["JP", "KR"],
    GB: ["JP", "KR"],
    AU: ["JP", "KR", "US", "TH"],
    CL: ["US", "JP", "KR", "CN", "MX", "CA"],
    NZ: [],
  };
  for (const c of [...new Set([...marketCountries, ...plantCountries])]) {
    if (generic[c] === undefined || generic[c] === 0) continue;
    const lc = c.toLowerCase();
    const eu = EU.includes(c);
    const except = [...(eu ? EU.filter((x) => x !== c) : []), ...(ftaOf[c] ?? [])];
    out.push(
      m(`${lc}-mfn-car`, `${NAMES[c]} duty on passenger cars`, c, {
        categories: ["passenger-car"],
        exceptOrigins: except,
        kind: "mfn",
        rate: generic[c],
        from: "1990-01-01",
      }),
    );
    out.push(
      m(`${lc}-mfn-truck`, `${NAMES[c]} duty on light trucks`, c, {
        categories: ["light-truck"],
        exceptOrigins: except,
        kind: "mfn",
        rate: eu ? 0.22 : generic[c],
        from: "1990-01-01",
      }),
    );
    if (eu)
      out.push(
        m(`${lc}-parts`, `${NAMES[c]} duty on parts`, c, {
          categories: ["parts"],
          exceptOrigins: [...EU.filter((x) => x !== c), "JP", "KR"],
          kind: "mfn",
          rate: 0.045,
          from: "1990-01-01",
        }),
      );
  }
  const used = new Set([...marketCountries, ...plantCountries]);
  return out.filter((t) => used.has(t.importer));
}

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    const k = argv[i]?.replace(/^--/, "");
    const v = Number(argv[i + 1]);
    if (!k || !Number.isFinite(v)) throw new Error(`usage: generate.mjs --flows N [--seed S] | --plants N --programs N --markets N --periods N [--seed S]`);
    args[k] = v;
  }
  return args;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = parseArgs(process.argv.slice(2));
  const dims =
    args.flows !== undefined ? dimensionsFor(args.flows) : { plants: args.plants, programs: args.programs, markets: args.markets, periods: args.periods };
  const doc = generateScenario({ ...dims, seed: args.seed ?? 1 });
  process.stderr.write(`${JSON.stringify({ ...dims, seed: args.seed ?? 1, flowPeriods: countFlows(doc) })}\n`);
  process.stdout.write(JSON.stringify(doc));
}
