import { Redis } from "ioredis";
import type { CacheStore } from "./cache-store.js";

export interface RedisCacheOptions {
  /** A client to use (the caller closes it), or a URL to connect to (closed by `close()`). */
  readonly redis: Redis | string;
  /** Prepended to every name; `archdrift:` gives `archdrift:graph:…` and `archdrift:scan:…`. */
  readonly prefix?: string;
  /** Each read extends the entry's life, so entries in use never expire. */
  readonly ttlSeconds?: number;
}

export const defaultTtlSeconds = 7 * 24 * 3600;

/**
 * A store shared by every worker. Commands time out quickly and errors are misses: a Redis that is
 * down slows reviews to cold speed, it does not fail them.
 */
export function createRedisCacheStore(options: RedisCacheOptions): CacheStore {
  const owned = typeof options.redis === "string";
  const redis =
    typeof options.redis === "string"
      ? new Redis(options.redis, { commandTimeout: 5_000, maxRetriesPerRequest: 1 })
      : options.redis;
  // ioredis reports connection errors as events; without a listener Node would crash on them.
  if (owned) redis.on("error", () => undefined);
  const prefix = options.prefix ?? "archdrift:";
  const ttl = options.ttlSeconds ?? defaultTtlSeconds;
  const key = (name: string) => `${prefix}${name}`;

  return {
    async read(name) {
      try {
        return (await redis.getexBuffer(key(name), "EX", ttl)) ?? undefined;
      } catch {
        return undefined;
      }
    },
    async readMany(names) {
      if (names.length === 0) return [];
      try {
        const values = await redis.mgetBuffer(...names.map(key));
        return values.map((value) => value ?? undefined);
      } catch {
        return names.map(() => undefined);
      }
    },
    async write(name, value) {
      await redis.set(key(name), value, "EX", ttl).catch(() => undefined);
    },
    async writeMany(entries) {
      if (entries.length === 0) return;
      const pipeline = redis.pipeline();
      for (const [name, value] of entries) pipeline.set(key(name), value, "EX", ttl);
      await pipeline.exec().catch(() => undefined);
    },
    async close() {
      if (owned) await redis.quit().catch(() => redis.disconnect());
    },
  };
}
