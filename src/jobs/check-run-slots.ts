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
  /** The check run already made for `jobId`, without making one. */
  known(jobId: string): Promise<number | undefined>;
  close(): Promise<void>;
}

/** Ids remembered by the in-process slots; older ones belong to long-finished jobs. */
const remembered = 10_000;

/** In one process one promise per job is enough: every caller awaits the same creation. */
export function memoryCheckRunSlots(): CheckRunSlots {
  const slots = new Map<string, Promise<number>>();
  // Known without waiting: a creation still queued behind the installation's writes is not made.
  const made = new Map<string, number>();
  return {
    ensure(jobId, create) {
      const known = slots.get(jobId);
      if (known) return known;
      const created = create().then(
        (id) => {
          made.set(jobId, id);
          if (made.size > remembered) made.delete(made.keys().next().value!);
          return id;
        },
        (error: unknown) => {
          // A failed creation must not stick: the next caller tries again.
          slots.delete(jobId);
          throw error;
        },
      );
      slots.set(jobId, created);
      if (slots.size > remembered) slots.delete(slots.keys().next().value!);
      return created;
    },
    known: async (jobId) => made.get(jobId),
    close: async () => undefined,
  };
}
