import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";

/**
 * One independent random stream per draw, derived from (seed, draw index)
 * alone: a draw's numbers do not depend on which worker computes it or on
 * what was drawn before, so any split of the draws over workers gives the
 * same sample. The 128-bit xoroshiro state is four 32-bit words, each a
 * murmur3-finalised mix of the seed, the index and the word's position.
 */
export function drawStream(seed: number, index: number): () => number {
  const words: number[] = [0, 1, 2, 3].map((k) => mix32(mix32(seed ^ 0x9e3779b9) ^ mix32(index + 0x7f4a7c15 * (k + 1))));
  if (!words.some((w) => w !== 0)) words[0] = 1;
  const rng = xoroshiro128plusFromState(words);
  // uniformFloat64 is in [0, 1) on a 2^-53 grid: half a step up keeps it off 0, so Φ⁻¹(u) is finite.
  // At the top of the grid the half step rounds to exactly 1, hence the cap.
  return () => Math.min(U_MAX, uniformFloat64(rng) + 2 ** -54);
}

/**
 * The smallest and largest uniform a draw can use (also the clamp after the
 * copula). Every marginal is sampled by its inverse CDF, so a parameter's
 * draws lie in [F⁻¹(U_MIN), F⁻¹(U_MAX)] — for a normal, mean −8.29 to +8.21 sd —
 * which is what validation checks against the number's valid range.
 */
export const U_MIN = 2 ** -54;
export const U_MAX = 1 - 2 ** -53;

/** u held within [U_MIN, U_MAX]. */
export function clampUniform(u: number): number {
  return Math.min(U_MAX, Math.max(U_MIN, u));
}

/** Murmur3's 32-bit finaliser: every input bit affects every output bit. */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
