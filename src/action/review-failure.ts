import type { CheckRunResult } from "../publish/complete-check-run.js";
import { unreviewable } from "../review/unreviewable.js";
import { CommitNotFoundError } from "../workspace/commit-not-found-error.js";
import { NoCheckoutError } from "../workspace/complete-checkout.js";
import { FetchAuthError } from "../workspace/fetch-auth-error.js";

const fetchAdvice =
  "Give actions/checkout `fetch-depth: 0` so the history is already there, and keep `contents: read` in the job's `permissions` so the `token` input can fetch what is missing.";

/**
 * Why a review could not run, worded for whoever edits the workflow: the same text goes to the
 * check run, the job summary and the step's error. Undefined for an error nobody foresaw.
 */
export function reviewFailure(error: unknown): CheckRunResult | undefined {
  if (error instanceof NoCheckoutError)
    return failure(
      "No checkout to review",
      "The workspace holds no git repository. Add `- uses: actions/checkout@v4` to the job's steps before archdrift.",
    );
  if (error instanceof CommitNotFoundError)
    return failure(
      `The ${error.role} commit is missing`,
      `${error.message} archdrift looked in the checkout and asked the repository for it with the workflow's token. ${fetchAdvice} A commit that was force-pushed away cannot be fetched: re-run the workflow on the pull request's current state.`,
    );
  if (error instanceof FetchAuthError)
    return failure(
      "The token could not fetch the repository",
      `The checkout lacks commits the review needs, and ${error.origin} refused the workflow's token when archdrift fetched them. ${fetchAdvice}`,
    );
  const reason = unreviewable(error);
  return reason && failure(reason.title, reason.details);
}

function failure(title: string, summary: string): CheckRunResult {
  return { conclusion: "failure", title, summary };
}
