import type { Logger } from "pino";
import type { DriftReport } from "../drift/drift-report.js";
import { checkRunResultOf } from "../publish/check-run-result.js";
import {
  completeCheckRun,
  type CheckRunResult,
  type Conclusion,
} from "../publish/complete-check-run.js";
import { publishReview } from "../publish/publish-review.js";
import { markdownQuotes } from "../report/markdown-text.js";
import { reviewPullRequest } from "../review/review-pull-request.js";
import type { ReviewSettings } from "../review/review-settings.js";
import { unreviewable } from "../review/unreviewable.js";
import { markInProgress } from "./check-runs.js";
import type { GitHubOctokit } from "./github-octokit.js";
import { loadGitHubConfig } from "./load-github-config.js";
import type { ReviewTarget } from "./review-target.js";

/** What is queued: the check run is made apart from it (see `CheckRunSlots`). */
export interface ReviewJob {
  readonly target: ReviewTarget;
  readonly deliveryId: string;
  /** Resumed after a restart: its check run may exist although it was not recorded. */
  readonly resumed?: boolean;
}

/** A job about to run, with the check run it reports on. */
export interface StartedReviewJob extends ReviewJob {
  readonly checkRunId: number;
}

export interface JobContext {
  /** An Octokit for the job's installation only: each installation has its own throttle. */
  readonly octokit: GitHubOctokit;
  readonly mirrorsDir: string;
  readonly settings: ReviewSettings;
  /** Carries the delivery id, so every line of the job can be found by it. */
  readonly log: Logger;
  readonly signal: AbortSignal;
  /** Throws when a newer push superseded this job: called right before anything is published. */
  readonly ensureLatest: () => Promise<void>;
}

/**
 * Runs one review from "in progress" to a completed check run and the review comments, and says
 * how the check run concluded.
 */
export async function runReviewJob(
  job: StartedReviewJob,
  context: JobContext,
): Promise<Conclusion> {
  const { octokit, log, signal } = context;
  const { target } = job;
  await markInProgress(octokit, target, job.checkRunId);
  const live = await stillCurrent(octokit, target);
  if (live !== "current") {
    const result = skipped(live);
    await completeCheckRun(octokit, target, job.checkRunId, result);
    return result.conclusion;
  }
  let report: DriftReport;
  try {
    report = await review(job, context);
  } catch (error) {
    const reason = unreviewable(error, markdownQuotes);
    if (!reason) throw error;
    log.warn({ kind: reason.kind }, "pull request cannot be reviewed");
    await completeCheckRun(octokit, target, job.checkRunId, {
      conclusion: "failure",
      title: reason.title,
      summary: reason.details.slice(0, 65_000),
    });
    return "failure";
  }
  signal.throwIfAborted();
  await context.ensureLatest();
  // The pull request may have been closed or pushed to while the review ran: the check run still
  // tells the truth about this commit, but comments go only to a pull request still open on it.
  const now = await stillCurrent(octokit, target);
  if (now === "moved") {
    await completeCheckRun(octokit, target, job.checkRunId, skipped(now));
    return "cancelled";
  }
  const result = checkRunResultOf(report);
  const verdict = result.conclusion;
  const comments =
    target.pullNumber === undefined || now === "closed"
      ? undefined
      : await publishReview(octokit, { ...target, pullNumber: target.pullNumber }, report);
  await completeCheckRun(octokit, target, job.checkRunId, result);
  log.info({ verdict, findings: report.findings.length, comments }, "review completed");
  return verdict;
}

async function review(job: StartedReviewJob, context: JobContext): Promise<DriftReport> {
  const { target } = job;
  const config = await loadGitHubConfig(context.octokit, target);
  const auth = (await context.octokit.auth({ type: "installation" })) as { token: string };
  return reviewPullRequest({
    mirrorsDir: context.mirrorsDir,
    repoFullName: `${target.owner}/${target.repo}`,
    cloneUrl: target.cloneUrl,
    token: auth.token,
    pullNumber: target.pullNumber,
    baseSha: target.baseSha,
    headSha: target.headSha,
    signal: context.signal,
    cache: context.settings.cache,
    limits: context.settings.limits,
    maxParseMs: context.settings.maxParseMs,
    ...(config ? { config } : {}),
  });
}

/** Re-read the pull request: a closed one, or one whose head moved on, is not worth reviewing. */
async function stillCurrent(
  octokit: GitHubOctokit,
  target: ReviewTarget,
): Promise<"current" | "closed" | "moved"> {
  if (target.pullNumber === undefined) return "current";
  const { data } = await octokit.rest.pulls.get({
    owner: target.owner,
    repo: target.repo,
    pull_number: target.pullNumber,
  });
  if (data.state !== "open") return "closed";
  return data.head.sha === target.headSha ? "current" : "moved";
}

function skipped(reason: "closed" | "moved"): CheckRunResult {
  return reason === "closed"
    ? {
        conclusion: "skipped",
        title: "Pull request closed",
        summary: "The pull request was closed before the review ran.",
      }
    : {
        conclusion: "cancelled",
        title: "Superseded by a newer push",
        summary: "A newer commit was pushed; archdrift reviews that one instead.",
      };
}
