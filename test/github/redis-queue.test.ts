import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { sampleBase, samplePullRequest } from "../../src/demo/sample-shop.js";
import { bullmqJobId } from "../../src/jobs/redis-queue-options.js";
import { useAppHarness } from "./app-harness.js";

const harness = useAppHarness({ redisUrl: process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379" });

describe("with REDIS_URL: reviews through BullMQ", () => {
  it("reviews a pull request and ignores a redelivery", async () => {
    const baseSha = await harness.commit(sampleBase, "base");
    const headSha = await harness.commit(samplePullRequest, "change");
    await harness.publish({ "refs/heads/main": baseSha, "refs/pull/7/head": headSha });
    const pull = { number: 7, baseSha, headSha };
    expect((await harness.pullRequestEvent("opened", pull, "delivery-r1")).status).toBe(200);
    await harness.settled();
    await harness.pullRequestEvent("opened", pull, "delivery-r1");
    await harness.settled();
    const runs = harness.github.runsFor(headSha);
    expect(runs.map((run) => run.conclusion)).toEqual(["failure"]);
    expect(harness.github.reviews).toHaveLength(1);
  });

  it("cancels the older push's check run and publishes only the newer one", async () => {
    const baseSha = await harness.commit(sampleBase, "base");
    const olderSha = await harness.commit(samplePullRequest, "change");
    const newerSha = await harness.commit(
      { "src/shop/orders/models.py": sampleBase["src/shop/orders/models.py"]! },
      "drop the layer violation",
    );
    await harness.publish({ "refs/heads/main": baseSha, "refs/pull/9/head": newerSha });
    await harness.pullRequestEvent("opened", { number: 9, baseSha, headSha: olderSha });
    await harness.pullRequestEvent("synchronize", { number: 9, baseSha, headSha: newerSha });
    await harness.settled();
    const [older] = harness.github.runsFor(olderSha);
    const [newer] = harness.github.runsFor(newerSha);
    expect(older?.conclusion).toBe("cancelled");
    expect(older?.output?.title).toBe("Superseded by a newer push");
    expect(newer?.conclusion).toBe("failure");
    expect(harness.github.reviews.map((review) => review.commit_id)).toEqual([newerSha]);
  });

  it("queues the job before answering, and the worker creates a check run the webhook could not", async () => {
    const baseSha = await harness.commit(sampleBase, "base");
    const headSha = await harness.commit(samplePullRequest, "change");
    await harness.publish({ "refs/heads/main": baseSha, "refs/pull/11/head": headSha });
    // Every try the webhook side makes at the check run fails, as if it had died after answering.
    harness.github.injectFault(
      "POST",
      /\/check-runs$/,
      { status: 500, body: { message: "boom" } },
      4,
    );
    const pull = { number: 11, baseSha, headSha };
    expect((await harness.pullRequestEvent("opened", pull, "delivery-r3")).status).toBe(200);
    const { url, prefix } = harness.queueRedis!;
    const redis = new Redis(url);
    try {
      const jobKey = `${prefix}:reviews:${bullmqJobId(`delivery-r3:${headSha}`)}`;
      expect(await redis.exists(jobKey)).toBe(1);
    } finally {
      await redis.quit();
    }
    await harness.settled();
    expect(harness.github.faultsLeft).toBe(0);
    const runs = harness.github.runsFor(headSha);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.statuses).toEqual(["queued", "in_progress", "completed"]);
    expect(runs[0]?.output?.title).toMatch(/architecture drift/);
    expect(harness.github.reviews).toHaveLength(1);
  }, 60_000);
});
