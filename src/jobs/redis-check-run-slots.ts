import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Redis } from "ioredis";
import type { CheckRunSlots } from "./check-run-slots.js";
import {
  connectRedis,
  queueKeys,
  rememberSeconds,
  type RedisQueueOptions,
} from "./redis-queue-options.js";

export interface RedisCheckRunSlotOptions extends RedisQueueOptions {
  /** A creator that has not renewed its claim for this long is taken for dead. */
  readonly claimMs?: number;
}

const pollMs = 100;
// Each acts only while the claim is still ours: a creator taken for dead must not undo its heir.
const renewIfOurs = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) end return 0`;
const settleIfOurs = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("set", KEYS[1], ARGV[2], "EX", ARGV[3]) end return 0`;
const releaseIfOurs = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) end return 0`;

/**
 * Check run slots shared by every process on one Redis. A slot holds `creating:<owner>` while one
 * process creates the check run (renewed as long as it lives, since Octokit's throttle can hold a
 * creation for many seconds), then the id. Others wait for the id, or take over a claim that lapsed.
 */
export class RedisCheckRunSlots implements CheckRunSlots {
  private readonly redis: Redis;
  private readonly keys: ReturnType<typeof queueKeys>;
  private readonly claimMs: number;

  constructor(options: RedisCheckRunSlotOptions) {
    this.redis = connectRedis(options.url);
    // Unheard, a connection error event would crash the process.
    this.redis.on("error", (error) => options.onError?.(error));
    this.keys = queueKeys(options);
    this.claimMs = options.claimMs ?? 30_000;
  }

  async ensure(
    jobId: string,
    create: () => Promise<number>,
    signal?: AbortSignal,
  ): Promise<number> {
    const key = this.keys.checkRun(jobId);
    const owner = `creating:${randomUUID()}`;
    for (;;) {
      const value = await this.redis.get(key);
      if (value !== null && !value.startsWith("creating:")) return Number(value);
      if (value === null && (await this.redis.set(key, owner, "PX", this.claimMs, "NX")) === "OK")
        return this.createAs(key, owner, create);
      await sleep(pollMs, undefined, signal ? { signal } : {});
    }
  }

  async known(jobId: string): Promise<number | undefined> {
    const value = await this.redis.get(this.keys.checkRun(jobId));
    return value === null || value.startsWith("creating:") ? undefined : Number(value);
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }

  private async createAs(key: string, owner: string, create: () => Promise<number>) {
    const renew = setInterval(
      () => void this.redis.eval(renewIfOurs, 1, key, owner, this.claimMs).catch(() => undefined),
      this.claimMs / 3,
    );
    try {
      const id = await create();
      await this.redis.eval(settleIfOurs, 1, key, owner, String(id), rememberSeconds);
      return id;
    } catch (error) {
      await this.redis.eval(releaseIfOurs, 1, key, owner).catch(() => undefined);
      throw error;
    } finally {
      clearInterval(renew);
    }
  }
}
