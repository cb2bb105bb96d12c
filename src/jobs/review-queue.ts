/** A unit of work, keyed so that a newer job for the same key supersedes an older one. */
export interface QueuedJob<T> {
  /** Jobs with one key (repository and pull request) supersede each other. */
  readonly key: string;
  /** Delivery id and head SHA: claimed once (see `ReviewQueue.claim`), so a redelivery is dropped. */
  readonly id: string;
  readonly data: T;
}

export interface QueueHandlers<T> {
  /**
   * `ensureLatest` throws (and aborts `signal`) when a newer job for the same key was queued: call
   * it right before publishing, so an older result never lands over a newer one.
   */
  run(job: QueuedJob<T>, signal: AbortSignal, ensureLatest: () => Promise<void>): Promise<void>;
  /**
   * Told when a job is dropped for a newer one, so its check run can still be completed. Not
   * awaited by `add`: that GitHub write happens after the webhook was answered.
   */
  superseded(job: QueuedJob<T>): Promise<void>;
  failed(job: QueuedJob<T>, error: unknown): Promise<void>;
  /** The process stops and cannot hand the job to another one (the in-process queue only). */
  interrupted(job: QueuedJob<T>): Promise<void>;
}

/** What the webhook side needs from a queue, in memory or on Redis. */
export interface ReviewQueue<T> {
  /** False when the queue is closing and the job was dropped. */
  add(job: QueuedJob<T>): Promise<boolean>;
  /**
   * True for the first caller to claim `id`, in any process sharing the queue, false for every
   * later one: claim before acting on a delivery, and two copies arriving together act once.
   */
  claim(id: string): Promise<boolean>;
  /** Gives a claim back when its job could not be queued, so a redelivery is acted on. */
  release(id: string): Promise<void>;
  /**
   * The id of the live job (waiting or running) that already holds `liveKey` (a head SHA and its
   * trigger), else undefined after making `id` its holder: a delivery that finds one joins it.
   */
  join(liveKey: string, id: string): Promise<string | undefined>;
  /** Jobs waiting for a worker. */
  depth(): Promise<number>;
  /** Resolves when nothing waits and nothing runs: for tests and graceful shutdown. */
  drained(): Promise<void>;
  /** Stops taking jobs; running ones get `graceMs` to finish before they are handed back. */
  close(graceMs: number): Promise<void>;
}
