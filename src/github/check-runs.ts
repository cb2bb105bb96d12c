import type { Annotation } from "../report/render-annotations.js";
import { checkRunName, type GitHubOctokit } from "./github-octokit.js";
import { targetKey, type ReviewTarget } from "./review-target.js";

export type Conclusion = "success" | "neutral" | "failure" | "cancelled" | "skipped";

export interface CheckRunResult {
  readonly conclusion: Conclusion;
  readonly title: string;
  readonly summary: string;
  readonly annotations?: readonly Annotation[];
}

/** The Checks API takes at most 50 annotations a request; later updates append. */
const annotationBatch = 50;

/** Created the moment the event arrives, so a required check shows up at once. */
export async function createQueuedCheckRun(
  octokit: GitHubOctokit,
  target: ReviewTarget,
): Promise<number> {
  const { data } = await octokit.rest.checks.create({
    owner: target.owner,
    repo: target.repo,
    name: checkRunName,
    head_sha: target.headSha,
    status: "queued",
    external_id: targetKey(target),
  });
  return data.id;
}

export async function markInProgress(
  octokit: GitHubOctokit,
  target: ReviewTarget,
  checkRunId: number,
): Promise<void> {
  await octokit.rest.checks.update({
    owner: target.owner,
    repo: target.repo,
    check_run_id: checkRunId,
    status: "in_progress",
    started_at: new Date().toISOString(),
  });
}

export async function completeCheckRun(
  octokit: GitHubOctokit,
  target: ReviewTarget,
  checkRunId: number,
  result: CheckRunResult,
): Promise<void> {
  const annotations = result.annotations ?? [];
  const output = (batch: readonly Annotation[]) => ({
    title: result.title,
    summary: result.summary,
    ...(batch.length > 0 ? { annotations: [...batch] } : {}),
  });
  await octokit.rest.checks.update({
    owner: target.owner,
    repo: target.repo,
    check_run_id: checkRunId,
    status: "completed",
    conclusion: result.conclusion,
    completed_at: new Date().toISOString(),
    output: output(annotations.slice(0, annotationBatch)),
  });
  for (let start = annotationBatch; start < annotations.length; start += annotationBatch) {
    await octokit.rest.checks.update({
      owner: target.owner,
      repo: target.repo,
      check_run_id: checkRunId,
      output: output(annotations.slice(start, start + annotationBatch)),
    });
  }
}
