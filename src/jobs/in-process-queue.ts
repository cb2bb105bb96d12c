import { metrics } from "../metrics/archdrift-metrics.js";
import { QueueShutdown } from "./queue-shutdown.js";
import type { QueueHandlers, QueuedJob, ReviewQueue } from "./review-queue.js";

interface Running<T> {
  readonly job: QueuedJob<T>;
  readonly abort: AbortController;
  readonly settled: Promise<void>;
}

/**
 * After the grace period, aborted jobs get this long to unwind and waiting ones to be recorded,
 * then jobs still running this long to be recorded: shutdown ends within grace + 5 s.
 */
const unwindMs = 3_000;
const lastWordMs = 1_000;

async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The queue used when no Redis is configured: bounded concurrency, one job per key at a time, a
 * newer job replacing a waiting one and aborting a running one, and claimed ids remembered so a
 * redelivered webhook does not review twice. Jobs live in memory: a job still running when the
 * shutdown grace period ends is reported `interrupted`, as nothing else could pick it up.
 */
export class InProcessQueue<T> implements ReviewQueue<T> {
  private readonly waiting = new Map<string, { job: QueuedJob<T>; since: number }>();
  private readonly running = new Map<string, Running<T>>();
  private readonly seen = new Set<string>();
  /** Ids of jobs waiting or running, and which holds each live key (see `join`). */
  private readonly live = new Set<string>();
  private readonly holders = new Map<string, string>();
  /** Check runs of superseded jobs being completed, off the webhook's path. */
  private readonly aftermath = new Set<Promise<void>>();
  private readonly idle: (() => void)[] = [];
  private closing = false;

  constructor(
    private readonly handlers: QueueHandlers<T>,
    private readonly concurrency = 2,
    private readonly rememberedIds = 10_000,
  ) {}

  async add(job: QueuedJob<T>): Promise<boolean> {
    if (this.closing) return false;
    const replaced = this.waiting.get(job.key);
    this.waiting.delete(job.key);
    this.waiting.set(job.key, { job, since: Date.now() });
    this.live.add(job.id);
    if (replaced) {
      this.live.delete(replaced.job.id);
      this.track(this.handlers.superseded(replaced.job));
    }
    this.running.get(job.key)?.abort.abort(new Error("superseded by a newer push"));
    this.pump();
    return true;
  }

  async claim(id: string): Promise<boolean> {
    if (this.seen.has(id)) return false;
    this.remember(id);
    return true;
  }

  async release(id: string): Promise<void> {
    this.seen.delete(id);
    this.live.delete(id);
  }

  async join(liveKey: string, id: string): Promise<string | undefined> {
    const holder = this.holders.get(liveKey);
    if (holder !== undefined && this.live.has(holder)) return holder;
    this.holders.delete(liveKey);
    this.holders.set(liveKey, id);
    // Live from now, before its job is added: a delivery arriving in between joins it.
    this.live.add(id);
    if (this.holders.size > this.rememberedIds)
      this.holders.delete(this.holders.keys().next().value!);
    return undefined;
  }

  async depth(): Promise<number> {
    return this.waiting.size;
  }

  get active(): number {
    return this.running.size;
  }

  async drained(): Promise<void> {
    if (this.waiting.size > 0 || this.running.size > 0)
      await new Promise<void>((resolve) => this.idle.push(resolve));
    while (this.aftermath.size > 0) await Promise.allSettled([...this.aftermath]);
  }

  private track(task: Promise<void>): void {
    const tracked = task.catch(() => undefined).finally(() => this.aftermath.delete(tracked));
    this.aftermath.add(tracked);
  }

  /**
   * Keeps working through the queue for `graceMs`, then interrupts whatever is left and resolves
   * within `unwindMs + lastWordMs` more. Recording a job for the next start is quick; without a
   * pending file, interrupting is a GitHub write each, one an interval per installation, so a
   * backlog's cancellations are given the same bounded time and not waited for beyond it.
   */
  async close(graceMs: number): Promise<void> {
    this.closing = true;
    if (await within(this.drained(), graceMs)) return;
    const left = [...this.waiting.values()].map((entry) => entry.job);
    this.waiting.clear();
    const running = [...this.running.values()];
    for (const entry of running) entry.abort.abort(new QueueShutdown());
    // All at once: a long backlog is recorded (see PendingJobsFile) in one write, not one each.
    const recorded = left.map((job) => this.handlers.interrupted(job).catch(() => undefined));
    const settled = running.map((entry) => entry.settled);
    if (await within(Promise.all([...recorded, ...settled]), unwindMs)) return;
    // A job that did not unwind in time (a request to GitHub under way) is recorded as it is.
    const stuck = [...this.running.values()].map((entry) =>
      this.handlers.interrupted(entry.job).catch(() => undefined),
    );
    await within(Promise.all(stuck), lastWordMs);
  }

  private remember(id: string): void {
    this.seen.add(id);
    if (this.seen.size > this.rememberedIds) this.seen.delete(this.seen.values().next().value!);
  }

  private pump(): void {
    for (const [key, { job, since }] of this.waiting) {
      if (this.running.size >= this.concurrency) return;
      if (this.running.has(key)) continue;
      this.waiting.delete(key);
      metrics.queueWait.observe((Date.now() - since) / 1000);
      const abort = new AbortController();
      let settle = () => {};
      const settled = new Promise<void>((resolve) => (settle = resolve));
      this.running.set(key, { job, abort, settled });
      void this.start(job, abort).finally(settle);
    }
  }

  private async start(job: QueuedJob<T>, abort: AbortController): Promise<void> {
    const ensureLatest = async () => abort.signal.throwIfAborted();
    try {
      await this.handlers.run(job, abort.signal, ensureLatest);
    } catch (error) {
      await this.settle(job, abort.signal, error).catch(() => undefined);
    } finally {
      this.running.delete(job.key);
      this.live.delete(job.id);
      this.pump();
      if (this.waiting.size === 0 && this.running.size === 0)
        this.idle.splice(0).forEach((resolve) => resolve());
    }
  }

  private settle(job: QueuedJob<T>, signal: AbortSignal, error: unknown): Promise<void> {
    if (!signal.aborted) return this.handlers.failed(job, error);
    return signal.reason instanceof QueueShutdown
      ? this.handlers.interrupted(job)
      : this.handlers.superseded(job);
  }
}
