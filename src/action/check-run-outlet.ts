import { error as errorAnnotation, notice, warning } from "@actions/core";
import { completeCheckRun, type CheckRunResult } from "../publish/complete-check-run.js";
import { checkRunName, type PublishTarget } from "../publish/publishing-octokit.js";
import type { Annotation } from "../report/render-annotations.js";
import type { ActionOctokit } from "./action-octokit.js";
import { isReadOnlyToken } from "./read-only-token.js";

/** Where the verdict goes: the `archdrift` check run, or workflow annotations on the job. */
export type CheckRunOutlet =
  | { readonly kind: "check-run"; readonly id: number; readonly url: string }
  | { readonly kind: "annotations"; readonly note?: string };

/** GitHub shows this many annotations of each level for one step and drops the rest. */
export const annotationsShownPerLevel = 10;

/** The `archdrift` check run, in progress while the review runs; annotations if it cannot be made. */
export async function openCheckRun(
  octokit: ActionOctokit,
  target: PublishTarget,
  wanted: boolean,
): Promise<CheckRunOutlet> {
  if (!wanted) return { kind: "annotations" };
  try {
    const { data } = await octokit.rest.checks.create({
      owner: target.owner,
      repo: target.repo,
      name: checkRunName,
      head_sha: target.headSha,
      status: "in_progress",
      started_at: new Date().toISOString(),
    });
    return { kind: "check-run", id: data.id, url: data.html_url ?? "" };
  } catch (error) {
    if (!isReadOnlyToken(error)) throw error;
    return {
      kind: "annotations",
      note: "The workflow's token may not create check runs (a pull request from a fork gets a read-only token), so the verdict is in this summary and the job's annotations instead of an `archdrift` check run.",
    };
  }
}

/** Completes the check run as the App does, or annotates the job the way workflows can. */
export async function deliverResult(
  octokit: ActionOctokit,
  outlet: CheckRunOutlet,
  target: PublishTarget,
  result: CheckRunResult,
): Promise<string | undefined> {
  if (outlet.kind === "check-run") {
    await completeCheckRun(octokit, target, outlet.id, result);
    return undefined;
  }
  return annotateJob(result.annotations ?? []);
}

/** Workflow annotations, errors first; says how many GitHub would not have shown. */
function annotateJob(annotations: readonly Annotation[]): string | undefined {
  const byLevel = { failure: errorAnnotation, warning, notice } as const;
  let hidden = 0;
  for (const level of ["failure", "warning", "notice"] as const) {
    const ofLevel = annotations.filter((annotation) => annotation.annotation_level === level);
    for (const annotation of ofLevel.slice(0, annotationsShownPerLevel)) {
      byLevel[level](annotation.message, {
        title: annotation.title,
        file: annotation.path,
        startLine: annotation.start_line,
        endLine: annotation.end_line,
      });
    }
    hidden += Math.max(0, ofLevel.length - annotationsShownPerLevel);
  }
  return hidden === 0
    ? undefined
    : `GitHub shows ${annotationsShownPerLevel} annotations of each level for a step: ${hidden} more findings are listed in this summary only.`;
}
