/**
 * Seeded randomness. Every random number in the engine (initial weights, shuffles, diagnostic
 * batches) comes from an `Rng` the caller created with an explicit seed, so a page, a test and the
 * bench all see the same numbers for the same seed. There is no global generator.
 */

/** A seeded pseudo-random generator. */
export interface Rng {
  /** Uniform float in [0, 1), 32 bits of resolution. */
  next(): number;
  /** Uniform integer in [0, n) for an integer n ≥ 1. */
  int(n: number): number;
  /** Standard normal N(0, 1) sample (Box–Muller). */
  normal(): number;
}

/** 2^32: turns a uint32 into a float in [0, 1). */
const UINT32_RANGE = 4294967296;

/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state generator that is tiny, fast and
 * passes the statistical tests that matter for initialisation and shuffling. Not cryptographic.
 *
 * @param seed any finite number; it is truncated to an integer and reduced modulo 2^32, so
 *   seeds 1 and 2^32 + 1 give the same stream.
 */
export function mulberry32(seed: number): Rng {
  if (!Number.isFinite(seed))
    throw new Error(`mulberry32(): seed must be a finite number, got ${seed}`);
  // The state lives in this closure only: two generators never share it.
  let state = Math.trunc(seed) >>> 0;
  // Box–Muller makes normals in pairs; the second one is kept for the next call.
  let spare = 0;
  let hasSpare = false;

  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / UINT32_RANGE;
  };

  return {
    next,
    int(n: number): number {
      return Math.floor(next() * n);
    },
    normal(): number {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      // u1 in (0, 1] so log(u1) is finite; u2 in [0, 1).
      const u1 = 1 - next();
      const u2 = next();
      const r = Math.sqrt(-2 * Math.log(u1));
      const theta = 2 * Math.PI * u2;
      spare = r * Math.sin(theta);
      hasSpare = true;
      return r * Math.cos(theta);
    },
  };
}

/**
 * Fisher–Yates shuffle of `indices` in place, drawing from `rng`. Every permutation is equally
 * likely (up to the generator's quality).
 */
export function shuffleInPlace(indices: Int32Array | number[], rng: Rng): void {
  for (let i = indices.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = indices[i]!;
    indices[i] = indices[j]!;
    indices[j] = tmp;
  }
}
