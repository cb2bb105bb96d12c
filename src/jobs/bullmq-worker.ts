import { WaitingError, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { metrics } from "../metrics/archdrift-metrics.js";
import { QueueShutdown } from "./queue-shutdown.js";
import { connectRedis, queueKeys, type RedisQueueOptions } from "./redis-queue-options.js";
import type { QueueHandlers, QueuedJob } from "./review-queue.js";

export interface BullmqWorkerOptions extends RedisQueueOptions {
  /** Reviews this process runs at once. */
  readonly concurrency: number;
  /** A job whose worker died is taken over after about this long (BullMQ's lock). */
  readonly lockMs?: number;
  /** How often this worker looks for jobs whose worker died. */
  readonly stalledIntervalMs?: number;
  /** How often a running job asks Redis whether a newer push superseded it. */
  readonly supersedeCheckMs?: number;
}

const stalledForGood = /stalled more than allowable limit/;
/**
 * After the grace period, aborted jobs get this long to hand themselves back before the worker
 * stops anyway (BullMQ's lock then lapses and another worker takes them): within grace + 5 s.
 */
const handBackMs = 3_000;

/**
 * `archdrift worker`: runs queued reviews with bounded concurrency on any machine. A job that is no
 * longer its pull request's latest stands down (its check run completes as cancelled); a job whose
 * worker dies is retried by another once its lock lapses; on shutdown, running jobs get a grace
 * period, then go back to the queue for another worker.
 */
export class BullmqWorker<T> {
  private readonly keys: ReturnType<typeof queueKeys>;
  private readonly redis: Redis;
  private readonly worker: Worker<QueuedJob<T>>;

  constructor(
    private readonly handlers: QueueHandlers<T>,
    private readonly options: BullmqWorkerOptions,
  ) {
    this.keys = queueKeys(options);
    this.redis = connectRedis(options.url);
    this.worker = new Worker<QueuedJob<T>>(
      this.keys.name,
      (job, token, signal) => this.process(job, token, signal),
      {
        connection: this.redis,
        prefix: this.keys.prefix,
        concurrency: options.concurrency,
        lockDuration: options.lockMs ?? 30_000,
        stalledInterval: options.stalledIntervalMs ?? 30_000,
        maxStalledCount: 2,
      },
    );
    this.worker.on("error", (error) => options.onError?.(error));
    this.worker.on("failed", (job, error) => {
      if (!job || !stalledForGood.test(error.message)) return;
      void this.redis.del(this.keys.alive(job.data.id)).catch(() => undefined);
      void this.handlers.failed(job.data, error).catch(() => undefined);
    });
  }

  async waitUntilReady(): Promise<void> {
    await this.worker.waitUntilReady();
  }

  /** Lets running jobs finish for `graceMs`, then hands them back to the queue. */
  async close(graceMs: number): Promise<void> {
    const closing = this.worker.close();
    if ((await within(closing, graceMs)) === "late") {
      this.worker.cancelAllJobs("shutdown");
      if ((await within(closing, handBackMs)) === "late") await this.worker.close(true);
    }
    await this.redis.quit();
  }

  private async process(
    job: Job<QueuedJob<T>>,
    token: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const queued = job.data;
    if (job.attemptsStarted <= 1) metrics.queueWait.observe((Date.now() - job.timestamp) / 1000);
    const abort = new AbortController();
    signal?.addEventListener("abort", () => abort.abort(new QueueShutdown()), { once: true });
    const ensureLatest = async () => {
      const latest = await this.redis.get(this.keys.latest(queued.key));
      if (latest !== null && latest !== queued.id) abort.abort(new Error("superseded"));
      abort.signal.throwIfAborted();
    };
    const poll = setInterval(
      () => void ensureLatest().catch(() => undefined),
      this.options.supersedeCheckMs ?? 5_000,
    );
    let handedBack = false;
    try {
      await ensureLatest();
      await this.handlers.run(queued, abort.signal, ensureLatest);
    } catch (error) {
      if (abort.signal.reason instanceof QueueShutdown) {
        handedBack = true;
        await job.moveToWait(token);
        throw new WaitingError();
      }
      await (abort.signal.aborted
        ? this.handlers.superseded(queued)
        : this.handlers.failed(queued, error));
    } finally {
      clearInterval(poll);
      // Ended: a later delivery of the same head SHA makes a new review instead of joining this one.
      if (!handedBack) await this.redis.del(this.keys.alive(queued.id)).catch(() => undefined);
    }
  }
}

async function within(promise: Promise<void>, ms: number): Promise<"done" | "late"> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), ms)));
  try {
    return await Promise.race([promise.then(() => "done" as const), late]);
  } finally {
    clearTimeout(timer);
  }
}
