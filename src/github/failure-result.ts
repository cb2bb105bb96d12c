import type { CheckRunResult } from "../publish/complete-check-run.js";
import { codeBlock } from "../report/markdown-text.js";

/** Room left for the error's own words: a check run's summary is read, not scrolled. */
const maxReasonChars = 2000;

const diskFullText = /No space left on device|\bENOSPC\b/i;

/**
 * The check run of a review that stopped on an error `unreviewable` did not explain. A full disk
 * gets its own words: the generic "could not complete" reads as the pull request's fault, and the
 * people who can fix it are the operators, not the author. Errors arrive scrubbed of tokens.
 */
export function failureResult(error: unknown): CheckRunResult {
  const reason = error instanceof Error ? error.message : String(error);
  return isDiskFull(error) ? diskFull(reason) : generic(reason);
}

function generic(reason: string): CheckRunResult {
  return {
    conclusion: "failure",
    title: "archdrift could not complete the review",
    summary: `The review stopped with an error, so this check cannot pass. Re-run it from the Checks tab; if it keeps failing, tell the archdrift operators.\n\n${quoted(reason)}`,
  };
}

function diskFull(reason: string): CheckRunResult {
  return {
    conclusion: "failure",
    title: "archdrift's disk is full",
    summary: `The archdrift worker ran out of disk space, so this check cannot pass. This is not the pull request's fault: nothing in it was judged.\n\nOperators: free space under \`ARCHDRIFT_DATA_DIR\` (the repository mirrors and the graph cache live there) and in the worker's temp folder. Then re-run this check from the Checks tab.\n\n${quoted(reason)}`,
  };
}

function quoted(reason: string): string {
  // An error can quote a path from the pull request: a code block no backtick in it can close.
  return codeBlock(reason.slice(0, maxReasonChars));
}

/**
 * Duck-typed rather than `instanceof GitCommandError`: github may not import workspace. Git says
 * it on stderr, Node with `code`; a wrapped error may carry either in its `cause`.
 */
function isDiskFull(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 3) return false;
  const { code, message, stderr, cause } = error as Record<string, unknown>;
  if (code === "ENOSPC") return true;
  if ([message, stderr].some((text) => typeof text === "string" && diskFullText.test(text)))
    return true;
  return isDiskFull(cause, depth + 1);
}
