import type { Redis } from "ioredis";
import type { CacheStore } from "./cache-store.js";

export interface RedisCacheOptions {
  /** A client to use (the caller closes it), or a URL to connect to (closed by `close()`). */
  readonly redis: Redis | string;
  /** Prepended to every name; `archdrift:` gives `archdrift:graph:…` and `archdrift:latest:…`. */
  readonly prefix?: string;
  /** Each read extends the entry's life, so entries in use never expire. */
  readonly ttlSeconds?: number;
}

export const defaultTtlSeconds = 7 * 24 * 3600;

/**
 * A store shared by every worker. Commands time out quickly and errors are misses: a Redis that is
 * down slows reviews to cold speed, it does not fail them. ioredis is loaded on first use, so a
 * process that never caches in Redis (the CLI) never loads it.
 */
export function createRedisCacheStore(options: RedisCacheOptions): CacheStore {
  let client: Promise<Redis> | undefined;
  const redis = () => (client ??= connect(options.redis));
  const prefix = options.prefix ?? "archdrift:";
  const ttl = options.ttlSeconds ?? defaultTtlSeconds;
  const key = (name: string) => `${prefix}${name}`;

  return {
    async read(name) {
      try {
        return (await (await redis()).getexBuffer(key(name), "EX", ttl)) ?? undefined;
      } catch {
        return undefined;
      }
    },
    async write(name, value) {
      try {
        await (await redis()).set(key(name), value, "EX", ttl);
      } catch {
        // A write that did not happen is a later miss.
      }
    },
    async close() {
      if (typeof options.redis !== "string" || !client) return;
      const owned = await client;
      await owned.quit().catch(() => owned.disconnect());
    },
  };
}

async function connect(redis: Redis | string): Promise<Redis> {
  if (typeof redis !== "string") return redis;
  const { Redis: Client } = await import("ioredis");
  const owned = new Client(redis, { commandTimeout: 5_000, maxRetriesPerRequest: 1 });
  // ioredis reports connection errors as events; without a listener Node would crash on them.
  owned.on("error", () => undefined);
  return owned;
}
