import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BullmqQueue } from "../../src/jobs/bullmq-queue.js";
import { compileForChild } from "./compile-for-child.js";

const redisUrl = process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379";
const fixture = join(import.meta.dirname, "fixtures", "queue-worker.mjs");

interface Event {
  readonly event: "started" | "published" | "superseded" | "failed" | "interrupted";
  readonly id: string;
  readonly pid: number;
}

let compiled: Awaited<ReturnType<typeof compileForChild>>;
let redis: Redis;
let prefix: string;
let queue: BullmqQueue<{ ms: number }>;
const children: ChildProcess[] = [];

beforeAll(async () => {
  compiled = await compileForChild();
  redis = new Redis(redisUrl);
});

afterAll(async () => {
  await redis.quit();
  await compiled.remove();
});

beforeEach(() => {
  // Each test its own keys: the Redis server is shared and must never be flushed.
  prefix = `archdrift-test-${randomUUID()}`;
  queue = new BullmqQueue({ url: redisUrl, prefix });
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  await queue.close();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
});

async function startWorker(env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [fixture], {
    env: {
      ...process.env,
      JOBS_DIR: compiled.dir,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    child.once("exit", (code) => reject(new Error(`worker exited early with ${code}`)));
  });
  return child;
}

async function events(): Promise<Event[]> {
  const lines = await redis.lrange(`${prefix}:test-events`, 0, -1);
  return lines.map((line) => JSON.parse(line) as Event);
}

async function until(check: (seen: Event[]) => boolean, ms = 15_000): Promise<Event[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const seen = await events();
    if (check(seen)) return seen;
    if (Date.now() > deadline) throw new Error(`timed out; events: ${JSON.stringify(seen)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const has = (event: Event["event"], id: string) => (seen: Event[]) =>
  seen.some((entry) => entry.event === event && entry.id === id);

describe("BullmqQueue and BullmqWorker on Redis", () => {
  it("enqueues in this process and reviews in another", async () => {
    const child = await startWorker();
    expect(await queue.add({ key: "acme/shop#pull:1", id: "d1:aaa", data: { ms: 10 } })).toBe(true);
    const seen = await until(has("published", "d1:aaa"));
    expect(seen.find((entry) => entry.event === "published")?.pid).toBe(child.pid);
    await queue.drained();
    expect(await queue.depth()).toBe(0);
  });

  it("lets one webhook server of many claim a delivery that arrives at all of them at once", async () => {
    const others = [1, 2, 3].map(() => new BullmqQueue<{ ms: number }>({ url: redisUrl, prefix }));
    try {
      const claims = await Promise.all(
        [queue, ...others, queue, ...others].map((server) => server.claim("d2:bbb")),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      await others[0]!.release("d2:bbb");
      expect(await queue.claim("d2:bbb")).toBe(true);
      expect(await others[1]!.claim("d2:bbb")).toBe(false);
    } finally {
      await Promise.all(others.map((other) => other.close()));
    }
  });

  it("makes one holder of a head SHA among ten deliveries at four servers, until it ends", async () => {
    const others = [1, 2, 3].map(() => new BullmqQueue<{ ms: number }>({ url: redisUrl, prefix }));
    try {
      const servers = [queue, ...others];
      const ids = Array.from({ length: 10 }, (_, n) => `d${n}:abc`);
      const holders = await Promise.all(
        ids.map((id, n) => servers[n % servers.length]!.join("pr-1@abc#pull_request", id)),
      );
      const made = ids.filter((_, n) => holders[n] === undefined);
      expect(made).toHaveLength(1);
      expect(new Set(holders.filter(Boolean))).toEqual(new Set(made));
      // The holder's job ended (its worker deletes the marker): the next delivery makes a new one.
      await redis.del(`${prefix}:reviews:alive:${made[0]}`);
      expect(await others[0]!.join("pr-1@abc#pull_request", "d11:abc")).toBeUndefined();
      expect(await queue.join("pr-1@abc#pull_request", "d12:abc")).toBe("d11:abc");
    } finally {
      await Promise.all(others.map((other) => other.close()));
    }
  });

  it("runs a job added twice under one id once", async () => {
    await startWorker();
    const job = { key: "acme/shop#pull:2", id: "d2:bbb", data: { ms: 10 } };
    expect(await queue.add(job)).toBe(true);
    await queue.add(job);
    await until(has("published", "d2:bbb"));
    await queue.drained();
    expect((await events()).filter((entry) => entry.event === "started")).toHaveLength(1);
  });

  it("drops a waiting job that a newer push superseded", async () => {
    const key = "acme/shop#pull:3";
    await queue.add({ key, id: "d3:old", data: { ms: 10 } });
    await queue.add({ key, id: "d4:new", data: { ms: 10 } });
    await startWorker();
    const seen = await until(has("published", "d4:new"));
    await until(has("superseded", "d3:old"));
    expect(seen.filter((entry) => entry.event === "published").map((entry) => entry.id)).toEqual([
      "d4:new",
    ]);
  });

  it("aborts a running job when a newer push arrives, so only the newer one publishes", async () => {
    const key = "acme/shop#pull:4";
    await startWorker();
    await queue.add({ key, id: "d5:old", data: { ms: 3_000 } });
    await until(has("started", "d5:old"));
    await queue.add({ key, id: "d6:new", data: { ms: 10 } });
    await until(has("published", "d6:new"));
    const seen = await until(has("superseded", "d5:old"));
    expect(has("published", "d5:old")(seen)).toBe(false);
  });

  it("retries a job on another worker when its worker is killed mid-job", async () => {
    const first = await startWorker();
    await queue.add({ key: "acme/shop#pull:5", id: "d7:ccc", data: { ms: 60_000 } });
    await until(has("started", "d7:ccc"));
    first.kill("SIGKILL");
    await once(first, "exit");
    const second = await startWorker({ MAX_JOB_MS: "50" });
    const seen = await until(has("published", "d7:ccc"));
    expect(seen.find((entry) => entry.event === "published")?.pid).toBe(second.pid);
  });

  it("finishes a running job on SIGTERM within the grace period, then exits", async () => {
    const child = await startWorker({ GRACE_MS: "10000" });
    await queue.add({ key: "acme/shop#pull:6", id: "d8:ddd", data: { ms: 800 } });
    await until(has("started", "d8:ddd"));
    child.kill("SIGTERM");
    const [code] = (await once(child, "exit")) as [number];
    expect(code).toBe(0);
    expect(await events()).toContainEqual(
      expect.objectContaining({ event: "published", id: "d8:ddd" }),
    );
  });

  it("hands a job back to the queue when the grace period ends, for another worker", async () => {
    const child = await startWorker({ GRACE_MS: "200" });
    await queue.add({ key: "acme/shop#pull:7", id: "d9:eee", data: { ms: 60_000 } });
    await until(has("started", "d9:eee"));
    child.kill("SIGTERM");
    const [code] = (await once(child, "exit")) as [number];
    expect(code).toBe(0);
    expect(await queue.depth()).toBe(1);
    const next = await startWorker({ MAX_JOB_MS: "50" });
    const seen = await until(has("published", "d9:eee"));
    expect(seen.find((entry) => entry.event === "published")?.pid).toBe(next.pid);
    expect(seen.some((entry) => entry.event === "interrupted" || entry.event === "failed")).toBe(
      false,
    );
  });

  it("fails at once, rather than wait for a reconnection, when Redis cannot be reached", async () => {
    const away = new BullmqQueue<{ ms: number }>({
      url: "redis://127.0.0.1:1",
      prefix,
      onError: () => undefined,
    });
    try {
      const started = Date.now();
      await expect(away.claim("d10:fff")).rejects.toThrow();
      await expect(
        away.add({ key: "acme/shop#pull:10", id: "d10:fff", data: { ms: 10 } }),
      ).rejects.toThrow();
      // GitHub waits 10 seconds for an answer; the webhook must have its error well before.
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await away.close().catch(() => undefined);
    }
  });
});
