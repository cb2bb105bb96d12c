import { BullmqQueue } from "./bullmq-queue.js";
import { BullmqWorker, type BullmqWorkerOptions } from "./bullmq-worker.js";
import { InProcessQueue } from "./in-process-queue.js";
import type { QueueHandlers, ReviewQueue } from "./review-queue.js";

export interface ReviewQueueOptions {
  /** Reviews this process runs at once; with Redis, 0 makes it only enqueue. */
  readonly concurrency: number;
  /** Absent: the queue lives in this process. */
  readonly redis?: Omit<BullmqWorkerOptions, "concurrency">;
}

/** In memory with no setup; on Redis, with a worker in this process unless concurrency is 0. */
export function createReviewQueue<T>(
  handlers: QueueHandlers<T>,
  options: ReviewQueueOptions,
): ReviewQueue<T> {
  if (!options.redis) {
    if (options.concurrency < 1)
      throw new Error("without Redis, reviews run in this process: concurrency must be at least 1");
    return new InProcessQueue(handlers, options.concurrency);
  }
  const queue = new BullmqQueue<T>(options.redis);
  const worker =
    options.concurrency > 0
      ? new BullmqWorker(handlers, { ...options.redis, concurrency: options.concurrency })
      : undefined;
  return {
    add: (job) => queue.add(job),
    claim: (id) => queue.claim(id),
    release: (id) => queue.release(id),
    join: (liveKey, id) => queue.join(liveKey, id),
    depth: () => queue.depth(),
    drained: () => queue.drained(),
    close: async (graceMs) => {
      await worker?.close(graceMs);
      await queue.close();
    },
  };
}
