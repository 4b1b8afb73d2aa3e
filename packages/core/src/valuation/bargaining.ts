/**
 * Bargaining over a transfer price p between a host (who builds and receives
 * p per unit) and a client (who sells and pays p). Each party's gain is
 * measured against its own no-deal counterfactual:
 *
 *   H(p) = aH + bH·p   (bH > 0: the host gains as p rises)
 *   C(p) = aC − bC·p   (bC > 0: the client loses as p rises)
 *
 * For contract manufacturing over several periods, bH and bC are the
 * (discounted) deal volumes and aH, aC the gains at p = 0; with a single
 * undiscounted volume V: H = V(p − c) − K_H, C = V(v − p) − K_C.
 */
export interface LinearGains {
  aH: number;
  bH: number;
  aC: number;
  bC: number;
}

export interface Agreement {
  /** Lowest price the host accepts: H(pLow) = 0. */
  pLow: number;
  /** Highest price the client accepts: C(pHigh) = 0. */
  pHigh: number;
  /** Whether a price exists at which both gain (pLow ≤ pHigh). */
  exists: boolean;
  /** The Nash bargaining price: maximises H^w · C^(1−w) on [pLow, pHigh]. */
  nash: number | null;
  /** H + C at the Nash price (or at the midpoint when no zone exists). */
  jointSurplus: number;
}

/**
 * Zone of possible agreement and Nash price, exactly, for linear gains.
 * Maximising w·ln H + (1−w)·ln C gives w·bH/H = (1−w)·bC/C, whose solution is
 * p* = w·pHigh + (1−w)·pLow: the weight is the share of the price range the
 * host captures.
 */
export function linearAgreement(g: LinearGains, w = 0.5): Agreement {
  if (!(g.bH > 0) || !(g.bC > 0)) throw new Error("gains must move with the price: bH > 0 and bC > 0");
  const pLow = -g.aH / g.bH;
  const pHigh = g.aC / g.bC;
  const exists = pLow <= pHigh;
  const nash = exists ? w * pHigh + (1 - w) * pLow : null;
  const at = nash ?? (pLow + pHigh) / 2;
  return { pLow, pHigh, exists, nash, jointSurplus: g.aH + g.bH * at + g.aC - g.bC * at };
}

/** Fits the linear gains from two evaluations; `check` is a third price to confirm linearity. */
export function fitLinear(
  gains: (p: number) => { host: number; client: number },
  p0: number,
  p1: number,
  check: number,
): { gains: LinearGains; linear: boolean } {
  const g0 = gains(p0);
  const g1 = gains(p1);
  const bH = (g1.host - g0.host) / (p1 - p0);
  const bC = -(g1.client - g0.client) / (p1 - p0);
  const fitted = { aH: g0.host - bH * p0, bH, aC: g0.client + bC * p0, bC };
  const gc = gains(check);
  const tol = 1e-9 * (1 + Math.abs(g0.host) + Math.abs(g0.client) + Math.abs(bH * check) + Math.abs(bC * check));
  const linear = Math.abs(gc.host - (fitted.aH + bH * check)) <= tol && Math.abs(gc.client - (fitted.aC - bC * check)) <= tol;
  return { gains: fitted, linear };
}

/**
 * The same analysis when gains are not linear in the price (e.g. a price that
 * changes the customs value of a duty with a cap): bisection for each end of
 * the zone on [lo, hi], where H is increasing and C decreasing, and a
 * golden-section search for the Nash price (the log of the Nash product is
 * concave when H and C are monotone and concave).
 */
export function numericAgreement(gains: (p: number) => { host: number; client: number }, lo: number, hi: number, w = 0.5, tol = 1e-6): Agreement {
  const pLow = bisect((p) => gains(p).host, lo, hi, tol);
  const pHigh = bisect((p) => gains(p).client, lo, hi, tol);
  const exists = pLow <= pHigh;
  let nash: number | null = null;
  if (exists) {
    const f = (p: number) => {
      const g = gains(p);
      return g.host <= 0 || g.client <= 0 ? Number.NEGATIVE_INFINITY : w * Math.log(g.host) + (1 - w) * Math.log(g.client);
    };
    nash = goldenMax(f, pLow, pHigh, tol);
  }
  const at = nash ?? (pLow + pHigh) / 2;
  const g = gains(at);
  return { pLow, pHigh, exists, nash, jointSurplus: g.host + g.client };
}

/** Root of a monotone function on [lo, hi]; clamps to an end when the sign does not change. */
export function bisect(f: (x: number) => number, lo: number, hi: number, tol: number): number {
  let a = lo;
  let b = hi;
  let fa = f(a);
  const fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (Math.sign(fa) === Math.sign(fb)) return Math.abs(fa) < Math.abs(fb) ? a : b;
  while (b - a > tol * Math.max(1, Math.abs(a))) {
    const m = (a + b) / 2;
    const fm = f(m);
    if (Math.sign(fm) === Math.sign(fa)) {
      a = m;
      fa = fm;
    } else b = m;
  }
  return (a + b) / 2;
}

function goldenMax(f: (x: number) => number, lo: number, hi: number, tol: number): number {
  const r = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - r * (b - a);
  let d = a + r * (b - a);
  while (b - a > tol * Math.max(1, Math.abs(a))) {
    if (f(c) >= f(d)) b = d;
    else a = c;
    c = b - r * (b - a);
    d = a + r * (b - a);
  }
  return (a + b) / 2;
}
