import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { QueuedJob, ReviewQueue } from "./review-queue.js";
import {
  aliveSeconds,
  bullmqJobId,
  connectRedisFailingFast,
  queueKeys,
  rememberSeconds,
  type RedisQueueOptions,
} from "./redis-queue-options.js";

/** Kept after they finish so a redelivery meets the same job id; trimmed by age and count. */
const finishedJobs = { age: 24 * 3600, count: 10_000 };
const pollMs = 100;
const connectWaitMs = 2_000;
// Atomic, so ten deliveries of one head SHA at ten webhook servers make one job between them.
const joinOrHold = `
local holder = redis.call("get", KEYS[1])
if holder and redis.call("exists", ARGV[3] .. holder) == 1 then return holder end
redis.call("set", KEYS[1], ARGV[1], "EX", ARGV[2])
redis.call("set", ARGV[3] .. ARGV[1], "1", "EX", ARGV[2])
return false`;

/**
 * The webhook side of the Redis queue: it only enqueues. Supersession works Kodiak-style: each
 * add records its id as the pull request's latest, and workers drop or abort jobs that are not.
 * BullMQ's own deduplication was not enough here: it keeps the older of two waiting jobs.
 */
export class BullmqQueue<T> implements ReviewQueue<T> {
  private readonly keys: ReturnType<typeof queueKeys>;
  private readonly redis: Redis;
  private readonly queue: Queue<QueuedJob<T>>;
  private closing = false;

  constructor(options: RedisQueueOptions) {
    this.keys = queueKeys(options);
    this.redis = connectRedisFailingFast(options.url);
    // Unheard, a connection error event would crash the process.
    this.redis.on("error", (error) => options.onError?.(error));
    this.queue = new Queue<QueuedJob<T>>(this.keys.name, {
      connection: this.redis,
      prefix: this.keys.prefix,
    });
    this.queue.on("error", (error) => options.onError?.(error));
  }

  async add(job: QueuedJob<T>): Promise<boolean> {
    if (this.closing) return false;
    await this.connected();
    await this.redis.set(this.keys.latest(job.key), job.id, "EX", rememberSeconds);
    await this.queue.add("review", job, {
      jobId: bullmqJobId(job.id),
      removeOnComplete: finishedJobs,
      removeOnFail: finishedJobs,
    });
    return true;
  }

  /** One SET NX: atomic across every webhook server on this Redis. */
  async claim(id: string): Promise<boolean> {
    await this.connected();
    return (await this.redis.set(this.keys.seen(id), "1", "EX", rememberSeconds, "NX")) === "OK";
  }

  async release(id: string): Promise<void> {
    await this.connected();
    await this.redis.del(this.keys.seen(id), this.keys.alive(id));
  }

  async join(liveKey: string, id: string): Promise<string | undefined> {
    await this.connected();
    const alivePrefix = this.keys.alive("");
    const holder = await this.redis.eval(
      joinOrHold,
      1,
      this.keys.holder(liveKey),
      id,
      aliveSeconds,
      alivePrefix,
    );
    return typeof holder === "string" ? holder : undefined;
  }

  /**
   * Commands fail at once while Redis is away; this gives a connection still being made (at
   * start-up, or reconnecting) a moment first, well inside GitHub's 10 seconds.
   */
  private async connected(): Promise<void> {
    if (this.redis.status === "ready") return;
    const ac = new AbortController();
    await Promise.race([
      once(this.redis, "ready", { signal: ac.signal }).catch(() => undefined),
      sleep(connectWaitMs, undefined, { signal: ac.signal }).catch(() => undefined),
    ]);
    ac.abort();
  }

  async depth(): Promise<number> {
    return this.queue.getJobCountByTypes("waiting", "prioritized", "delayed");
  }

  /** Polls Redis: the work happens in other processes, which tell this one nothing. */
  async drained(): Promise<void> {
    for (;;) {
      const left = await this.queue.getJobCountByTypes(
        "waiting",
        "prioritized",
        "delayed",
        "active",
      );
      if (left === 0) return;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  /** Queued jobs stay in Redis for the workers; there is nothing of this process's to wait for. */
  async close(): Promise<void> {
    this.closing = true;
    await this.queue.close();
    await this.redis.quit();
  }
}
