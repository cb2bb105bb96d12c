/**
 * mulberry32: a small seeded generator, so generated repositories, files and fuzz inputs are the
 * same on every machine and a failing case can be replayed from its seed.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, below). */
  int(below: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  bytes(length: number): Buffer;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[int(items.length)]!;
    },
    chance: (probability) => next() < probability,
    bytes: (length) => Buffer.from(Array.from({ length }, () => int(256))),
  };
}

/**
 * Runs `body` for seeds 1..count, stopping early once `budgetMs` has passed so a slow machine runs
 * fewer cases rather than timing out. Nothing asserts on time: coverage shrinks, results do not.
 */
export async function forSeeds(
  count: number,
  budgetMs: number,
  body: (random: Random, seed: number) => unknown,
): Promise<number> {
  const started = Date.now();
  let seed = 1;
  for (; seed <= count && Date.now() - started < budgetMs; seed++) {
    await body(seededRandom(seed), seed);
  }
  return seed - 1;
}
