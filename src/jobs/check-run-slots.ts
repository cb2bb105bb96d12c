/**
 * The check run of each queued job, created once whichever process asks first: the webhook
 * server right after answering, or the worker that starts the job. A job is queued before the
 * webhook is answered, so a server that dies in between loses nothing: the worker creates the
 * check run itself.
 */
export interface CheckRunSlots {
  /**
   * The check run id of `jobId`: the one already made, else what `create` returns. Waiting for
   * another process's creation stops when `signal` aborts.
   */
  ensure(jobId: string, create: () => Promise<number>, signal?: AbortSignal): Promise<number>;
  close(): Promise<void>;
}

/** Ids remembered by the in-process slots; older ones belong to long-finished jobs. */
const remembered = 10_000;

/** In one process one promise per job is enough: every caller awaits the same creation. */
export function memoryCheckRunSlots(): CheckRunSlots {
  const slots = new Map<string, Promise<number>>();
  return {
    ensure(jobId, create) {
      const known = slots.get(jobId);
      if (known) return known;
      const created = create().catch((error: unknown) => {
        // A failed creation must not stick: the next caller tries again.
        slots.delete(jobId);
        throw error;
      });
      slots.set(jobId, created);
      if (slots.size > remembered) slots.delete(slots.keys().next().value!);
      return created;
    },
    close: async () => undefined,
  };
}
