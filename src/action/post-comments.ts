import type { DriftReport } from "../drift/drift-report.js";
import type { PullTarget } from "../publish/publishing-octokit.js";
import { publishReview } from "../publish/publish-review.js";
import type { ActionOctokit } from "./action-octokit.js";
import { isReadOnlyToken } from "./read-only-token.js";

/**
 * The App's review, comments and all, when the event is a pull request and the input asks for it.
 * Returns a note for the summary: what was posted, or why nothing could be.
 */
export async function postComments(
  octokit: ActionOctokit,
  target: PullTarget,
  report: DriftReport,
): Promise<string | undefined> {
  try {
    const outcome = await publishReview(octokit, target, report);
    if (outcome.posted + outcome.resolved + outcome.notCommented === 0) return undefined;
    const parts = [`${outcome.posted} review comment${outcome.posted === 1 ? "" : "s"} posted`];
    if (outcome.resolved > 0) parts.push(`${outcome.resolved} earlier ones marked resolved`);
    if (outcome.notCommented > 0)
      parts.push(`${outcome.notCommented} import lines outside the diff or past the limit of 30`);
    return `${parts.join("; ")}.`;
  } catch (error) {
    if (!isReadOnlyToken(error)) throw error;
    return "The workflow's token may not comment on this pull request (a pull request from a fork gets a read-only token): no review comments.";
  }
}
