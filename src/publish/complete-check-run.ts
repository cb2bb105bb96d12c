import type { Annotation } from "../report/render-annotations.js";
import type { PublishingOctokit, PublishTarget } from "./publishing-octokit.js";

export type Conclusion = "success" | "neutral" | "failure" | "cancelled" | "skipped";

export interface CheckRunResult {
  readonly conclusion: Conclusion;
  readonly title: string;
  readonly summary: string;
  readonly annotations?: readonly Annotation[];
}

/** The Checks API takes at most 50 annotations a request; later updates append. */
const annotationBatch = 50;

/** Completes a check run with its summary, then sends the annotations past the first 50. */
export async function completeCheckRun(
  octokit: PublishingOctokit,
  target: PublishTarget,
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
