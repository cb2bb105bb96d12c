/**
 * A small seeded generator (mulberry32): the same seed gives the same inputs on every machine, so
 * a fuzz failure names a seed that reproduces it.
 */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, max). */
  below(max: number): number;
  pick<T>(items: readonly T[]): T;
  bytes(length: number): Buffer;
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (max: number) => Math.floor(next() * max);
  return {
    next,
    below,
    pick: (items) => items[below(items.length)]!,
    bytes: (length) => Buffer.from(Array.from({ length }, () => below(256))),
  };
}

/**
 * Runs `body` for seeds 1..count, stopping early once `budgetMs` has passed so a slow machine runs
 * fewer cases rather than timing out. Nothing asserts on time: coverage shrinks, results do not.
 */
export async function forSeeds(
  count: number,
  budgetMs: number,
  body: (random: SeededRandom, seed: number) => unknown,
): Promise<number> {
  const started = Date.now();
  let seed = 1;
  for (; seed <= count && Date.now() - started < budgetMs; seed++) {
    await body(seededRandom(seed), seed);
  }
  return seed - 1;
}
