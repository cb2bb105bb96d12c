import { Redis } from "ioredis";

export interface RedisQueueOptions {
  /** `redis://…`, as in REDIS_URL. */
  readonly url: string;
  /** Key prefix of every key the queue writes; tests use a unique one each. */
  readonly prefix?: string;
  readonly name?: string;
  /** BullMQ reports connection trouble as events; unheard, they would crash the process. */
  readonly onError?: (error: Error) => void;
}

/** How long a delivery id and a pull request's latest job are remembered: past any redelivery. */
export const rememberSeconds = 7 * 24 * 3600;

/** Where a queue keeps its BullMQ keys and the ones of its own that BullMQ has no notion of. */
export function queueKeys(options: RedisQueueOptions) {
  const prefix = options.prefix ?? "archdrift";
  const name = options.name ?? "reviews";
  const base = `${prefix}:${name}`;
  return {
    prefix,
    name,
    /** Set once per delivery id: a redelivery finds it and is dropped. */
    seen: (id: string) => `${base}:seen:${id}`,
    /** The id of the newest job for a pull request: older jobs check it and stand down. */
    latest: (key: string) => `${base}:latest:${key}`,
    /** Which job holds a live key (head SHA and trigger): later deliveries join it. */
    holder: (liveKey: string) => `${base}:holder:${liveKey}`,
    /** Exists while a job waits or runs; its worker deletes it when the job ends. */
    alive: (id: string) => `${base}:alive:${id}`,
    /** A job's check run id, or who is creating it (see `RedisCheckRunSlots`). */
    checkRun: (id: string) => `${base}:check-run:${id}`,
  };
}

/** A job whose worker vanished without ending it stops being joined after this long. */
export const aliveSeconds = 6 * 3600;

/** BullMQ refuses custom job ids with a colon; ours join the delivery id and head SHA with one. */
export function bullmqJobId(id: string): string {
  return id.replaceAll(":", "_");
}

/** BullMQ's blocking commands need retries off (`maxRetriesPerRequest: null`). */
export function connectRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

/**
 * For the webhook side, which must answer GitHub within 10 seconds: with Redis away, a command
 * fails at once instead of waiting for the reconnection (BullMQ's "failing fast" pattern), so the
 * delivery gets an error answer GitHub shows and can redeliver.
 */
export function connectRedisFailingFast(url: string): Redis {
  return new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
}
