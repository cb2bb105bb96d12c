import { randomUUID } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphCache } from "../../src/review/create-graph-cache.js";
import { graphCacheOn } from "../../src/review/graph-cache.js";
import { createRedisCacheStore } from "../../src/review/redis-cache-store.js";
import { keyFor, sampleBase } from "./graph-fixtures.js";

const redisUrl = process.env.ARCHDRIFT_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

async function reachable(): Promise<boolean> {
  const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0 });
  probe.on("error", () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

describe.runIf(await reachable())("the Redis graph cache", () => {
  let redis: Redis;
  const prefixes: string[] = [];
  const uniquePrefix = () => {
    const prefix = `archdrift-test:${randomUUID()}:`;
    prefixes.push(prefix);
    return prefix;
  };

  beforeAll(() => {
    redis = new Redis(redisUrl);
  });
  afterAll(async () => {
    for (const prefix of prefixes) {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
    }
    await redis.quit();
  });

  it("stores one pack per base under archdrift:graph: keys with a TTL, named inside", async () => {
    const prefix = uniquePrefix();
    const cache = graphCacheOn(createRedisCacheStore({ redis, prefix, ttlSeconds: 120 }));
    await cache.set(keyFor("c1"), sampleBase("a"));
    const name = "graph:acme/shop:c1:0.1.0+x1:e1";
    expect((await redis.keys(`${prefix}*`)).sort()).toEqual([
      `${prefix}${name}`,
      `${prefix}latest:acme/shop:0.1.0+x1`,
    ]);
    const ttl = await redis.ttl(`${prefix}${name}`);
    expect(ttl).toBeGreaterThan(100);
    expect(ttl).toBeLessThanOrEqual(120);
    const raw = (await redis.getBuffer(`${prefix}${name}`))!;
    const header = `archdrift-cache 2\n${name}\n`;
    expect(raw.subarray(0, header.length).toString()).toBe(header);
    const pack = JSON.parse(gunzipSync(raw.subarray(header.length)).toString("utf8"));
    expect(pack.graph).toEqual(sampleBase("a").graph);
    expect(await cache.get(keyFor("c1"))).toEqual(sampleBase("a"));
    expect(await cache.get(keyFor("c2"))).toBeUndefined();
  });

  it("shares entries between instances, as workers on other machines would", async () => {
    const prefix = uniquePrefix();
    await graphCacheOn(createRedisCacheStore({ redis, prefix })).set(keyFor("c1"), sampleBase("a"));
    const other = new Redis(redisUrl);
    const worker = graphCacheOn(createRedisCacheStore({ redis: other, prefix }));
    expect(await worker.get(keyFor("c1"))).toEqual(sampleBase("a"));
    await other.quit();
  });

  it("treats a corrupt value as a miss", async () => {
    const prefix = uniquePrefix();
    const cache = graphCacheOn(createRedisCacheStore({ redis, prefix }));
    await redis.set(`${prefix}graph:acme/shop:c1:0.1.0+x1:e1`, "not gzip");
    expect(await cache.get(keyFor("c1"))).toBeUndefined();
  });

  it("lends the newest pack's scans to a base not cached yet", async () => {
    const prefix = uniquePrefix();
    const cache = graphCacheOn(createRedisCacheStore({ redis, prefix }), false);
    await cache.set(keyFor("c1"), sampleBase("a"));
    expect(await cache.nearestScans(keyFor("c2"))).toEqual(sampleBase("a").scans);
  });

  /** Shown failing before entries named their key: a value copied to another key was served. */
  it("misses a value moved to another key", async () => {
    const prefix = uniquePrefix();
    const cache = graphCacheOn(createRedisCacheStore({ redis, prefix }), false);
    await cache.set(keyFor("c1"), sampleBase("a"));
    await cache.set(keyFor("c2"), sampleBase("b"));
    const value = await redis.getBuffer(`${prefix}graph:acme/shop:c1:0.1.0+x1:e1`);
    await redis.set(`${prefix}graph:acme/shop:c2:0.1.0+x1:e1`, value!);
    expect(await cache.get(keyFor("c2"))).toBeUndefined();
    expect(await cache.get(keyFor("c1"))).toEqual(sampleBase("a"));
  });

  it("uses the archdrift: prefix from createGraphCache and closes its own connection", async () => {
    const cache = createGraphCache({ redisUrl, ttlSeconds: 60 });
    const key = keyFor(`c-${randomUUID()}`);
    await cache.set(key, sampleBase("a"));
    const name = `archdrift:graph:${key.repo}:${key.commit}:${key.analyser}:${key.extraction}`;
    try {
      expect(await redis.exists(name)).toBe(1);
      expect(await cache.get(key)).toEqual(sampleBase("a"));
    } finally {
      await redis.del(name, `archdrift:latest:${key.repo}:${key.analyser}`);
      await cache.close();
    }
  });
});

describe("a Redis cache that cannot be reached", () => {
  it("misses and drops writes instead of failing", async () => {
    const cache = createGraphCache({ redisUrl: "redis://127.0.0.1:1", inMemory: false });
    await expect(cache.set(keyFor("c1"), sampleBase("a"))).resolves.toBeUndefined();
    await expect(cache.get(keyFor("c1"))).resolves.toBeUndefined();
    await cache.close();
  });
});
