const tails = new Map<string, Promise<unknown>>();

/**
 * Runs tasks with the same key one after another, in this process. Git's lock files already keep
 * two processes from corrupting a repository, but the loser fails instead of waiting: queueing here
 * means one worker's jobs on one repository never trip over each other.
 */
export async function runExclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(task);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  try {
    return await run;
  } finally {
    // The map holds only queues that still have work, so it does not grow with every repository seen.
    if (tails.get(key) === tail) tails.delete(key);
  }
}
