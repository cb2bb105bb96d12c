import { describe, expect, it, vi } from "vitest";
import { InProcessQueue } from "../../src/jobs/in-process-queue.js";
import type { QueuedJob } from "../../src/jobs/review-queue.js";

interface Recorder {
  ran: string[];
  superseded: string[];
  failed: string[];
  interrupted: string[];
  release: Map<string, () => void>;
}

function queueWith(concurrency = 2, failing = new Set<string>()) {
  const log: Recorder = {
    ran: [],
    superseded: [],
    failed: [],
    interrupted: [],
    release: new Map(),
  };
  const queue = new InProcessQueue<string>(
    {
      run: (job, signal) =>
        new Promise<void>((resolve, reject) => {
          log.ran.push(job.data);
          if (failing.has(job.data)) return reject(new Error("boom"));
          signal.addEventListener("abort", () => reject(signal.reason));
          log.release.set(job.data, resolve);
        }),
      superseded: async (job) => void log.superseded.push(job.data),
      failed: async (job) => void log.failed.push(job.data),
      interrupted: async (job) => void log.interrupted.push(job.data),
    },
    concurrency,
  );
  return { queue, log };
}

const job = (key: string, id: string, data = id): QueuedJob<string> => ({ key, id, data });
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("InProcessQueue", () => {
  it("lets an id be claimed once, and again only after it was released", async () => {
    const { queue } = queueWith();
    const claims = await Promise.all([queue.claim("d1"), queue.claim("d1"), queue.claim("d1")]);
    expect(claims).toEqual([true, false, false]);
    await queue.release("d1");
    expect(await queue.claim("d1")).toBe(true);
    expect(await queue.claim("d1")).toBe(false);
  });

  it("lets deliveries of a head SHA join its live job, and make a new one once it ended", async () => {
    const { queue, log } = queueWith();
    const holders = await Promise.all(
      ["d1", "d2", "d3"].map((id) => queue.join("pr-1@abc#pull_request", id)),
    );
    expect(holders).toEqual([undefined, "d1", "d1"]);
    await queue.add(job("pr-1", "d1"));
    await tick();
    expect(await queue.join("pr-1@abc#pull_request", "d4")).toBe("d1");
    log.release.get("d1")?.();
    await queue.drained();
    expect(await queue.join("pr-1@abc#pull_request", "d5")).toBeUndefined();
  });

  it("does not wait for a superseded job's aftermath to take the newer one", async () => {
    let finishSuperseded = () => {};
    const queue = new InProcessQueue<string>(
      {
        run: () => new Promise<void>(() => {}),
        superseded: () => new Promise<void>((resolve) => (finishSuperseded = resolve)),
        failed: async () => undefined,
        interrupted: async () => undefined,
      },
      0 + 1,
    );
    await queue.add(job("pr-1", "a"));
    await queue.add(job("pr-2", "b"));
    await queue.add(job("pr-2", "c"));
    // `add` resolved although completing b's check run has not: the webhook never waits on it.
    expect(await queue.depth()).toBe(1);
    finishSuperseded();
  });

  it("aborts a running job when a newer one for the same pull request arrives", async () => {
    const { queue, log } = queueWith();
    await queue.add(job("pr-1", "old"));
    await tick();
    await queue.add(job("pr-1", "new"));
    await tick();
    expect(log.superseded).toEqual(["old"]);
    expect(log.ran).toEqual(["old", "new"]);
    log.release.get("new")?.();
    await queue.drained();
  });

  it("replaces a waiting job and never runs two jobs of one key side by side", async () => {
    const { queue, log } = queueWith(1);
    await queue.add(job("pr-1", "a"));
    await queue.add(job("pr-2", "b"));
    await queue.add(job("pr-2", "c"));
    await tick();
    expect(log.superseded).toEqual(["b"]);
    log.release.get("a")?.();
    await tick();
    expect(log.ran).toEqual(["a", "c"]);
    log.release.get("c")?.();
    await queue.drained();
  });

  it("respects the concurrency bound and reports failures", async () => {
    const { queue, log } = queueWith(2, new Set(["x"]));
    await queue.add(job("k1", "x"));
    await queue.add(job("k2", "y"));
    await queue.add(job("k3", "z"));
    await tick();
    expect(log.failed).toEqual(["x"]);
    expect(log.ran).toEqual(["x", "y", "z"]);
    expect(queue.active).toBe(2);
    log.release.get("y")?.();
    log.release.get("z")?.();
    await queue.drained();
    expect(queue.active).toBe(0);
  });

  it("lets running jobs finish within the grace period on close, and takes no new ones", async () => {
    const { queue, log } = queueWith(1);
    await queue.add(job("k1", "a"));
    await queue.add(job("k2", "b"));
    await tick();
    const closed = queue.close(5_000);
    expect(await queue.add(job("k3", "c"))).toBe(false);
    log.release.get("a")?.();
    await tick();
    log.release.get("b")?.();
    await closed;
    expect(log.ran).toEqual(["a", "b"]);
    expect(log.interrupted).toEqual([]);
  });

  it("interrupts what is left when the grace period ends", async () => {
    const { queue, log } = queueWith(1);
    await queue.add(job("k1", "a"));
    await queue.add(job("k2", "b"));
    await tick();
    expect(await queue.depth()).toBe(1);
    await queue.close(20);
    expect(log.interrupted.sort()).toEqual(["a", "b"]);
    expect(log.superseded).toEqual([]);
    expect(queue.active).toBe(0);
  });

  it("resolves after the grace even when interrupting each job waits on a GitHub write", async () => {
    vi.useFakeTimers();
    try {
      const told: string[] = [];
      // As cancelling a check run is without a pending file: queued behind the installation's writes.
      const queue = new InProcessQueue<string>(
        {
          run: () => new Promise<void>(() => undefined),
          superseded: async () => undefined,
          failed: async () => undefined,
          interrupted: (queued) => {
            told.push(queued.data);
            return new Promise<void>(() => undefined);
          },
        },
        1,
      );
      for (let n = 0; n < 100; n++) await queue.add(job(`pr${n}`, `d${n}`));
      let closed = false;
      void queue.close(0).then(() => (closed = true));
      await vi.advanceTimersByTimeAsync(10_000);
      expect(closed).toBe(true);
      expect(new Set(told).size).toBe(100);
    } finally {
      vi.useRealTimers();
    }
  });
});
