import { metrics } from "../metrics/archdrift-metrics.js";
import { QueueShutdown } from "./queue-shutdown.js";
import type { QueueHandlers, QueuedJob, ReviewQueue } from "./review-queue.js";

interface Running<T> {
  readonly job: QueuedJob<T>;
  readonly abort: AbortController;
  readonly settled: Promise<void>;
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
    if (replaced) await this.handlers.superseded(replaced.job);
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
  }

  async depth(): Promise<number> {
    return this.waiting.size;
  }

  get active(): number {
    return this.running.size;
  }

  async drained(): Promise<void> {
    if (this.waiting.size === 0 && this.running.size === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  /** Keeps working through the queue for `graceMs`, then interrupts whatever is left. */
  async close(graceMs: number): Promise<void> {
    this.closing = true;
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), graceMs);
    });
    const result = await Promise.race([this.drained(), graceOver]);
    clearTimeout(timer);
    if (result !== "late") return;
    const left = [...this.waiting.values()].map((entry) => entry.job);
    this.waiting.clear();
    for (const job of left) await this.handlers.interrupted(job).catch(() => undefined);
    const running = [...this.running.values()];
    for (const entry of running) entry.abort.abort(new QueueShutdown());
    await Promise.all(running.map((entry) => entry.settled));
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
