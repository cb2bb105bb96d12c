import type { Logger } from "pino";
import type { CheckRunSlots } from "../jobs/check-run-slots.js";
import type { PendingJobsFile } from "../jobs/pending-jobs-file.js";
import type { QueueHandlers, QueuedJob } from "../jobs/review-queue.js";
import type { ReviewSettings } from "../review/review-settings.js";
import { metrics, type ReviewOutcome } from "../metrics/archdrift-metrics.js";
import { completeCheckRun, type CheckRunResult } from "../publish/complete-check-run.js";
import { createQueuedCheckRun } from "./check-runs.js";
import { failureResult } from "./failure-result.js";
import type { GitHubOctokit } from "./github-octokit.js";
import { runReviewJob, type ReviewJob } from "./run-review-job.js";

export interface ReviewHandlerDeps {
  /** Shared with the webhook side: whoever gets there first creates a job's check run. */
  readonly checkRuns: CheckRunSlots;
  /** An Octokit of the installation's own: each installation gets its own throttle. */
  auth(installationId: number): Promise<GitHubOctokit>;
  readonly log: Logger;
  readonly mirrorsDir: string;
  readonly settings: ReviewSettings;
  /**
   * In-process only: where a shutdown records the jobs it could not finish, for the next start.
   * Without it they are completed as cancelled, one write each.
   */
  readonly pending?: PendingJobsFile<ReviewJob>;
}

const superseded: CheckRunResult = {
  conclusion: "cancelled",
  title: "Superseded by a newer push",
  summary: "A newer commit was pushed to this pull request; archdrift reviews that one instead.",
};

const interrupted: CheckRunResult = {
  conclusion: "cancelled",
  title: "archdrift restarted before finishing",
  summary:
    "archdrift was restarted while this review waited or ran. Re-run it from the Checks tab.",
};

/** What a queue does with a review job, the same in the webhook process and in `archdrift worker`. */
export function reviewHandlers(deps: ReviewHandlerDeps): QueueHandlers<ReviewJob> {
  const logFor = (job: QueuedJob<ReviewJob>) =>
    deps.log.child({ deliveryId: job.data.deliveryId, key: job.key });
  const checkRunOf = (job: QueuedJob<ReviewJob>, octokit: GitHubOctokit, signal?: AbortSignal) =>
    deps.checkRuns.ensure(
      job.id,
      () => createQueuedCheckRun(octokit, job.data.target, job.id, job.data.resumed),
      signal,
    );
  const finish = async (
    job: QueuedJob<ReviewJob>,
    result: CheckRunResult,
    outcome: ReviewOutcome,
  ) => {
    const octokit = await deps.auth(job.data.target.installationId);
    const checkRunId = await checkRunOf(job, octokit);
    await completeCheckRun(octokit, job.data.target, checkRunId, result);
    metrics.reviews.inc({ outcome });
    logFor(job).info({ outcome, checkRunId }, "review ended without a verdict");
  };
  return {
    async run(job, signal, ensureLatest) {
      const log = logFor(job);
      const stopTimer = metrics.reviewDuration.startTimer();
      log.info({ headSha: job.data.target.headSha }, "review started");
      try {
        const octokit = await deps.auth(job.data.target.installationId);
        // The webhook's creation, right after answering, may have failed: the job tries once more.
        const checkRunId = await checkRunOf(job, octokit, signal).catch(() =>
          checkRunOf(job, octokit, signal),
        );
        const conclusion = await runReviewJob(
          { ...job.data, checkRunId },
          {
            octokit,
            mirrorsDir: deps.mirrorsDir,
            settings: deps.settings,
            log: log.child({ checkRunId }),
            signal: withTimeout(signal, deps.settings.timeoutMs),
            ensureLatest,
          },
        );
        metrics.reviews.inc({ outcome: conclusion });
      } finally {
        stopTimer();
      }
    },
    superseded: (job) => finish(job, superseded, "superseded"),
    async interrupted(job) {
      if (!deps.pending) return finish(job, interrupted, "interrupted");
      const checkRunId = await deps.checkRuns.known(job.id);
      await deps.pending.record({ job, ...(checkRunId === undefined ? {} : { checkRunId }) });
      metrics.reviews.inc({ outcome: "interrupted" });
      logFor(job).info({ checkRunId }, "review recorded for the next start");
    },
    async failed(job, error) {
      const reason = error instanceof Error ? error.message : String(error);
      logFor(job).error({ err: reason }, "review failed");
      await finish(job, failureResult(error), "failed");
    },
  };
}

/** The queue's signal (superseded, shutting down) and the review's own time limit, as one. */
function withTimeout(signal: AbortSignal, timeoutMs: number | undefined): AbortSignal {
  return timeoutMs === undefined
    ? signal
    : AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
}
