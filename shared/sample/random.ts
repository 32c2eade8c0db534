/**
 * A small seeded pseudo-random generator (mulberry32) with the draws the sample generator needs.
 * Pure and deterministic: the same seed always yields the same sequence, on every platform.
 * Never use Math.random in the sample generator; take an {@link Rng} instead.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  range(min: number, max: number): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Standard normal deviate (Box–Muller). */
  normal(): number;
  /** One element, uniformly. Throws on an empty list. */
  pick<T>(items: readonly T[]): T;
  /** Index drawn with probability proportional to its weight. Throws when all weights are zero. */
  weightedIndex(weights: readonly number[]): number;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** An independent generator derived from this one, for a sub-task that must not shift the parent's draws. */
  fork(salt: number): Rng;
}

/** Mixes a 32-bit seed so nearby seeds (1, 2, 3…) start far apart. */
function mixSeed(seed: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Creates a mulberry32 generator from an integer seed (any 32-bit integer; fractions are truncated). */
export function createRng(seed: number): Rng {
  let state = mixSeed(Math.trunc(seed) | 0);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    normal: () => {
      const u = Math.max(next(), 1e-12);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weightedIndex: (weights) => {
      const total = weights.reduce((s, w) => s + Math.max(0, w), 0);
      if (!(total > 0)) throw new RangeError('weightedIndex needs a positive weight');
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= Math.max(0, weights[i] ?? 0);
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = out[i] as (typeof out)[number];
        out[i] = out[j] as (typeof out)[number];
        out[j] = tmp;
      }
      return out;
    },
    fork: (salt) => createRng((Math.floor(next() * 4294967296) ^ mixSeed(salt)) | 0),
  };
  return rng;
}
