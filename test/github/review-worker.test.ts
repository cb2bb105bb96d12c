import { generateKeyPairSync, randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { pino } from "pino";
import { Probot } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { startReviewWorker, type ReviewWorker } from "../../src/github/review-worker.js";

const redisUrl = process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379";
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startWorker(prefix: string): Promise<ReviewWorker> {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const probot = new Probot({
    appId: 1,
    privateKey: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
  });
  const dataDir = join(tmpdir(), `archdrift-worker-test-${prefix}`);
  const worker = await startReviewWorker(
    {
      dataDir,
      mirrorsDir: join(dataDir, "mirrors"),
      concurrency: 1,
      graceMs: 1_000,
      redis: { url: redisUrl, prefix },
      metricsPort: 0,
      metricsHost: "127.0.0.1",
      githubTimeoutMs: 30_000,
    },
    probot,
    pino({ level: "silent" }),
  );
  cleanups.push(() => worker.close(1_000));
  return worker;
}

describe("archdrift worker", () => {
  it("reports the reviews waiting in Redis on its own /metrics", async () => {
    const prefix = `archdrift-test-${randomUUID()}`;
    cleanups.push(async () => {
      const redis = new Redis(redisUrl);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    });
    const worker = await startWorker(prefix);
    // Delayed jobs wait without being taken: a backlog this worker will not touch in the test.
    const queue = new Queue("reviews", { connection: { url: redisUrl }, prefix });
    for (const id of ["a", "b", "c"])
      await queue.add("review", { key: id, id, data: {} }, { jobId: id, delay: 60_000 });
    await queue.close();
    const response = await fetch(`http://127.0.0.1:${worker.metricsPort}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^archdrift_queue_depth 3$/m);
  });
});
