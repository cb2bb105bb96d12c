import type { Logger } from "pino";
import type { Probot } from "probot";
import type { BullmqWorkerOptions } from "../jobs/bullmq-worker.js";
import { createReviewQueue } from "../jobs/create-review-queue.js";
import { memoryCheckRunSlots, type CheckRunSlots } from "../jobs/check-run-slots.js";
import { RedisCheckRunSlots } from "../jobs/redis-check-run-slots.js";
import { PendingJobsFile, type PendingJob } from "../jobs/pending-jobs-file.js";
import type { QueuedJob, ReviewQueue } from "../jobs/review-queue.js";
import type { ReviewSettings } from "../review/review-settings.js";
import { metrics } from "../metrics/archdrift-metrics.js";
import { CheckRunAnnouncer } from "./check-run-announcer.js";
import { createQueuedCheckRun } from "./check-runs.js";
import type { GitHubOctokit } from "./github-octokit.js";
import { reviewHandlers } from "./review-handlers.js";
import { liveKey, targetKey, type ReviewTarget } from "./review-target.js";
import type { ReviewJob } from "./run-review-job.js";
import { rerunTargets } from "./targets-from-events.js";
import { workOf } from "./webhook-event.js";

export interface ArchdriftAppOptions {
  /** Where bare mirrors of reviewed repositories are kept between reviews. */
  readonly mirrorsDir: string;
  /** Reviews running at once in this process; with Redis, 0 makes this process only enqueue. */
  readonly concurrency?: number;
  /** Caches and bounds; without them, nothing is cached and the defaults apply. */
  readonly settings?: ReviewSettings;
  /** Absent: the queue lives in this process. */
  readonly redis?: Omit<BullmqWorkerOptions, "concurrency" | "onError">;
  /**
   * In-process queue only: reviews a shutdown could not finish are recorded here and resumed by
   * the next start. Absent: their check runs are completed as cancelled instead.
   */
  readonly pendingFile?: string;
}

export interface ArchdriftApp {
  /**
   * Builds the queue on `probot`, which authenticates each installation with its own throttle,
   * and resumes the reviews the last shutdown recorded.
   */
  start(probot: Probot): Promise<void>;
  /**
   * A verified delivery: claimed, queued, and resolved without waiting on a GitHub write. Throws
   * `MalformedEvent` for a payload that lacks what its event promises.
   */
  receive(delivery: Delivery): Promise<Receipt>;
  /** Resolves when every accepted review has finished: for tests and graceful shutdown. */
  drained(): Promise<void>;
  /** After the server stopped taking webhooks: lets reviews finish for `graceMs`, then hands them back. */
  close(graceMs: number): Promise<void>;
}

/** A delivery as the webhook server passes it on once its signature was checked. */
export interface Delivery {
  readonly id: string;
  readonly event: string;
  readonly payload: unknown;
}

/** What became of a delivery: reviews queued, live ones joined, or why nothing was done. */
export interface Receipt {
  readonly queued: number;
  readonly joined?: number;
  readonly ignored?: string;
}

/**
 * The GitHub App: each review-worthy delivery becomes a job on the queue at once and a queued
 * check run right after; the webhook is answered without waiting for either (GitHub gives up
 * after 10 seconds).
 */
export function createArchdriftApp(options: ArchdriftAppOptions): ArchdriftApp {
  let queue: ReviewQueue<ReviewJob> | undefined;
  let intake: Intake | undefined;
  let slots: CheckRunSlots | undefined;
  let app: Probot | undefined;
  const started = () => {
    if (!app || !intake) throw new Error("archdrift: start(probot) before receiving deliveries");
    return { app, intake };
  };
  return {
    async start(probot) {
      app = probot;
      const onError = (error: Error) => probot.log.error({ err: error }, "queue connection error");
      const checkRuns = options.redis
        ? new RedisCheckRunSlots({ ...options.redis, onError })
        : memoryCheckRunSlots();
      slots = checkRuns;
      const pending =
        options.pendingFile && !options.redis
          ? new PendingJobsFile<ReviewJob>(options.pendingFile)
          : undefined;
      const jobs = queueFor(probot, options, checkRuns, onError, pending);
      queue = jobs;
      intake = new Intake(jobs, checkRuns, probot);
      metrics.observeQueueDepth(() => jobs.depth());
      if (pending) await intake.resume(await pending.take(), checkRuns);
    },
    async receive(delivery) {
      const { app, intake } = started();
      const work = workOf(delivery.event, delivery.payload);
      if (work.kind === "ignored") return { queued: 0, ignored: work.why };
      const log = app.log.child({ deliveryId: delivery.id });
      const targets =
        work.kind === "review"
          ? work.targets
          : await rerunTargets(
              (await app.auth(work.target.installationId)) as GitHubOctokit,
              work.target,
              work.pullNumbers,
            );
      return intake.accept(delivery.id, targets, log);
    },
    drained: async () => {
      await intake?.announcer.settled();
      await queue?.drained();
    },
    close: async (graceMs) => {
      // Both within the one grace period: neither waits for the other's GitHub writes.
      await Promise.all([intake?.announcer.close(graceMs), queue?.close(graceMs)]);
      await slots?.close();
    },
  };
}

function queueFor(
  app: Probot,
  options: ArchdriftAppOptions,
  checkRuns: CheckRunSlots,
  onError: (error: Error) => void,
  pending: PendingJobsFile<ReviewJob> | undefined,
): ReviewQueue<ReviewJob> {
  const handlers = reviewHandlers({
    ...(pending ? { pending } : {}),
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
 * What the webhook does: claim the delivery, join a live review of the same head SHA or queue a
 * job, answer. The job is queued before the answer, so once GitHub hears 200 the review survives
 * this process dying. Its check run is announced after the answer, in the installation's own lane;
 * if that fails or this process dies first, the worker creates it when the job starts.
 */
class Intake {
  readonly announcer: CheckRunAnnouncer;

  constructor(
    private readonly queue: ReviewQueue<ReviewJob>,
    checkRuns: CheckRunSlots,
    app: Probot,
  ) {
    this.announcer = new CheckRunAnnouncer((job) => createCheckRun(job, checkRuns, app));
  }

  async accept(
    deliveryId: string,
    targets: readonly ReviewTarget[],
    log: Logger,
  ): Promise<Receipt> {
    let queued = 0;
    let joined = 0;
    for (const target of targets) {
      const id = `${deliveryId}:${target.headSha}`;
      // Claimed before anything exists: a second copy must not queue a second review.
      if (!(await this.queue.claim(id))) {
        log.info("redelivered webhook ignored");
        continue;
      }
      const key = targetKey(target);
      const holder = await this.queue.join(liveKey(target), id);
      if (holder !== undefined) {
        log.info({ key, joined: holder }, "delivery joined the live review of its head SHA");
        joined++;
        continue;
      }
      const job = { key, id, data: { target, deliveryId } };
      await this.enqueue(job);
      queued++;
      this.announcer.announce(job);
    }
    return { queued, joined };
  }

  /** Jobs the last shutdown recorded: queued again, with the check run they already had. */
  async resume(entries: readonly PendingJob<ReviewJob>[], checkRuns: CheckRunSlots): Promise<void> {
    for (const entry of entries) {
      const { checkRunId } = entry;
      const job = { ...entry.job, data: { ...entry.job.data, resumed: checkRunId === undefined } };
      const target = job.data.target;
      await this.queue.claim(job.id);
      if ((await this.queue.join(liveKey(target), job.id)) !== undefined) continue;
      if (checkRunId !== undefined) await checkRuns.ensure(job.id, async () => checkRunId);
      await this.queue.add(job);
      if (checkRunId === undefined) this.announcer.announce(job);
    }
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
}

/** Through the installation's own Octokit: its writes queue behind its own, no one else's. */
async function createCheckRun(
  job: QueuedJob<ReviewJob>,
  checkRuns: CheckRunSlots,
  app: Probot,
): Promise<void> {
  const target = job.data.target;
  const log = app.log.child({ deliveryId: job.data.deliveryId, key: job.key });
  try {
    const octokit = (await app.auth(target.installationId)) as GitHubOctokit;
    const checkRunId = await checkRuns.ensure(job.id, () =>
      createQueuedCheckRun(octokit, target, job.id, job.data.resumed),
    );
    log.info({ checkRunId }, "review queued");
  } catch (error) {
    log.warn(
      { err: error instanceof Error ? error.message : String(error) },
      "check run not created; the job creates it when it starts",
    );
  }
}
