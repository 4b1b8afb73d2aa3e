import type { Instance } from "./instance.js";

/**
 * Integer codes of each lane's program, market, plant and companies, computed
 * once per instance. Speed: grouping lanes into rows by numbers rather than by
 * concatenated key strings is what lets 100k lanes build in milliseconds (a
 * new string per lane must be allocated and hashed; a number need not).
 */
export interface LaneCodes {
  program: Int32Array;
  market: Int32Array;
  plant: Int32Array;
  seller: Int32Array;
  builder: Int32Array;
  programs: number;
  markets: number;
  /** Company ids by code. */
  companies: string[];
}

const cache = new WeakMap<Instance, LaneCodes>();

export function laneCodes(inst: Instance): LaneCodes {
  let c = cache.get(inst);
  if (!c) {
    c = compute(inst);
    cache.set(inst, c);
  }
  return c;
}

function compute(inst: Instance): LaneCodes {
  const L = inst.lanes;
  const plantIndex = new Map(inst.plants.map((p, i) => [p.id, i]));
  const programs = new Map<string, number>();
  const markets = new Map<string, number>();
  const companies = new Map<string, number>();
  const code = (m: Map<string, number>, s: string) => {
    let x = m.get(s);
    if (x === undefined) {
      x = m.size;
      m.set(s, x);
    }
    return x;
  };
  const out: LaneCodes = {
    program: new Int32Array(L.length),
    market: new Int32Array(L.length),
    plant: new Int32Array(L.length),
    seller: new Int32Array(L.length),
    builder: new Int32Array(L.length),
    programs: 0,
    markets: 0,
    companies: [],
  };
  for (let l = 0; l < L.length; l++) {
    out.program[l] = code(programs, L.program[l] as string);
    out.market[l] = code(markets, L.market[l] as string);
    const k = plantIndex.get(L.plant[l] as string);
    if (k === undefined) throw new Error(`internal: lane ${l} names plant ${L.plant[l]}, which the instance does not have`);
    out.plant[l] = k;
    out.seller[l] = code(companies, L.seller[l] as string);
    out.builder[l] = code(companies, L.builder[l] as string);
  }
  out.programs = programs.size;
  out.markets = markets.size;
  out.companies = [...companies.keys()];
  return out;
}
