/** A unit of work, keyed so that a newer job for the same key supersedes an older one. */
export interface QueuedJob<T> {
  /** Jobs with one key (repository and pull request) never run side by side. */
  readonly key: string;
  /** Webhook delivery id: a redelivery of the same id is dropped. */
  readonly id: string;
  readonly data: T;
}

export interface QueueHandlers<T> {
  run(job: QueuedJob<T>, signal: AbortSignal): Promise<void>;
  /** Told when a job is dropped for a newer one, so its check run can still be completed. */
  superseded(job: QueuedJob<T>): Promise<void>;
  failed(job: QueuedJob<T>, error: unknown): Promise<void>;
}

/**
 * The queue used when no Redis is configured: bounded concurrency, one job per key at a time, a
 * newer job replacing a waiting one and aborting a running one, and delivery ids remembered so a
 * redelivered webhook does not review twice.
 */
export class InProcessQueue<T> {
  private readonly waiting = new Map<string, QueuedJob<T>>();
  private readonly running = new Map<string, { job: QueuedJob<T>; abort: AbortController }>();
  private readonly seen = new Set<string>();
  private readonly idle: (() => void)[] = [];

  constructor(
    private readonly handlers: QueueHandlers<T>,
    private readonly concurrency = 2,
    private readonly rememberedIds = 10_000,
  ) {}

  /** False when the delivery id was seen before and the job was dropped. */
  async add(job: QueuedJob<T>): Promise<boolean> {
    if (this.seen.has(job.id)) return false;
    this.remember(job.id);
    const replaced = this.waiting.get(job.key);
    this.waiting.delete(job.key);
    this.waiting.set(job.key, job);
    if (replaced) await this.handlers.superseded(replaced);
    this.running.get(job.key)?.abort.abort(new Error("superseded by a newer push"));
    this.pump();
    return true;
  }

  /** True when this delivery id was queued before: the caller should not act on it again. */
  hasSeen(id: string): boolean {
    return this.seen.has(id);
  }

  get depth(): number {
    return this.waiting.size;
  }

  get active(): number {
    return this.running.size;
  }

  /** Resolves when nothing waits and nothing runs: for tests and graceful shutdown. */
  async drained(): Promise<void> {
    if (this.waiting.size === 0 && this.running.size === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  private remember(id: string): void {
    this.seen.add(id);
    if (this.seen.size > this.rememberedIds) this.seen.delete(this.seen.values().next().value!);
  }

  private pump(): void {
    for (const [key, job] of this.waiting) {
      if (this.running.size >= this.concurrency) return;
      if (this.running.has(key)) continue;
      this.waiting.delete(key);
      void this.start(job);
    }
  }

  private async start(job: QueuedJob<T>): Promise<void> {
    const abort = new AbortController();
    this.running.set(job.key, { job, abort });
    try {
      await this.handlers.run(job, abort.signal);
    } catch (error) {
      await (
        abort.signal.aborted ? this.handlers.superseded(job) : this.handlers.failed(job, error)
      ).catch(() => undefined);
    } finally {
      this.running.delete(job.key);
      this.pump();
      if (this.waiting.size === 0 && this.running.size === 0)
        this.idle.splice(0).forEach((resolve) => resolve());
    }
  }
}
