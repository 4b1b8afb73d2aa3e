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
  const n = L.length;
  const programs = new Map<string, number>();
  const markets = new Map<string, number>();
  const companies = new Map<string, number>();
  const plants = new Map(inst.plants.map((p, i) => [p.id, i]));
  return {
    program: codeColumn(L.program, programs, n, true),
    market: codeColumn(L.market, markets, n, true),
    plant: codeColumn(L.plant, plants, n, false),
    seller: codeColumn(L.seller, companies, n, true),
    builder: codeColumn(L.builder, companies, n, true),
    programs: programs.size,
    markets: markets.size,
    companies: [...companies.keys()],
  };
}

/**
 * Codes of a column of ids: new ids numbered in order of first appearance
 * when `grow`, an error otherwise. Speed: lanes come grouped by program and
 * plant, so an id is usually the previous lane's, which one comparison finds
 * without a hash lookup.
 */
function codeColumn(ids: readonly string[], codes: Map<string, number>, n: number, grow: boolean): Int32Array {
  const out = new Int32Array(n);
  let last: string | undefined;
  let lastCode = -1;
  for (let l = 0; l < n; l++) {
    const id = ids[l] as string;
    if (id !== last) {
      let x = codes.get(id);
      if (x === undefined) {
        if (!grow) throw new Error(`internal: lane ${l} names ${id}, which the instance does not have`);
        x = codes.size;
        codes.set(id, x);
      }
      last = id;
      lastCode = x;
    }
    out[l] = lastCode;
  }
  return out;
}
