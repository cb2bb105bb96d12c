import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { CheckRunSlots } from "../../src/jobs/check-run-slots.js";
import { RedisCheckRunSlots } from "../../src/jobs/redis-check-run-slots.js";
import { slowCheckRunCreator } from "./slow-check-run-creator.js";

const redisUrl = process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379";
const opened: CheckRunSlots[] = [];
const prefixes: string[] = [];

function redisSlots(prefix: string, claimMs = 30_000): RedisCheckRunSlots {
  const slots = new RedisCheckRunSlots({ url: redisUrl, prefix, claimMs });
  opened.push(slots);
  return slots;
}

function newPrefix(): string {
  const prefix = `archdrift-test-${randomUUID()}`;
  prefixes.push(prefix);
  return prefix;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((slots) => slots.close().catch(() => undefined)));
});

afterAll(async () => {
  const redis = new Redis(redisUrl);
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  }
  await redis.quit();
});

describe("check run slots on Redis", () => {
  it("create a job's check run once across webhook servers and workers", async () => {
    const prefix = newPrefix();
    const github = slowCheckRunCreator(200);
    const servers = [1, 2, 3, 4].map(() => redisSlots(prefix));
    const ids = await Promise.all(servers.map((slots) => slots.ensure("d2:bbb", github.create)));
    expect(new Set(ids)).toEqual(new Set([1001]));
    expect(github.made).toBe(1);
  });

  it("let a worker take over the creation of a webhook server that died", async () => {
    const prefix = newPrefix();
    const dying = redisSlots(prefix, 300);
    const never = new Promise<number>(() => undefined);
    void dying.ensure("d3:ccc", () => never);
    await sleep(50);
    // The process dies: its claim is no longer renewed.
    await dying.close();
    const github = slowCheckRunCreator();
    const started = Date.now();
    expect(await redisSlots(prefix, 300).ensure("d3:ccc", github.create)).toBe(1001);
    expect(github.made).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  });

  it("hand a failed creation to the next process at once, without waiting for the claim to lapse", async () => {
    const prefix = newPrefix();
    const failing = redisSlots(prefix, 60_000);
    const first = failing.ensure("d4:ddd", async () => {
      await sleep(100);
      throw new Error("GitHub answered 500");
    });
    await sleep(20);
    const github = slowCheckRunCreator();
    const second = redisSlots(prefix, 60_000).ensure("d4:ddd", github.create);
    await expect(first).rejects.toThrow("500");
    expect(await second).toBe(1001);
  });

  it("keep a slow creation its own while the process lives", async () => {
    const prefix = newPrefix();
    const github = slowCheckRunCreator(1_000);
    const first = redisSlots(prefix, 300).ensure("d5:eee", github.create);
    await sleep(20);
    const second = redisSlots(prefix, 300).ensure("d5:eee", github.create);
    expect(await Promise.all([first, second])).toEqual([1001, 1001]);
    expect(github.made).toBe(1);
  });
});
