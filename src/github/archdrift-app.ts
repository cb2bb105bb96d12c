import type { ApplicationFunction, Context, Probot } from "probot";
import type { BullmqWorkerOptions } from "../jobs/bullmq-worker.js";
import { createReviewQueue } from "../jobs/create-review-queue.js";
import { memoryCheckRunSlots, type CheckRunSlots } from "../jobs/check-run-slots.js";
import { RedisCheckRunSlots } from "../jobs/redis-check-run-slots.js";
import type { QueuedJob, ReviewQueue } from "../jobs/review-queue.js";
import type { ReviewSettings } from "../review/review-settings.js";
import { metrics } from "../metrics/archdrift-metrics.js";
import { metricsHandler } from "../metrics/metrics-handler.js";
import { createQueuedCheckRun } from "./check-runs.js";
import { checkRunName } from "../publish/publishing-octokit.js";
import type { GitHubOctokit } from "./github-octokit.js";
import { reviewHandlers } from "./review-handlers.js";
import { targetKey, type ReviewTarget } from "./review-target.js";
import type { ReviewJob } from "./run-review-job.js";
import { mergeGroupTarget, pullRequestTarget, rerunTargets } from "./targets-from-events.js";

export interface ArchdriftAppOptions {
  /** Where bare mirrors of reviewed repositories are kept between reviews. */
  readonly mirrorsDir: string;
  /** Reviews running at once in this process; with Redis, 0 makes this process only enqueue. */
  readonly concurrency?: number;
  /** Caches and bounds; without them, nothing is cached and the defaults apply. */
  readonly settings?: ReviewSettings;
  /** Absent: the queue lives in this process. */
  readonly redis?: Omit<BullmqWorkerOptions, "concurrency" | "onError">;
  /** When set, /metrics answers only `Authorization: Bearer <token>`. */
  readonly metricsToken?: string | undefined;
}

export interface ArchdriftApp {
  readonly appFn: ApplicationFunction;
  /** Resolves when every accepted review has finished: for tests and graceful shutdown. */
  drained(): Promise<void>;
  /** After the server stopped taking webhooks: lets reviews finish for `graceMs`, then hands them back. */
  close(graceMs: number): Promise<void>;
}

/**
 * The Probot app: each event becomes a job on the queue at once and a queued check run right
 * after; the webhook is answered without waiting for the review (GitHub gives up after 10
 * seconds). Serves Prometheus metrics at /metrics.
 */
export function createArchdriftApp(options: ArchdriftAppOptions): ArchdriftApp {
  let queue: ReviewQueue<ReviewJob> | undefined;
  let intake: Intake | undefined;
  let slots: CheckRunSlots | undefined;
  const appFn: ApplicationFunction = (app, { addHandler }) => {
    const onError = (error: Error) => app.log.error({ err: error }, "queue connection error");
    const checkRuns = options.redis
      ? new RedisCheckRunSlots({ ...options.redis, onError })
      : memoryCheckRunSlots();
    slots = checkRuns;
    const jobs = queueFor(app, options, checkRuns, onError);
    queue = jobs;
    const accepted = new Intake(jobs, checkRuns);
    intake = accepted;
    metrics.observeQueueDepth(() => jobs.depth());
    addHandler(metricsHandler(metrics.registry, options.metricsToken));
    const accept = (context: Context, targets: readonly ReviewTarget[]) =>
      accepted.accept(context, targets);
    app.on(
      ["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"],
      (context) => accept(context, [pullRequestTarget(context.payload, context.name)]),
    );
    app.on("merge_group.checks_requested", (context) =>
      accept(context, [mergeGroupTarget(context.payload)]),
    );
    app.on("check_run.rerequested", async (context) => {
      if (context.payload.check_run.name !== checkRunName) return;
      const run = context.payload.check_run;
      const numbers = run.pull_requests.map((pull) => pull.number);
      await accept(
        context,
        await rerunTargets(context.octokit, context.payload, run.head_sha, numbers, "check_run"),
      );
    });
    app.on("check_suite.rerequested", async (context) => {
      const suite = context.payload.check_suite;
      const numbers = suite.pull_requests.map((pull) => pull.number);
      await accept(
        context,
        await rerunTargets(
          context.octokit,
          context.payload,
          suite.head_sha,
          numbers,
          "check_suite",
        ),
      );
    });
  };
  return {
    appFn,
    drained: async () => {
      await intake?.settled();
      await queue?.drained();
    },
    close: async (graceMs) => {
      await intake?.settled();
      await queue?.close(graceMs);
      await slots?.close();
    },
  };
}

function queueFor(
  app: Probot,
  options: ArchdriftAppOptions,
  checkRuns: CheckRunSlots,
  onError: (error: Error) => void,
): ReviewQueue<ReviewJob> {
  const handlers = reviewHandlers({
    checkRuns,
    auth: async (installationId) => (await app.auth(installationId)) as GitHubOctokit,
    log: app.log,
    mirrorsDir: options.mirrorsDir,
    settings: options.settings ?? {},
  });
  return createReviewQueue(handlers, {
    concurrency: options.concurrency ?? 2,
    ...(options.redis ? { redis: { ...options.redis, onError } } : {}),
  });
}

/**
 * What the webhook does: claim the delivery, queue its job, answer. The job is queued before the
 * answer, so once GitHub hears 200 the review survives this process dying. Creating the queued
 * check run is a content-creating request that Octokit's throttle spaces a second apart, so 50
 * pushes at once would hold GitHub's delivery past its 10-second limit: it runs after the answer,
 * and if it fails or this process dies first, the worker creates the check run when the job starts.
 */
class Intake {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly queue: ReviewQueue<ReviewJob>,
    private readonly checkRuns: CheckRunSlots,
  ) {}

  async accept(context: Context, targets: readonly ReviewTarget[]): Promise<void> {
    for (const target of targets) {
      const id = `${context.id}:${target.headSha}`;
      // Claimed before anything exists: a second copy must not queue a second review.
      if (!(await this.queue.claim(id))) {
        context.log.info({ deliveryId: context.id }, "redelivered webhook ignored");
        continue;
      }
      const job = { key: targetKey(target), id, data: { target, deliveryId: context.id } };
      await this.enqueue(job);
      const task = this.createCheckRun(context, job).finally(() => this.pending.delete(task));
      this.pending.add(task);
    }
  }

  /** Resolves once every accepted delivery's check run was created, or failed to be. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** A job that cannot be queued fails the delivery, so GitHub shows it and can redeliver it. */
  private async enqueue(job: QueuedJob<ReviewJob>): Promise<void> {
    const added = await this.queue.add(job).catch(async (error: unknown) => {
      await this.queue.release(job.id).catch(() => undefined);
      throw error;
    });
    if (added) return;
    await this.queue.release(job.id);
    throw new Error("archdrift is shutting down and takes no new reviews");
  }

  private async createCheckRun(context: Context, job: QueuedJob<ReviewJob>): Promise<void> {
    const log = context.log.child({ deliveryId: context.id, key: job.key });
    try {
      const octokit = context.octokit as GitHubOctokit;
      const checkRunId = await this.checkRuns.ensure(job.id, () =>
        createQueuedCheckRun(octokit, job.data.target, job.id),
      );
      log.info({ checkRunId }, "review queued");
    } catch (error) {
      log.warn(
        { err: error instanceof Error ? error.message : String(error) },
        "check run not created; the job creates it when it starts",
      );
    }
  }
}
