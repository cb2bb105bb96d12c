import type { Server } from "node:http";
import type { Logger } from "pino";
import type { Probot } from "probot";
import { BullmqQueue } from "../jobs/bullmq-queue.js";
import { BullmqWorker } from "../jobs/bullmq-worker.js";
import { RedisCheckRunSlots } from "../jobs/redis-check-run-slots.js";
import { metrics } from "../metrics/archdrift-metrics.js";
import { serveMetrics } from "../metrics/serve-metrics.js";
import type { ReviewSettings } from "../review/review-settings.js";
import type { ArchdriftSettings } from "./archdrift-env.js";
import type { GitHubOctokit } from "./github-octokit.js";
import { reviewHandlers } from "./review-handlers.js";
import type { ReviewJob } from "./run-review-job.js";

export interface ReviewWorker {
  readonly metricsPort: number;
  /** Lets running reviews finish for `graceMs`, then hands them back to the queue. */
  close(graceMs: number): Promise<void>;
}

/**
 * The body of `archdrift worker`: takes reviews from Redis and authenticates per installation
 * through `probot`, which the caller built from the same environment as the webhook server.
 */
export async function startReviewWorker(
  settings: ArchdriftSettings & { readonly redis: NonNullable<ArchdriftSettings["redis"]> },
  probot: Probot,
  log: Logger,
  reviewSettings: ReviewSettings = {},
): Promise<ReviewWorker> {
  const onError = (error: Error) => log.error({ err: error }, "queue connection error");
  const checkRuns = new RedisCheckRunSlots({ ...settings.redis, onError });
  const handlers = reviewHandlers({
    checkRuns,
    auth: async (installationId) => (await probot.auth(installationId)) as GitHubOctokit,
    log,
    mirrorsDir: settings.mirrorsDir,
    settings: reviewSettings,
  });
  const worker = new BullmqWorker<ReviewJob>(handlers, {
    ...settings.redis,
    concurrency: Math.max(1, settings.concurrency),
    onError,
  });
  await worker.waitUntilReady();
  // Only to count what waits: the webhook servers enqueue, every worker can report the backlog.
  const backlog = new BullmqQueue<ReviewJob>({ ...settings.redis, onError });
  metrics.observeQueueDepth(() => backlog.depth());
  const served = await serveMetrics(
    metrics.registry,
    settings.metricsPort,
    settings.metricsHost,
    settings.metricsToken,
  );
  log.info({ concurrency: settings.concurrency, metricsPort: served.port }, "worker started");
  return {
    metricsPort: served.port,
    close: async (graceMs) => {
      await closeServer(served.server);
      await worker.close(graceMs);
      await backlog.close();
      await checkRuns.close();
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
