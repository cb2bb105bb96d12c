import type { Logger } from "pino";
import type { DriftReport } from "../drift/drift-report.js";
import { renderAnnotations } from "../report/render-annotations.js";
import { renderMarkdown } from "../report/render-markdown.js";
import { summarize, verdictOf } from "../report/verdict.js";
import { ConfigProblem } from "../review/config-problem.js";
import { reviewPullRequest } from "../review/review-pull-request.js";
import { completeCheckRun, markInProgress, type CheckRunResult } from "./check-runs.js";
import type { GitHubOctokit } from "./github-octokit.js";
import { loadGitHubConfig } from "./load-github-config.js";
import { publishReview } from "./publish-review.js";
import type { ReviewTarget } from "./review-target.js";

export interface ReviewJob {
  readonly target: ReviewTarget;
  readonly checkRunId: number;
  readonly deliveryId: string;
}

export interface JobContext {
  /** An Octokit for the job's installation only: each installation has its own throttle. */
  readonly octokit: GitHubOctokit;
  readonly mirrorsDir: string;
  readonly log: Logger;
  readonly signal: AbortSignal;
}

/** Runs one review from "in progress" to a completed check run and the review comments. */
export async function runReviewJob(job: ReviewJob, context: JobContext): Promise<void> {
  const { octokit, log, signal } = context;
  const { target } = job;
  await markInProgress(octokit, target, job.checkRunId);
  const live = await stillCurrent(octokit, target);
  if (live !== "current") {
    await completeCheckRun(octokit, target, job.checkRunId, skipped(live));
    return;
  }
  let report: DriftReport;
  try {
    report = await review(job, context);
  } catch (error) {
    if (!(error instanceof ConfigProblem)) throw error;
    await completeCheckRun(octokit, target, job.checkRunId, configFailure(error));
    return;
  }
  signal.throwIfAborted();
  const verdict = verdictOf(report.findings);
  const comments =
    target.pullNumber === undefined
      ? undefined
      : await publishReview(octokit, { ...target, pullNumber: target.pullNumber }, report);
  await completeCheckRun(octokit, target, job.checkRunId, {
    conclusion: verdict,
    title: titleOf(report),
    summary: renderMarkdown(report, {}),
    annotations: renderAnnotations(report.findings),
  });
  log.info(
    { deliveryId: job.deliveryId, verdict, findings: report.findings.length, comments },
    "review completed",
  );
}

async function review(job: ReviewJob, context: JobContext): Promise<DriftReport> {
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

function configFailure(problem: ConfigProblem): CheckRunResult {
  const list = problem.errors
    .map((error) => `- \`${error.file}:${error.line}\`: ${error.message}`)
    .join("\n");
  return {
    conclusion: "failure",
    title: "archdrift's config is invalid",
    summary:
      `archdrift could not use its config, so it did not review this pull request. Fix these and push again (the config is read from the base branch):\n\n${list}`.slice(
        0,
        65_000,
      ),
  };
}

function titleOf(report: DriftReport): string {
  const summary = summarize(report.findings);
  if (summary.errors + summary.warnings === 0) return "No new architecture drift";
  const parts = [
    summary.errors > 0 ? `${summary.errors} error${summary.errors === 1 ? "" : "s"}` : "",
    summary.warnings > 0 ? `${summary.warnings} warning${summary.warnings === 1 ? "" : "s"}` : "",
  ].filter(Boolean);
  return `${parts.join(", ")}: architecture drift`;
}
